import { describe, expect, it } from "vitest";
import { chartSpan, kpiViewQuery, niceScale, overviewHref, parseKpiView, shiftWindow } from "./chart-window";

const TODAY = "2026-11-30";

describe("parseKpiView", () => {
  it("reads a view the overview links to", () => {
    expect(parseKpiView({ window: "quarter", date: "2026-10-01", from: "overview", compare: "1" }, TODAY)).toEqual({
      window: "quarter",
      date: "2026-10-01",
      from: "overview",
      compare: true,
    });
  });

  it("falls back to the recent periods, today and the KPI list for anything it does not know", () => {
    expect(parseKpiView({ window: "decade", date: "2026-02-30", from: "https://evil.example", compare: "yes" }, TODAY)).toEqual({
      window: "recent",
      date: TODAY,
      from: "kpis",
      compare: false,
    });
    expect(parseKpiView({}, TODAY)).toEqual({ window: "recent", date: TODAY, from: "kpis", compare: false });
  });

  it("takes the first of repeated parameters and refuses days in the future", () => {
    expect(parseKpiView({ window: ["year", "month"], date: "2027-01-01" }, TODAY)).toMatchObject({ window: "year", date: TODAY });
  });
});

describe("links", () => {
  it("leads back to the overview with the same window and comparison", () => {
    const view = parseKpiView({ window: "quarter", date: "2026-11-15", from: "overview", compare: "1" }, TODAY);
    expect(overviewHref(view)).toBe("/overview?period=quarter&date=2026-10-01&compare=1");
    expect(kpiViewQuery(view)).toBe("?window=quarter&date=2026-10-01&from=overview&compare=1");
  });

  it("keeps the address short for the default view", () => {
    expect(kpiViewQuery(parseKpiView({}, TODAY))).toBe("");
    // On the first day of a quarter the window still names its day, so the link keeps its meaning.
    expect(kpiViewQuery(parseKpiView({ window: "quarter", from: "overview" }, "2031-01-01"))).toBe("?window=quarter&date=2031-01-01&from=overview");
    expect(overviewHref(parseKpiView({ from: "overview" }, TODAY))).toBe("/overview");
  });

  it("moves to the previous window but not into the future", () => {
    const view = parseKpiView({ window: "quarter", date: "2026-11-15" }, TODAY);
    expect(shiftWindow(view, -1, TODAY)?.date).toBe("2026-07-01");
    expect(shiftWindow(view, 1, TODAY)).toBeNull();
    expect(shiftWindow(parseKpiView({}, TODAY), -1, TODAY)).toBeNull();
  });
});

describe("chartSpan", () => {
  it("shows the recent periods by default", () => {
    expect(chartSpan({ window: "recent", date: TODAY }, "week", TODAY)).toEqual({ until: TODAY, periods: 12, range: null });
    expect(chartSpan({ window: "recent", date: TODAY }, "quarter", TODAY).periods).toBe(8);
  });

  it("covers a past quarter with every week that overlaps it", () => {
    // Q3 2026: Wednesday 1 July to Wednesday 30 September; ISO weeks from 29 June to 28 September.
    expect(chartSpan({ window: "quarter", date: "2026-08-10" }, "week", TODAY)).toEqual({
      until: "2026-09-30",
      periods: 14,
      range: { start: "2026-07-01", end: "2026-10-01" },
    });
    expect(chartSpan({ window: "quarter", date: "2026-08-10" }, "month", TODAY).periods).toBe(3);
    expect(chartSpan({ window: "quarter", date: "2026-08-10" }, "quarter", TODAY).periods).toBe(1);
  });

  it("stops at today in the running window", () => {
    expect(chartSpan({ window: "quarter", date: TODAY }, "month", TODAY)).toMatchObject({ until: TODAY, periods: 2 });
    expect(chartSpan({ window: "year", date: TODAY }, "month", TODAY).periods).toBe(11);
  });

  it("holds on calendar edges", () => {
    expect(chartSpan({ window: "quarter", date: "2032-02-29" }, "month", "2032-02-29")).toMatchObject({ until: "2032-02-29", periods: 2 });
    expect(chartSpan({ window: "month", date: "2031-01-01" }, "week", "2031-01-01")).toMatchObject({ until: "2031-01-01", periods: 1 });
    expect(chartSpan({ window: "year", date: "2030-12-31" }, "quarter", "2030-12-31")).toMatchObject({ until: "2030-12-31", periods: 4 });
    // June 2026 starts on a Monday: no week from May; December 2030 starts on a Sunday: its week counts.
    expect(chartSpan({ window: "month", date: "2026-06-15" }, "week", TODAY).periods).toBe(5);
    expect(chartSpan({ window: "month", date: "2030-12-15" }, "week", "2031-01-10").periods).toBe(6);
  });
});

describe("niceScale", () => {
  it("rounds to steps a person would choose", () => {
    expect(niceScale(3.7, 78.7)).toEqual({ min: 0, max: 80, step: 20, ticks: [0, 20, 40, 60, 80] });
    expect(niceScale(0, 4.4)).toMatchObject({ min: 0, max: 5, step: 1 });
    expect(niceScale(1200, 9800).ticks).toEqual([0, 2000, 4000, 6000, 8000, 10000]);
  });

  it("prints decimal steps without floating-point noise", () => {
    const s = niceScale(0.1, 0.95);
    expect(s.ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceScale(2.1, 2.9).ticks.every((t) => String(t).length <= 4)).toBe(true);
  });

  it("contains its input, also for negative values, one value and bounds in the wrong order", () => {
    for (const [lo, hi] of [
      [-13, 42],
      [5, 5],
      [0, 0],
      [90, 10],
      [99.5, 100.2],
    ]) {
      const s = niceScale(lo, hi);
      expect(s.min).toBeLessThanOrEqual(Math.min(lo, hi));
      expect(s.max).toBeGreaterThanOrEqual(Math.max(lo, hi));
      expect(s.ticks[0]).toBe(s.min);
      expect(s.ticks.at(-1)).toBe(s.max);
      expect(s.ticks.length).toBeLessThanOrEqual(8);
    }
  });

  it("survives values that are not numbers", () => {
    expect(niceScale(Number.NaN, 3).ticks.length).toBeGreaterThan(1);
  });
});
