import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attainment } from "./thresholds";
import { trendOfSeries } from "./trend";

describe("trendOfSeries", () => {
  it("follows the drawn line: a climbing sparkline is better, a falling one worse", () => {
    expect(trendOfSeries([0.9, 0.95, 1.0, 1.05])).toBe("improving");
    expect(trendOfSeries([1.2, 1.1, 1.0, 0.9])).toBe("worsening");
    // The reported case: a line that climbs must not say "unchanged".
    expect(trendOfSeries([1.0, 1.01, 1.02, 1.03, 1.04])).toBe("improving");
  });

  it("calls a rise of less than 2 % of the target over the drawn span flat", () => {
    expect(trendOfSeries([1.0, 1.005, 1.01, 1.015])).toBe("flat");
    expect(trendOfSeries([1.0, 1.2, 1.2, 1.0])).toBe("flat");
  });

  it("skips gaps and needs two points", () => {
    expect(trendOfSeries([null, 0.8, null, 1.0])).toBe("improving");
    expect(trendOfSeries([null, 1.0, null])).toBeNull();
    expect(trendOfSeries([])).toBeNull();
  });

  it("reads lower-is-better KPIs in their direction: falling hours draw a rising line", () => {
    const hours = [12, 10, 8, 6].map((h) => attainment(h, 4, "lower_is_better"));
    expect(trendOfSeries(hours)).toBe("improving");
  });

  it("agrees with the line's end points when the line is straight", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 3, noNaN: true }), fc.double({ min: -0.5, max: 0.5, noNaN: true }), fc.integer({ min: 2, max: 12 }), (start, step, n) => {
        const line = Array.from({ length: n }, (_, i) => start + step * i);
        const rise = line[n - 1] - line[0];
        const trend = trendOfSeries(line);
        if (Math.abs(rise) >= 0.02 + 1e-9) expect(trend).toBe(rise > 0 ? "improving" : "worsening");
        if (Math.abs(rise) < 0.02 - 1e-9) expect(trend).toBe("flat");
      }),
    );
  });
});
