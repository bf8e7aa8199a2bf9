import { describe, expect, it } from "vitest";
import { ROLES, can } from "@/lib/permissions";
import { seesCoverage, seesWorkInProgress } from "./access";

describe("guideline visibility per role", () => {
  it("shows drafts and reviews to the central unit and to admins recording sign-offs only", () => {
    expect(ROLES.filter(seesWorkInProgress)).toEqual(["admin", "manager"]);
  });

  it("shows coverage numbers to those who oversee, names only to manager and admin", () => {
    expect(ROLES.filter(seesCoverage)).toEqual(["admin", "manager", "department_head", "executive"]);
    expect(ROLES.filter((r) => can(r, "guidelines:coverage_names"))).toEqual(["admin", "manager"]);
  });
});
