import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attainment, evaluateStatus, overallStatus, ragOf, validateThresholds } from "./thresholds";

const higher = { direction: "higher_is_better" as const, target: 100, warningThreshold: 80, criticalThreshold: 60 };
const lower = { direction: "lower_is_better" as const, target: 4, warningThreshold: 8, criticalThreshold: 12 };

describe("validateThresholds", () => {
  it("accepts consistently ordered thresholds in both directions", () => {
    expect(validateThresholds(higher)).toBeNull();
    expect(validateThresholds(lower)).toBeNull();
  });

  it("names the field that is out of order, for higher-is-better", () => {
    expect(validateThresholds({ ...higher, warningThreshold: 100 })).toEqual({ warningThreshold: ["kpis.errors.warningBelowTarget"] });
    expect(validateThresholds({ ...higher, criticalThreshold: 90 })).toEqual({ criticalThreshold: ["kpis.errors.criticalBelowWarning"] });
  });

  it("names the field that is out of order, for lower-is-better", () => {
    expect(validateThresholds({ ...lower, warningThreshold: 3 })).toEqual({ warningThreshold: ["kpis.errors.warningAboveTarget"] });
    expect(validateThresholds({ ...lower, warningThreshold: 13 })).toEqual({ criticalThreshold: ["kpis.errors.criticalAboveWarning"] });
    expect(validateThresholds({ ...lower, criticalThreshold: 8 })).toEqual({ criticalThreshold: ["kpis.errors.criticalAboveWarning"] });
  });

  it("rejects non-numbers", () => {
    expect(validateThresholds({ ...higher, target: Number.NaN })).toEqual({ target: ["validation.number"] });
  });

  it("whatever it accepts evaluates the target itself as on target", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (hib, target, warningThreshold, criticalThreshold) => {
          const t = { direction: hib ? "higher_is_better" : "lower_is_better", target, warningThreshold, criticalThreshold } as const;
          if (validateThresholds(t) === null) {
            expect(evaluateStatus(target, t)).toBe("on_target");
            expect(evaluateStatus(criticalThreshold, t)).toBe("warning");
          }
        },
      ),
    );
  });
});

describe("evaluateStatus", () => {
  it("higher is better: the target is met from the target up, a threshold is crossed only strictly below it", () => {
    expect(evaluateStatus(120, higher)).toBe("on_target");
    expect(evaluateStatus(100, higher)).toBe("on_target");
    expect(evaluateStatus(99.99, higher)).toBe("within_tolerance");
    expect(evaluateStatus(80, higher)).toBe("within_tolerance");
    expect(evaluateStatus(79.9, higher)).toBe("warning");
    expect(evaluateStatus(60, higher)).toBe("warning");
    expect(evaluateStatus(59, higher)).toBe("critical");
  });

  it("lower is better: the target is met from the target down, a threshold is crossed only strictly above it", () => {
    expect(evaluateStatus(2, lower)).toBe("on_target");
    expect(evaluateStatus(4, lower)).toBe("on_target");
    expect(evaluateStatus(4.01, lower)).toBe("within_tolerance");
    expect(evaluateStatus(8, lower)).toBe("within_tolerance");
    expect(evaluateStatus(8.5, lower)).toBe("warning");
    expect(evaluateStatus(12, lower)).toBe("warning");
    expect(evaluateStatus(12.01, lower)).toBe("critical");
  });

  it("never calls a miss green: the reported cases", () => {
    // Engagement rate 2.6 % against a target of 3.5 % (warning 2.5): short of target, not green.
    expect(evaluateStatus(2.6, { direction: "higher_is_better", target: 3.5, warningThreshold: 2.5, criticalThreshold: 1.5 })).toBe("within_tolerance");
    // Share of negative mentions 14.9 % against a target of 10 % (warning 15).
    expect(evaluateStatus(14.9, { direction: "lower_is_better", target: 10, warningThreshold: 15, criticalThreshold: 20 })).toBe("within_tolerance");
  });

  it("has no status without a value", () => {
    expect(evaluateStatus(null, higher)).toBe("no_data");
  });

  it("scales target and thresholds for pro-rata comparisons", () => {
    expect(evaluateStatus(50, higher, 0.5)).toBe("on_target"); // target 50, warning 40
    expect(evaluateStatus(45, higher, 0.5)).toBe("within_tolerance");
    expect(evaluateStatus(35, higher, 0.5)).toBe("warning");
    expect(evaluateStatus(29, higher, 0.5)).toBe("critical");
    expect(evaluateStatus(2.1, lower, 0.5)).toBe("within_tolerance"); // target 2
  });

  it("maps statuses to green, yellow, amber, red and grey", () => {
    expect([ragOf("on_target"), ragOf("within_tolerance"), ragOf("warning"), ragOf("critical"), ragOf("no_data")]).toEqual([
      "green",
      "yellow",
      "amber",
      "red",
      "grey",
    ]);
  });
});

describe("overallStatus", () => {
  it("is the worse of the window's status and the open alert", () => {
    expect(overallStatus("on_target", "critical")).toBe("critical");
    expect(overallStatus("within_tolerance", "warning")).toBe("warning");
    expect(overallStatus("critical", "warning")).toBe("critical");
    expect(overallStatus("no_data", "warning")).toBe("warning");
    expect(overallStatus("within_tolerance", null)).toBe("within_tolerance");
    expect(overallStatus("no_data", null)).toBe("no_data");
  });
});

describe("attainment", () => {
  it("is above one when better than target in both directions", () => {
    expect(attainment(120, 100, "higher_is_better")).toBeCloseTo(1.2);
    expect(attainment(2, 4, "lower_is_better")).toBeCloseTo(2);
    expect(attainment(8, 4, "lower_is_better")).toBeCloseTo(0.5);
    expect(attainment(null, 4, "lower_is_better")).toBeNull();
    expect(attainment(5, 0, "higher_is_better")).toBeNull();
  });
});
