import { describe, expect, it } from "vitest";
import { canEditStrategy, channelRuleErrors, normalizeHandle, planAssignment } from "./rules";

const people = new Map([
  [1, { active: true }],
  [2, { active: true }],
  [3, { active: false }],
]);

describe("channelRuleErrors", () => {
  const ok = { status: "active" as const, ownerId: 1, deputyId: 2, hasOwningDepartment: true };

  it("accepts an active channel with two different active people and an owning department", () => {
    expect(channelRuleErrors(ok, people)).toEqual({});
  });

  it("refuses the same person as owner and deputy", () => {
    expect(channelRuleErrors({ ...ok, deputyId: 1 }, people)).toEqual({ deputyId: ["channels.errors.deputySameAsOwner"] });
  });

  it("refuses deactivated and unknown people", () => {
    expect(channelRuleErrors({ ...ok, ownerId: 3, deputyId: 99 }, people)).toEqual({
      ownerId: ["validation.activeUser"],
      deputyId: ["validation.activeUser"],
    });
  });

  it("refuses an active channel without an owning department, but not a planned one", () => {
    expect(channelRuleErrors({ ...ok, hasOwningDepartment: false }, people)).toEqual({
      status: ["channels.errors.activeNeedsOwningDepartment"],
    });
    expect(channelRuleErrors({ ...ok, status: "planned", hasOwningDepartment: false }, people)).toEqual({});
  });

  it("allows a channel without owner or deputy (the matrix shows it as a gap)", () => {
    expect(channelRuleErrors({ ...ok, ownerId: null, deputyId: null }, people)).toEqual({});
  });
});

describe("normalizeHandle", () => {
  it("drops a leading @ and surrounding blanks, keeps the rest", () => {
    expect(normalizeHandle(" @BrennerAntrieb ")).toBe("BrennerAntrieb");
    expect(normalizeHandle("@brenner@social.example")).toBe("brenner@social.example");
    expect(normalizeHandle(" @ ")).toBeNull();
    expect(normalizeHandle(undefined)).toBeNull();
  });
});

describe("planAssignment", () => {
  const current = [
    { departmentId: 10, responsibility: "owner" as const },
    { departmentId: 20, responsibility: "reader" as const },
  ];

  it("hands ownership over and keeps the previous owner as contributor", () => {
    const plan = planAssignment("active", current, { kind: "set", departmentId: 20, responsibility: "owner" });
    expect(plan).toEqual({
      ok: true,
      demotedOwner: 10,
      next: [
        { departmentId: 10, responsibility: "contributor" },
        { departmentId: 20, responsibility: "owner" },
      ],
    });
  });

  it("adds a contributor without touching the owner", () => {
    const plan = planAssignment("active", current, { kind: "set", departmentId: 30, responsibility: "contributor" });
    expect(plan.ok && plan.next).toContainEqual({ departmentId: 10, responsibility: "owner" });
    expect(plan.ok && plan.demotedOwner).toBeNull();
  });

  it("keeps an active channel owned: no removing or demoting its owner", () => {
    expect(planAssignment("active", current, { kind: "remove", departmentId: 10 })).toEqual({
      ok: false,
      field: "_form",
      error: "channels.errors.ownerRequired",
    });
    expect(planAssignment("active", current, { kind: "set", departmentId: 10, responsibility: "reader" })).toMatchObject({ ok: false });
  });

  it("lets a paused or planned channel lose its owner", () => {
    expect(planAssignment("paused", current, { kind: "remove", departmentId: 10 })).toEqual({
      ok: true,
      demotedOwner: null,
      next: [{ departmentId: 20, responsibility: "reader" }],
    });
  });

  it("reports removing a department that is not assigned", () => {
    expect(planAssignment("active", current, { kind: "remove", departmentId: 99 })).toMatchObject({ ok: false, error: "channels.errors.notAssigned" });
  });
});

describe("canEditStrategy", () => {
  it("lets the manager and admin edit every channel", () => {
    expect(canEditStrategy({ role: "manager", departmentId: null }, 5)).toBe(true);
    expect(canEditStrategy({ role: "admin", departmentId: null }, null)).toBe(true);
  });

  it("lets a department head edit only channels their department owns", () => {
    expect(canEditStrategy({ role: "department_head", departmentId: 5 }, 5)).toBe(true);
    expect(canEditStrategy({ role: "department_head", departmentId: 5 }, 6)).toBe(false);
    expect(canEditStrategy({ role: "department_head", departmentId: 5 }, null)).toBe(false);
    expect(canEditStrategy({ role: "department_head", departmentId: null }, null)).toBe(false);
  });

  it("never lets executives or employees edit, even in their own department", () => {
    expect(canEditStrategy({ role: "executive", departmentId: 5 }, 5)).toBe(false);
    expect(canEditStrategy({ role: "employee", departmentId: 5 }, 5)).toBe(false);
  });
});
