import { describe, expect, it } from "vitest";
import { aggregate, bucketize, targetScale } from "./aggregate";

const pts = [
  { day: "2026-03-02", value: 4, seq: 1 },
  { day: "2026-03-31", value: 10, seq: 2 },
  { day: "2026-03-31", value: 7, seq: 3 },
  { day: "2026-03-15", value: 3, seq: 4 },
];

describe("aggregate", () => {
  it("sums, averages and takes the last value by day, then by entry order", () => {
    expect(aggregate(pts, "sum")).toBe(24);
    expect(aggregate(pts, "avg")).toBe(6);
    expect(aggregate(pts, "last")).toBe(7);
  });

  it("has no value without measurements", () => {
    for (const a of ["sum", "avg", "last"] as const) expect(aggregate([], a)).toBeNull();
  });

  it("keeps a sum of zero apart from no data", () => {
    expect(aggregate([{ day: "2026-01-01", value: 0, seq: 1 }], "sum")).toBe(0);
  });
});

describe("bucketize", () => {
  const around = [
    { day: "2026-03-31", value: 1, seq: 1 },
    { day: "2026-04-01", value: 2, seq: 2 },
    { day: "2026-04-02", value: 4, seq: 3 },
  ];
  it("splits on the first day of a month and a quarter", () => {
    expect(bucketize(around, "month", "sum")).toEqual([
      { start: "2026-03-01", count: 1, value: 1 },
      { start: "2026-04-01", count: 2, value: 6 },
    ]);
    expect(bucketize(around, "quarter", "avg")).toEqual([
      { start: "2026-01-01", count: 1, value: 1 },
      { start: "2026-04-01", count: 2, value: 3 },
    ]);
  });
  it("keeps a week that spans two months together", () => {
    expect(bucketize(around, "week", "last")).toEqual([{ start: "2026-03-30", count: 3, value: 4 }]);
  });
});

describe("targetScale", () => {
  const april = { start: "2026-04-01", end: "2026-05-01" };
  it("compares running sums pro rata and finished ones in full", () => {
    expect(targetScale("sum", "month", april, "2026-04-15")).toBeCloseTo(15 / 30);
    expect(targetScale("sum", "month", april, "2026-05-03")).toBe(1);
  });
  it("scales a sum to a longer window by its length", () => {
    const q = { start: "2026-01-01", end: "2026-04-01" };
    expect(targetScale("sum", "month", q, "2026-06-01")).toBeCloseTo(90 / (365.25 / 12));
    expect(targetScale("sum", "quarter", q, "2026-06-01")).toBe(1);
    expect(targetScale("sum", "week", { start: "2026-03-30", end: "2026-04-06" }, "2026-04-01")).toBeCloseTo(3 / 7);
  });
  it("never scales averages and last values", () => {
    expect(targetScale("avg", "month", april, "2026-04-02")).toBe(1);
    expect(targetScale("last", "week", april, "2026-04-02")).toBe(1);
  });
});
