import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "@/lib/errors";
import { apiBatchSchema, gridSchema, kpiInputFrom, kpiSchema, measurementSchema } from "./kpis";

const form = {
  businessProcessId: "3",
  name: " Antwortquote ",
  description: "",
  unit: "percent",
  direction: "higher_is_better",
  period: "month",
  aggregation: "avg",
  channelId: "",
  target: "90",
  warningThreshold: "80,5",
  criticalThreshold: "70",
};

describe("KPI form schema", () => {
  it("reads German decimals and empty optional fields", () => {
    const r = kpiSchema.parse(form);
    expect(r).toMatchObject({ name: "Antwortquote", warningThreshold: 80.5, channelId: null, description: null });
  });

  it("folds a derived definition into one field, and none for entered values", () => {
    expect(kpiInputFrom(kpiSchema.parse(form)).derived).toBeNull();
    const derived = kpiInputFrom(
      kpiSchema.parse({ ...form, aggregation: "last", derivedMetric: "sla_compliance", derivedCategories: ["complaint", "complaint"], derivedDepartmentIds: ["4"] }),
    );
    expect(derived.derived).toEqual({ metric: "sla_compliance", categories: ["complaint"], sentiments: [], channelIds: [], departmentIds: [4] });
    expect("derivedMetric" in derived).toBe(false);
    expect(kpiSchema.safeParse({ ...form, derivedMetric: "guesswork" }).success).toBe(false);
    expect(kpiSchema.safeParse({ ...form, derivedCategories: ["gossip"] }).success).toBe(false);
  });

  it("puts threshold order errors on the field", () => {
    const r = kpiSchema.safeParse({ ...form, direction: "lower_is_better" });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(zodFieldErrors(r.error)).toEqual({
        warningThreshold: ["kpis.errors.warningAboveTarget"],
        criticalThreshold: ["kpis.errors.criticalAboveWarning"],
      });
    }
  });

  it("keeps target and thresholds of a share within 0–100, of any unit within 10^12", () => {
    const r = kpiSchema.safeParse({ ...form, target: "100,5", warningThreshold: "90", criticalThreshold: "-1" });
    expect(!r.success && zodFieldErrors(r.error)).toEqual({
      target: ["kpis.errors.shareRange"],
      criticalThreshold: ["kpis.errors.shareRange"],
    });
    expect(kpiSchema.safeParse({ ...form, unit: "percent_unbounded", target: "140", warningThreshold: "110", criticalThreshold: "-5" }).success).toBe(true);
    const huge = kpiSchema.safeParse({ ...form, unit: "eur", target: "2.000.000.000.000" });
    expect(!huge.success && zodFieldErrors(huge.error)).toEqual({ target: ["kpis.errors.tooLarge"] });
  });

  it("says which field is missing or not a number", () => {
    const r = kpiSchema.safeParse({ ...form, target: "", criticalThreshold: "viel" });
    expect(r.success).toBe(false);
    if (!r.success) expect(zodFieldErrors(r.error)).toEqual({ target: ["validation.required"], criticalThreshold: ["validation.number"] });
  });
});

describe("measurement schemas", () => {
  it("accepts German dates and decimals in the form", () => {
    expect(measurementSchema.parse({ kpiId: "1", measuredOn: "03.02.2026", value: "1.234,5" })).toEqual({ kpiId: 1, measuredOn: "2026-02-03", value: 1234.5 });
    expect(measurementSchema.safeParse({ kpiId: "1", measuredOn: "31.02.2026", value: "1" }).success).toBe(false);
  });

  it("skips empty grid cells and names the bad one", () => {
    expect(gridSchema.parse({ processId: "1", measuredOn: "2026-02-03", kpiId: ["1", "2"], value: ["", "4,5"] }).items).toEqual([{ kpiId: 2, value: 4.5, row: 1 }]);
    const r = gridSchema.safeParse({ processId: "1", measuredOn: "2026-02-03", kpiId: ["1", "2"], value: ["x", "4"] });
    expect(!r.success && zodFieldErrors(r.error)).toEqual({ "value.0": ["validation.number"] });
  });

  it("refuses values beyond ±10^12 in the form, the grid and the API", () => {
    const form = measurementSchema.safeParse({ kpiId: "1", measuredOn: "2026-02-03", value: "1.000.000.000.001" });
    expect(!form.success && zodFieldErrors(form.error)).toEqual({ value: ["kpis.errors.tooLarge"] });
    expect(measurementSchema.safeParse({ kpiId: "1", measuredOn: "2026-02-03", value: "1.000.000.000.000" }).success).toBe(true);
    const grid = gridSchema.safeParse({ processId: "1", measuredOn: "2026-02-03", kpiId: ["1", "2"], value: ["4", "-2000000000000"] });
    expect(!grid.success && zodFieldErrors(grid.error)).toEqual({ "value.1": ["kpis.errors.tooLarge"] });
    const api = apiBatchSchema.safeParse({ items: [{ date: "2026-01-01", value: 1e308 }, { date: "2026-01-02", value: 1e12 }] });
    expect(!api.success && zodFieldErrors(api.error)).toEqual({ "items.0.value": ["kpis.errors.tooLarge"] });
  });

  it("reports API items by index and field", () => {
    const r = apiBatchSchema.safeParse({ items: [{ date: "2026-01-01", value: 1 }, { date: "2026-02-30", value: "3" }] });
    expect(!r.success && zodFieldErrors(r.error)).toEqual({ "items.1.date": ["kpis.errors.date"], "items.1.value": ["validation.number"] });
    expect(apiBatchSchema.safeParse({ items: [] }).success).toBe(false);
  });
});
