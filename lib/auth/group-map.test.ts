import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/enums";
import { groupsFromClaim, parseGroupMap, resolveGrant } from "./group-map";

describe("parseGroupMap", () => {
  it("reads roles and departments", () => {
    const m = parseGroupMap(
      JSON.stringify({ "sm-team": { role: "manager" }, "service-leads": { role: "department_head", department: "kundenservice" } }),
    );
    expect(m.get("sm-team")).toEqual({ role: "manager" });
    expect(m.get("service-leads")).toEqual({ role: "department_head", department: "kundenservice" });
  });

  it("drops a department on roles that have none", () => {
    expect(parseGroupMap('{"board":{"role":"executive","department":"finanzen"}}').get("board")).toEqual({ role: "executive" });
  });

  it.each([
    ["not json", "not valid JSON"],
    ["[]", "must be a JSON object"],
    ['{"a": 1}', "must be an object"],
    ['{"a": {"role": "boss"}}', "role must be one of"],
    ['{"a": {"role": "department_head"}}', "needs a \"department\""],
    ['{"a": {"role": "employee", "department": "Not A Slug"}}', "department's slug"],
    ['{"a": {"role": "manager", "rights": "all"}}', 'unknown field "rights"'],
    ['{" ": {"role": "manager"}}', "1 to 256 characters"],
  ])("refuses %s with a clear message", (json, message) => {
    expect(() => parseGroupMap(json)).toThrow(message);
  });

  it("never fails with anything but a clear Error (fuzz)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v))), (input) => {
        try {
          const m = parseGroupMap(input);
          for (const [name, grant] of m) {
            expect(name.trim()).toBe(name);
            expect(ROLES).toContain(grant.role);
          }
        } catch (err) {
          expect(err).toBeInstanceOf(Error);
          expect((err as Error).message).toMatch(/^OIDC_GROUP_MAP/);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("groupsFromClaim", () => {
  it("takes arrays and single strings, nothing else", () => {
    expect(groupsFromClaim(["a", "b", "a", 3, null, ""])).toEqual(["a", "b"]);
    expect(groupsFromClaim("a")).toEqual(["a"]);
    expect(groupsFromClaim(undefined)).toEqual([]);
    expect(groupsFromClaim({ a: 1 })).toEqual([]);
  });
});

describe("resolveGrant", () => {
  const mapping = parseGroupMap(
    JSON.stringify({
      staff: { role: "employee" },
      "service-leads": { role: "department_head", department: "kundenservice" },
      "hr-leads": { role: "department_head", department: "personal" },
      "sm-team": { role: "manager" },
    }),
  );

  it("the group with the most rights wins, whatever the order", () => {
    expect(resolveGrant(["staff", "sm-team", "service-leads"], mapping, null)).toMatchObject({ role: "manager", group: "sm-team" });
    expect(resolveGrant(["service-leads", "staff"], mapping, null)).toMatchObject({ role: "department_head", department: "kundenservice" });
  });

  it("breaks ties by group name, not by the IdP's order", () => {
    const a = resolveGrant(["service-leads", "hr-leads"], mapping, null);
    const b = resolveGrant(["hr-leads", "service-leads"], mapping, null);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ group: "hr-leads", department: "personal" });
  });

  it("refuses unmapped people unless a default role is set", () => {
    expect(resolveGrant(["unknown"], mapping, null)).toBeNull();
    expect(resolveGrant([], mapping, "employee")).toEqual({ role: "employee", group: null });
  });
});
