export type Direction = "higher_is_better" | "lower_is_better";

export interface Thresholds {
  direction: Direction;
  target: number;
  warningThreshold: number;
  criticalThreshold: number;
}

export type Status = "on_target" | "warning" | "critical" | "no_data";
export type Rag = "green" | "amber" | "red" | "grey";

/**
 * Thresholds must lie on the bad side of the target, the critical one furthest out:
 * higher-is-better critical < warning < target, lower-is-better critical > warning > target.
 * Returns field errors (i18n keys) or null when consistent.
 */
export function validateThresholds(t: Thresholds): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  const higher = t.direction === "higher_is_better";
  const numbers = { target: t.target, warningThreshold: t.warningThreshold, criticalThreshold: t.criticalThreshold };
  for (const [k, n] of Object.entries(numbers)) if (!Number.isFinite(n)) errors[k] = ["validation.number"];
  if (Object.keys(errors).length) return errors;
  if (higher ? !(t.warningThreshold < t.target) : !(t.warningThreshold > t.target)) {
    errors.warningThreshold = [higher ? "kpis.errors.warningBelowTarget" : "kpis.errors.warningAboveTarget"];
  }
  if (higher ? !(t.criticalThreshold < t.warningThreshold) : !(t.criticalThreshold > t.warningThreshold)) {
    errors.criticalThreshold = [higher ? "kpis.errors.criticalBelowWarning" : "kpis.errors.criticalAboveWarning"];
  }
  return Object.keys(errors).length ? errors : null;
}

/** `a` is worse than `b` in the KPI's direction. */
function worse(direction: Direction, a: number, b: number): boolean {
  return direction === "higher_is_better" ? a < b : a > b;
}

/**
 * A value has crossed a threshold when it is strictly on its bad side; a value exactly on the
 * threshold has not. `scale` scales target and thresholds (pro rata for sums of running periods).
 */
export function evaluateStatus(value: number | null, t: Thresholds, scale = 1): Status {
  if (value === null || !Number.isFinite(value)) return "no_data";
  if (worse(t.direction, value, t.criticalThreshold * scale)) return "critical";
  if (worse(t.direction, value, t.warningThreshold * scale)) return "warning";
  return "on_target";
}

export function ragOf(status: Status): Rag {
  return { on_target: "green", warning: "amber", critical: "red", no_data: "grey" }[status] as Rag;
}

/**
 * How far the target is reached, as a ratio where 1 means exactly on target and more is better in
 * both directions (for lower-is-better: target / value). Null without a value or when undefined.
 */
export function attainment(value: number | null, target: number, direction: Direction): number | null {
  if (value === null) return null;
  if (direction === "higher_is_better") return target === 0 ? null : value / target;
  if (value === 0) return target >= 0 ? null : 0;
  return target / value;
}

export type Trend = "improving" | "worsening" | "flat";

/** Compares two attainments; changes under `tolerance` (relative) count as flat. */
export function trendOf(current: number | null, previous: number | null, tolerance = 0.02): Trend | null {
  if (current === null || previous === null) return null;
  const delta = current - previous;
  const base = Math.max(Math.abs(previous), 1e-9);
  if (Math.abs(delta) / base < tolerance) return "flat";
  return delta > 0 ? "improving" : "worsening";
}
