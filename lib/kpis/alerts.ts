import type { Day } from "./periods";
import { isAlerting, type Status } from "./thresholds";

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
  // Short of the target but within tolerance crosses no threshold: no alert, and an open one resolves.
  if (!isAlerting(status)) return current ? { type: "resolve" } : { type: "none" };
  if (!current) return { type: "open", severity: status };
  if (status === "critical" && current.severity === "warning") return { type: "escalate" };
  return { type: "update" };
}

/**
 * Since when a KPI has been out of range: the start of the first period of the unbroken run of
 * periods, ending with the latest, whose values crossed a threshold (warning or critical). It comes
 * from the data, so an alert opened by an import of history, or by the seed, is "since" the period
 * the trouble began, not the moment the evaluation ran. Periods without data break the run. Null
 * when the latest period is not out of range. `periods` are oldest first.
 */
export function outOfRangeSince(periods: readonly Pick<PeriodEvaluation, "periodStart" | "status">[]): Day | null {
  let since: Day | null = null;
  for (let i = periods.length - 1; i >= 0; i--) {
    if (!isAlerting(periods[i].status)) break;
    since = periods[i].periodStart;
  }
  return since;
}
