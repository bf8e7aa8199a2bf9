import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "@/lib/errors";
import { apiBatchSchema, gridSchema, kpiSchema, measurementSchema } from "./kpis";

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
    expect(gridSchema.parse({ processId: "1", measuredOn: "2026-02-03", kpiId: ["1", "2"], value: ["", "4,5"] }).items).toEqual([{ kpiId: 2, value: 4.5 }]);
    const r = gridSchema.safeParse({ processId: "1", measuredOn: "2026-02-03", kpiId: ["1", "2"], value: ["x", "4"] });
    expect(!r.success && zodFieldErrors(r.error)).toEqual({ "value.0": ["validation.number"] });
  });

  it("reports API items by index and field", () => {
    const r = apiBatchSchema.safeParse({ items: [{ date: "2026-01-01", value: 1 }, { date: "2026-02-30", value: "3" }] });
    expect(!r.success && zodFieldErrors(r.error)).toEqual({ "items.1.date": ["kpis.errors.date"], "items.1.value": ["validation.number"] });
    expect(apiBatchSchema.safeParse({ items: [] }).success).toBe(false);
  });
});
