import { describe, expect, it } from "vitest";
import { ROLES, can } from "@/lib/permissions";
import { concernsSigner, defaultSignoffFunction, ownSignoffFunctions, recordsOnBehalf, seesCoverage, seesWorkInProgress } from "./access";

describe("guideline visibility per role", () => {
  it("shows drafts and reviews to the central unit and to admins recording sign-offs only", () => {
    expect(ROLES.filter(seesWorkInProgress)).toEqual(["admin", "manager"]);
  });

  it("shows coverage numbers to those who oversee, names only to manager and admin", () => {
    expect(ROLES.filter(seesCoverage)).toEqual(["admin", "manager", "department_head", "executive"]);
    expect(ROLES.filter((r) => can(r, "guidelines:coverage_names"))).toEqual(["admin", "manager"]);
  });
});

describe("signers with a sign-off function", () => {
  const wc = { id: 7, signoffFunctions: ["works_council"] as const };
  const v = (status: "draft" | "in_review" | "approved" | "published", requiredSignoffs: ("legal" | "works_council")[], signedBy: number[] = []) => ({
    status,
    requiredSignoffs,
    signoffs: signedBy.map((signatoryId) => ({ signatoryId })),
  });

  it("see a version in review or approved only when it needs their function", () => {
    expect(concernsSigner(v("in_review", ["legal", "works_council"]), wc)).toBe(true);
    expect(concernsSigner(v("approved", ["works_council"]), wc)).toBe(true);
    expect(concernsSigner(v("in_review", ["legal"]), wc)).toBe(false);
  });

  it("never see a draft, unless they signed it themselves (a rejection sent it back)", () => {
    expect(concernsSigner(v("draft", ["works_council"]), wc)).toBe(false);
    expect(concernsSigner(v("draft", ["works_council"], [8]), wc)).toBe(false);
    expect(concernsSigner(v("draft", ["works_council"], [7]), wc)).toBe(true);
  });

  it("sign only for required functions they hold, only in review", () => {
    expect(ownSignoffFunctions(v("in_review", ["legal", "works_council"]), ["works_council", "data_protection"])).toEqual(["works_council"]);
    expect(ownSignoffFunctions(v("approved", ["works_council"]), ["works_council"])).toEqual([]);
  });

  it("start the form on a function that has not decided in this round", () => {
    expect(defaultSignoffFunction(["legal", "works_council"], { decisions: { legal: "approved" } })).toBe("works_council");
    expect(defaultSignoffFunction(["legal"], { decisions: { legal: "rejected" } })).toBeNull();
  });

  it("only the central unit (and IT) records on behalf", () => {
    expect(ROLES.filter(recordsOnBehalf)).toEqual(["admin", "manager"]);
  });
});
