import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateCosts, costPerResult, itemCents, parseAmountCents, progress, roi, verdict } from "./economics";

describe("measure costs", () => {
  it("sums planned and actual items per category, staff as hours × rate", () => {
    const s = aggregateCosts([
      { category: "staff", actual: false, hours: 40, hourlyRateCents: 6_500 },
      { category: "staff", actual: true, hours: 12.5, hourlyRateCents: 6_500 },
      { category: "paid_media", actual: false, amountCents: 300_000 },
      { category: "paid_media", actual: true, amountCents: 180_050 },
      { category: "agency", actual: true, amountCents: 99_99 },
    ]);
    expect(s.plannedCents).toBe(260_000 + 300_000);
    expect(s.actualCents).toBe(81_250 + 180_050 + 9_999);
    expect(s.byCategory.staff).toEqual({ plannedCents: 260_000, actualCents: 81_250 });
    expect(s.byCategory.tools).toEqual({ plannedCents: 0, actualCents: 0 });
    expect(s.consumed).toBeCloseTo(271_299 / 560_000);
    expect(aggregateCosts([]).consumed).toBeNull();
  });

  it("rounds staff cost to the cent", () => {
    expect(itemCents({ category: "staff", actual: true, hours: 0.33, hourlyRateCents: 5_555 })).toBe(1_833);
  });

  it("gives cost per result only with a result, and ROI only with a cost", () => {
    // 2.400 € for 16 applications: 150 € each.
    expect(costPerResult(240_000, 16)).toBe(15_000);
    expect(costPerResult(240_000, 0)).toBeNull();
    expect(costPerResult(240_000, null)).toBeNull();
    expect(roi(500_000, 400_000)).toBeCloseTo(0.25);
    expect(roi(300_000, 400_000)).toBeCloseTo(-0.25);
    expect(roi(1, 0)).toBeNull();
  });
});

describe("verdict", () => {
  it("judges nothing before a result", () => {
    expect(verdict({ status: "planned", actualCents: 0, realisedBenefitCents: 10 })).toEqual({ verdict: "open", reason: "not_started" });
    expect(verdict({ status: "running", actualCents: 5_000 })).toEqual({ verdict: "open", reason: "no_result" });
    expect(verdict({ status: "running", actualCents: 5_000, goals: [{ baseline: 10, target: 20, current: null }] })).toEqual({ verdict: "open", reason: "no_result" });
  });

  it("money: holds at a non-negative ROI, does not hold (so far) below", () => {
    expect(verdict({ status: "running", actualCents: 100, realisedBenefitCents: 100 })).toEqual({ verdict: "holds", reason: "roi_positive" });
    expect(verdict({ status: "running", actualCents: 100, realisedBenefitCents: 50 })).toEqual({ verdict: "does_not_hold", reason: "roi_negative_so_far" });
    expect(verdict({ status: "completed", actualCents: 100, realisedBenefitCents: 50 })).toEqual({ verdict: "does_not_hold", reason: "roi_negative" });
    expect(verdict({ status: "completed", actualCents: 0, realisedBenefitCents: 50 })).toEqual({ verdict: "holds", reason: "no_cost" });
  });

  it("KPIs: holds when every target is reached, in either direction", () => {
    const up = { baseline: 10, target: 20, current: 21 };
    const down = { baseline: 48, target: 24, current: 20 };
    expect(verdict({ status: "running", actualCents: 1, goals: [up, down] })).toEqual({ verdict: "holds", reason: "targets_reached" });
    const short = { baseline: 48, target: 24, current: 30 };
    expect(progress(short)).toBeCloseTo(0.75);
    expect(verdict({ status: "running", actualCents: 1, goals: [up, short] })).toEqual({ verdict: "does_not_hold", reason: "targets_not_yet" });
    expect(verdict({ status: "stopped", actualCents: 1, goals: [short] })).toEqual({ verdict: "does_not_hold", reason: "targets_missed" });
  });
});

describe("amounts as entered", () => {
  it("reads German and plain notation, non-negative with at most two decimals", () => {
    expect(parseAmountCents("1.234,56")).toBe(123_456);
    expect(parseAmountCents("1234,5")).toBe(123_450);
    expect(parseAmountCents("1234.56")).toBe(123_456);
    expect(parseAmountCents(" 2.400 € ")).toBe(240_000);
    expect(parseAmountCents("0")).toBe(0);
    expect(parseAmountCents("1,234.56")).toBe(123_456);
    expect(parseAmountCents("12.345")).toBe(1_234_500);
    for (const bad of ["", "-5", "1,234", "1.2345", "12,3,4", "abc", "1e5", "1.234.5", "1,234,5", "1.234,567", "99999999999999"]) expect(parseAmountCents(bad)).toBeNull();
  });

  it("round-trips every amount written the German way", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (cents) => {
        const text = new Intl.NumberFormat("de-DE", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100);
        expect(parseAmountCents(text)).toBe(cents);
      }),
    );
  });
});
