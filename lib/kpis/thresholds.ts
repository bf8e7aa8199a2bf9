export type Direction = "higher_is_better" | "lower_is_better";

export interface Thresholds {
  direction: Direction;
  target: number;
  warningThreshold: number;
  criticalThreshold: number;
}

/**
 * The one status model of a KPI value, used by every view (overview, KPI page, alerts, export, API):
 * - `on_target`: the target is met (green);
 * - `within_tolerance`: short of the target, but the warning threshold is not crossed (yellow);
 * - `warning`: the warning threshold is crossed (amber);
 * - `critical`: the critical threshold is crossed (red);
 * - `no_data`: nothing was measured (grey).
 * Only `warning` and `critical` raise an alert.
 */
export type Status = "on_target" | "within_tolerance" | "warning" | "critical" | "no_data";
export type Rag = "green" | "yellow" | "amber" | "red" | "grey";
export const STATUSES: readonly Status[] = ["on_target", "within_tolerance", "warning", "critical", "no_data"];

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
 * A value has crossed a threshold (or missed the target) when it is strictly on its bad side; a
 * value exactly on the threshold has not, and a value exactly on the target meets it. `scale`
 * scales target and thresholds (pro rata for sums of running periods).
 */
export function evaluateStatus(value: number | null, t: Thresholds, scale = 1): Status {
  if (value === null || !Number.isFinite(value)) return "no_data";
  if (worse(t.direction, value, t.criticalThreshold * scale)) return "critical";
  if (worse(t.direction, value, t.warningThreshold * scale)) return "warning";
  if (worse(t.direction, value, t.target * scale)) return "within_tolerance";
  return "on_target";
}

export function ragOf(status: Status): Rag {
  const rag: Record<Status, Rag> = { on_target: "green", within_tolerance: "yellow", warning: "amber", critical: "red", no_data: "grey" };
  return rag[status];
}

/** Whether a status crosses a threshold, i.e. warrants an alert. */
export function isAlerting(status: Status): status is "warning" | "critical" {
  return status === "warning" || status === "critical";
}

const RANK: Record<Status, number> = { no_data: 0, on_target: 1, within_tolerance: 2, warning: 3, critical: 4 };

/**
 * What a KPI counts as when its figure for a window and its open alert disagree (a quarter's
 * average on target while last week's value is critical): the worse of the two, so a KPI with an
 * open alert always counts at least at the alert's severity and the summary agrees with the alerts.
 */
export function overallStatus(figure: Status, alertSeverity: "warning" | "critical" | null): Status {
  if (!alertSeverity) return figure;
  return RANK[alertSeverity] > RANK[figure] ? alertSeverity : figure;
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
