/**
 * The one list of KPI units and what a value of each may be. Every write path (form, grid, CSV,
 * API, recordMeasurements) and the KPI definition (target, thresholds) check values here, so a
 * unit's bounds live in one place. Adding a unit: add it here and to `kpi_unit` in db/schema.ts
 * (with a migration), label it under `kpis.units` in messages/{de,en}/kpis.json.
 */

import { KPI_UNITS, type KpiUnit } from "@/lib/enums";

export { KPI_UNITS };
export type { KpiUnit };

/**
 * Largest magnitude of any value, target or threshold: |v| ≤ 10^12. Far beyond any real KPI, and
 * small enough that sums of millions of values stay exact to the cent in a double and never
 * overflow when aggregated.
 */
export const MAX_ABS_VALUE = 1e12;

export interface UnitBounds {
  min: number;
  max: number;
}

/**
 * - `count`, `hours`: 0 … 10^12 (nothing is counted or lasts a negative amount);
 * - `percent`: a share of a whole, 0 … 100 ("% of complaints solved within the SLA");
 * - `percent_unbounded`: a percentage that may exceed 100 or be negative (growth, attainment);
 * - `eur`, `score`: −10^12 … 10^12.
 */
export const UNIT_BOUNDS: Readonly<Record<KpiUnit, UnitBounds>> = {
  count: { min: 0, max: MAX_ABS_VALUE },
  percent: { min: 0, max: 100 },
  percent_unbounded: { min: -MAX_ABS_VALUE, max: MAX_ABS_VALUE },
  eur: { min: -MAX_ABS_VALUE, max: MAX_ABS_VALUE },
  hours: { min: 0, max: MAX_ABS_VALUE },
  score: { min: -MAX_ABS_VALUE, max: MAX_ABS_VALUE },
};

/** i18n keys of the reasons a value is refused. */
export const UNIT_ERRORS = {
  number: "validation.number",
  tooLarge: "kpis.errors.tooLarge",
  share: "kpis.errors.shareRange",
  negative: "kpis.errors.negative",
} as const;

export function isKpiUnit(x: unknown): x is KpiUnit {
  return typeof x === "string" && (KPI_UNITS as readonly string[]).includes(x);
}

/** Whether a value is finite and within ±10^12, whatever its unit. */
export function withinMagnitude(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= MAX_ABS_VALUE;
}

/** Why `value` is not a value of `unit` (an i18n key), or null when it is. */
export function checkValue(unit: KpiUnit, value: number): string | null {
  if (typeof value !== "number" || !Number.isFinite(value)) return UNIT_ERRORS.number;
  if (Math.abs(value) > MAX_ABS_VALUE) return UNIT_ERRORS.tooLarge;
  const { min, max } = UNIT_BOUNDS[unit];
  if (value >= min && value <= max) return null;
  if (unit === "percent") return UNIT_ERRORS.share;
  return value < min && min === 0 ? UNIT_ERRORS.negative : UNIT_ERRORS.tooLarge;
}

/**
 * Field errors (`items.N.value`) for the values of a batch that do not fit their KPI's unit; at most
 * `limit` of them, so a bad file of 10,000 rows does not answer with 10,000 errors. Null when all fit.
 */
export function itemValueErrors(
  items: readonly { kpiId: number; value: number }[],
  unitOf: (kpiId: number) => KpiUnit,
  limit = 20,
): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  let n = 0;
  for (let i = 0; i < items.length && n < limit; i++) {
    const error = checkValue(unitOf(items[i].kpiId), items[i].value);
    if (error) {
      errors[`items.${i}.value`] = [error];
      n++;
    }
  }
  return n ? errors : null;
}

/**
 * Target and thresholds are values of the KPI's unit too: a share's lie within 0–100, a count's
 * are not negative. Field errors by field name, or null.
 */
export function checkKpiBounds(k: {
  unit: KpiUnit;
  target: number;
  warningThreshold: number;
  criticalThreshold: number;
}): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  for (const field of ["target", "warningThreshold", "criticalThreshold"] as const) {
    const error = checkValue(k.unit, k[field]);
    if (error) errors[field] = [error];
  }
  return Object.keys(errors).length ? errors : null;
}
