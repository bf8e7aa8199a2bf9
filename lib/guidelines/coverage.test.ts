import { describe, expect, it } from "vitest";
import { computeCoverage, withoutNames } from "./coverage";

const people = [
  { id: 1, name: "Zora Ziegler", departmentId: 1, departmentName: "Marketing" },
  { id: 2, name: "Anton Adler", departmentId: 1, departmentName: "Marketing" },
  { id: 3, name: "Berta Bauer", departmentId: 2, departmentName: "Personal" },
  { id: 4, name: "Carl Clausen", departmentId: null, departmentName: null },
];

describe("coverage", () => {
  it("counts per department and overall, listing who is pending", () => {
    const c = computeCoverage(people, new Set([1, 3]));
    expect(c).toMatchObject({ total: 4, acknowledged: 2, share: 0.5 });
    expect(c.departments.map((d) => [d.departmentName, d.acknowledged, d.total, d.share])).toEqual([
      ["Marketing", 1, 2, 0.5],
      ["Personal", 1, 1, 1],
      [null, 0, 1, 0],
    ]);
    expect(c.departments[0].pending).toEqual([{ id: 2, name: "Anton Adler" }]);
  });

  it("ignores acknowledgments of people outside the scope", () => {
    const c = computeCoverage(people.slice(0, 2), new Set([1, 2, 3, 99]));
    expect(c).toMatchObject({ total: 2, acknowledged: 2, share: 1 });
  });

  it("treats nobody affected as nothing missing", () => {
    expect(computeCoverage([], new Set())).toEqual({ total: 0, acknowledged: 0, share: 1, departments: [] });
  });

  it("strips names but keeps the numbers for aggregate-only roles", () => {
    const c = withoutNames(computeCoverage(people, new Set([1])));
    expect(c.departments.every((d) => d.pending.length === 0)).toBe(true);
    expect(c.departments[0]).toMatchObject({ total: 2, acknowledged: 1 });
  });
});
