import { describe, expect, it } from "vitest";
import { roleEnum } from "@/db/schema";
import { can, homeFor, navFor, PERMISSIONS, type Permission, ROLE_PERMISSIONS } from "./permissions";

// The expected matrix written out by hand: a change to lib/permissions.ts must be made here too,
// deliberately. Columns: admin, manager, department_head, executive, employee.
const EXPECTED: Record<Permission, [boolean, boolean, boolean, boolean, boolean]> = {
  "overview:read": [true, true, true, true, false],
  "overview:read_all": [true, true, false, true, false],
  "guidelines:read": [true, true, true, true, true],
  "guidelines:write": [false, true, false, false, false],
  "guidelines:signoff": [true, true, false, false, false],
  "guidelines:coverage_names": [true, true, false, false, false],
  "guidelines:acknowledge": [true, true, true, true, true],
  "channels:read": [true, true, true, true, true],
  "channels:write": [true, true, false, false, false],
  "channels:edit_strategy": [false, true, true, false, false],
  "connectors:manage": [false, true, false, false, false],
  "processes:write": [false, true, false, false, false],
  "kpis:read": [true, true, true, true, false],
  "kpis:write": [false, true, false, false, false],
  "measurements:write": [false, true, true, false, false],
  "measures:read": [false, true, true, true, false],
  "measures:write": [false, true, true, false, false],
  "alerts:read": [true, true, true, true, false],
  "alerts:acknowledge": [false, true, true, false, false],
  "insights:read": [true, true, true, false, false],
  "insights:triage": [false, true, false, false, false],
  "insights:act": [false, false, true, false, false],
  "rules:write": [false, true, false, false, false],
  "crisis:read": [false, true, true, true, false],
  "crisis:manage": [false, true, false, false, false],
  "privacy:subjects": [false, true, false, false, false],
  "admin:users": [true, false, false, false, false],
  "admin:departments": [true, false, false, false, false],
  "admin:audit": [true, false, false, false, false],
  "admin:tokens": [true, false, false, false, false],
  "admin:jobs": [true, false, false, false, false],
};

const ROLES = ["admin", "manager", "department_head", "executive", "employee"] as const;

describe("permission matrix", () => {
  it("covers every role of the database enum", () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...roleEnum.enumValues].sort());
  });

  it("lists every permission in the expected table", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSIONS].sort());
  });

  for (const permission of PERMISSIONS) {
    ROLES.forEach((role, i) => {
      const allowed = EXPECTED[permission][i];
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed);
      });
    });
  }

  it("denies everything to an unknown or missing role", () => {
    expect(can(undefined, "guidelines:read")).toBe(false);
    expect(can(null, "guidelines:read")).toBe(false);
    expect(can("intruder" as never, "guidelines:read")).toBe(false);
  });
});

describe("navigation", () => {
  it("shows each role exactly the sections it may use", () => {
    expect(navFor("admin")).toEqual(["overview", "guidelines", "channels", "kpis", "insights", "alerts", "admin"]);
    expect(navFor("manager")).toEqual(["overview", "guidelines", "channels", "kpis", "measures", "insights", "alerts", "crisis"]);
    expect(navFor("department_head")).toEqual(["overview", "guidelines", "channels", "kpis", "measures", "insights", "alerts", "crisis"]);
    expect(navFor("executive")).toEqual(["overview", "guidelines", "channels", "kpis", "measures", "alerts", "crisis"]);
    expect(navFor("employee")).toEqual(["guidelines", "channels"]);
  });

  it("sends every role home to a page it may open", () => {
    expect(homeFor("executive")).toBe("/overview");
    expect(homeFor("admin")).toBe("/admin");
    expect(homeFor("employee")).toBe("/guidelines/mine");
  });
});
