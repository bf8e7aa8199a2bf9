import { describe, expect, it } from "vitest";
import { computeCoverage, suppressSmallGroups } from "@/lib/guidelines/coverage";
import { MIN_GROUP, minGroupFor } from "./works-council";

const dept = (id: number, name: string, n: number, from: number) =>
  Array.from({ length: n }, (_, i) => ({ id: from + i, name: `${name} ${i}`, departmentId: id, departmentName: name }));

describe("works-council mode", () => {
  it("limits everyone below the central unit, and nobody while it is off", () => {
    expect(MIN_GROUP).toBe(5);
    for (const role of ["department_head", "executive", "employee"] as const) {
      expect(minGroupFor(role, true)).toBe(5);
      expect(minGroupFor(role, false)).toBe(0);
    }
    for (const role of ["admin", "manager"] as const) expect(minGroupFor(role, true)).toBe(0);
  });

  it("hides a department of three (numbers and names) and keeps the large ones", () => {
    const people = [...dept(1, "Marketing", 6, 1), ...dept(2, "Personal", 3, 100), ...dept(3, "Vertrieb", 4, 200)];
    const c = suppressSmallGroups(computeCoverage(people, new Set([1, 2, 100])), 5);
    const byName = Object.fromEntries(c.departments.map((d) => [d.departmentName, d]));
    expect(byName.Marketing).toMatchObject({ total: 6, acknowledged: 2 });
    expect(byName.Marketing.suppressed).toBeUndefined();
    expect(byName.Personal).toMatchObject({ total: 0, acknowledged: 0, pending: [], suppressed: true });
    expect(byName.Vertrieb).toMatchObject({ total: 0, acknowledged: 0, pending: [], suppressed: true });
    // 3 + 4 hidden people: the totals cannot single out either group.
    expect(c).toMatchObject({ total: 13, acknowledged: 3 });
    expect(c.suppressed).toBeUndefined();
  });

  it("hides the totals when they would give one small group away by subtraction", () => {
    const people = [...dept(1, "Marketing", 6, 1), ...dept(2, "Personal", 3, 100)];
    const c = suppressSmallGroups(computeCoverage(people, new Set([100])), 5);
    expect(c).toMatchObject({ total: 0, acknowledged: 0, suppressed: true });
    expect(c.departments[0]).toMatchObject({ departmentName: "Marketing", total: 6, acknowledged: 0 });
  });

  it("hides a guideline that applies to fewer than five people altogether", () => {
    const c = suppressSmallGroups(computeCoverage(dept(1, "Recht", 4, 1), new Set([1])), 5);
    expect(c.suppressed).toBe(true);
    expect(JSON.stringify(c)).not.toContain("Recht 1");
  });

  it("changes nothing without a limit or when every group is large enough", () => {
    const c = computeCoverage([...dept(1, "A", 5, 1), ...dept(2, "B", 7, 50)], new Set([1, 50]));
    expect(suppressSmallGroups(c, 0)).toEqual(c);
    expect(suppressSmallGroups(c, 5)).toEqual(c);
  });
});
