import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kpiUnitEnum } from "@/db/schema";
import { KPI_UNITS, MAX_ABS_VALUE, checkKpiBounds, checkValue, isKpiUnit, itemValueErrors, withinMagnitude } from "./units";

describe("KPI_UNITS", () => {
  it("is the database's list of units", () => {
    expect([...KPI_UNITS]).toEqual(kpiUnitEnum.enumValues);
    expect(isKpiUnit("percent_unbounded")).toBe(true);
    expect(isKpiUnit("promille")).toBe(false);
  });
});

describe("checkValue", () => {
  it("bounds a share to 0–100", () => {
    expect(checkValue("percent", 0)).toBeNull();
    expect(checkValue("percent", 100)).toBeNull();
    expect(checkValue("percent", 57.3)).toBeNull();
    expect(checkValue("percent", 100.0001)).toBe("kpis.errors.shareRange");
    expect(checkValue("percent", 100.5)).toBe("kpis.errors.shareRange");
    expect(checkValue("percent", -0.0001)).toBe("kpis.errors.shareRange");
  });

  it("lets a percentage that is not a share exceed 100 and fall below 0", () => {
    expect(checkValue("percent_unbounded", 140)).toBeNull();
    expect(checkValue("percent_unbounded", -35)).toBeNull();
    expect(checkValue("percent_unbounded", 1e12)).toBeNull();
    expect(checkValue("percent_unbounded", 1e12 + 1)).toBe("kpis.errors.tooLarge");
  });

  it("refuses negative counts and hours, allows negative euros and scores", () => {
    expect(checkValue("count", 0)).toBeNull();
    expect(checkValue("count", -1)).toBe("kpis.errors.negative");
    expect(checkValue("count", -0.0001)).toBe("kpis.errors.negative");
    expect(checkValue("hours", -0.0001)).toBe("kpis.errors.negative");
    expect(checkValue("hours", 0)).toBeNull();
    expect(checkValue("eur", -2500)).toBeNull();
    expect(checkValue("score", -3)).toBeNull();
  });

  it("caps every unit at |v| ≤ 10^12", () => {
    for (const unit of KPI_UNITS.filter((u) => u !== "percent")) {
      expect(checkValue(unit, 1e12), unit).toBeNull();
      expect(checkValue(unit, 1e12 + 1), unit).toBe("kpis.errors.tooLarge");
      expect(checkValue(unit, 1e308), unit).toBe("kpis.errors.tooLarge");
    }
    expect(checkValue("eur", -1e12)).toBeNull();
    expect(checkValue("eur", -1e12 - 1)).toBe("kpis.errors.tooLarge");
    expect(checkValue("percent", 1e12)).toBe("kpis.errors.shareRange");
    expect(checkValue("percent", 1e308)).toBe("kpis.errors.tooLarge");
  });

  it("refuses what is not a finite number", () => {
    for (const unit of KPI_UNITS) {
      expect(checkValue(unit, Number.NaN), unit).toBe("validation.number");
      expect(checkValue(unit, Number.POSITIVE_INFINITY), unit).toBe("validation.number");
      expect(checkValue(unit, Number.NEGATIVE_INFINITY), unit).toBe("validation.number");
    }
    expect(withinMagnitude(Number.NaN)).toBe(false);
    expect(withinMagnitude(-MAX_ABS_VALUE)).toBe(true);
  });

  it("accepts exactly the values within the unit's bounds (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...KPI_UNITS), fc.double(), (unit, x) => {
        const ok = checkValue(unit, x) === null;
        const lo = unit === "count" || unit === "hours" || unit === "percent" ? 0 : -MAX_ABS_VALUE;
        const hi = unit === "percent" ? 100 : MAX_ABS_VALUE;
        expect(ok).toBe(Number.isFinite(x) && x >= lo && x <= hi);
      }),
    );
  });
});

describe("itemValueErrors", () => {
  const unitOf = (id: number) => (id === 1 ? "percent" : "count");
  it("names each bad item by its index", () => {
    expect(
      itemValueErrors(
        [
          { kpiId: 1, value: 50 },
          { kpiId: 1, value: 100.5 },
          { kpiId: 2, value: 3 },
          { kpiId: 2, value: -1 },
        ],
        unitOf,
      ),
    ).toEqual({ "items.1.value": ["kpis.errors.shareRange"], "items.3.value": ["kpis.errors.negative"] });
    expect(itemValueErrors([{ kpiId: 1, value: 100 }], unitOf)).toBeNull();
  });

  it("reports at most `limit` errors", () => {
    const items = Array.from({ length: 100 }, () => ({ kpiId: 2, value: -1 }));
    expect(Object.keys(itemValueErrors(items, unitOf, 5)!)).toHaveLength(5);
  });
});

describe("checkKpiBounds", () => {
  it("keeps target and thresholds of a share within 0–100", () => {
    expect(checkKpiBounds({ unit: "percent", target: 95, warningThreshold: 90, criticalThreshold: 80 })).toBeNull();
    expect(checkKpiBounds({ unit: "percent", target: 120, warningThreshold: 100, criticalThreshold: -5 })).toEqual({
      target: ["kpis.errors.shareRange"],
      criticalThreshold: ["kpis.errors.shareRange"],
    });
    expect(checkKpiBounds({ unit: "percent_unbounded", target: 120, warningThreshold: 100, criticalThreshold: -5 })).toBeNull();
  });

  it("keeps a count's target not negative and every unit's within 10^12", () => {
    expect(checkKpiBounds({ unit: "count", target: 10, warningThreshold: 0, criticalThreshold: -1 })).toEqual({
      criticalThreshold: ["kpis.errors.negative"],
    });
    expect(checkKpiBounds({ unit: "eur", target: 2e12, warningThreshold: 0, criticalThreshold: -1 })).toEqual({
      target: ["kpis.errors.tooLarge"],
    });
  });
});
