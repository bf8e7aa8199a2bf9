import type { Day } from "./periods";
import type { Status } from "./thresholds";

export type Severity = "warning" | "critical";

/** The KPI's one unresolved threshold alert, if any. */
export interface OpenAlert {
  severity: Severity;
  status: "open" | "acknowledged";
  periodStart: Day;
}

export interface PeriodEvaluation {
  periodStart: Day;
  status: Status;
  value: number | null;
}

export type AlertDecision =
  | { type: "none" }
  | { type: "open"; severity: Severity }
  /** Warning became critical: raise the severity and ask for attention again. */
  | { type: "escalate" }
  /** Still out of range: keep the alert, record the latest period and value. */
  | { type: "update" }
  | { type: "resolve" };

/**
 * What a new evaluation does to the KPI's alert. Only the KPI's latest period with data decides:
 * late values for older periods change their period's figures, not the alert of today. There is
 * never more than one unresolved alert per KPI; a critical alert that improves to "warning" stays
 * critical until the value is back in range, so it cannot quietly lose its urgency.
 */
export function decideAlert(current: OpenAlert | null, evaluation: PeriodEvaluation, latestPeriodStart: Day): AlertDecision {
  if (evaluation.periodStart < latestPeriodStart) return { type: "none" };
  const { status } = evaluation;
  if (status === "no_data") return { type: "none" };
  if (status === "on_target") return current ? { type: "resolve" } : { type: "none" };
  if (!current) return { type: "open", severity: status };
  if (status === "critical" && current.severity === "warning") return { type: "escalate" };
  return { type: "update" };
}
