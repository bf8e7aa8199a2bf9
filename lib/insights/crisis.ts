/**
 * Early warning for a "shitstorm": negative insights (negative sentiment or the category crisis
 * signal) that arrive much faster than usual. The current window is compared with the average
 * rate of the same-length windows over the baseline period before it, and with absolute minimums
 * so a quiet company does not raise a crisis over a handful of complaints.
 */
export interface CrisisPolicy {
  windowHours: number;
  baselineDays: number;
  warningMin: number;
  criticalMin: number;
  warningFactor: number;
  criticalFactor: number;
}

export const DEFAULT_CRISIS_POLICY: CrisisPolicy = {
  windowHours: 6,
  baselineDays: 14,
  warningMin: 10,
  criticalMin: 25,
  warningFactor: 3,
  criticalFactor: 6,
};

export type CrisisSeverity = "warning" | "critical";

/** Average count per window over the baseline period. */
export function baselinePerWindow(baselineCount: number, p: CrisisPolicy): number {
  return baselineCount / ((p.baselineDays * 24) / p.windowHours);
}

export function crisisSeverity(current: number, baseline: number, p: CrisisPolicy = DEFAULT_CRISIS_POLICY): CrisisSeverity | null {
  if (current >= Math.max(p.criticalMin, p.criticalFactor * baseline)) return "critical";
  if (current >= Math.max(p.warningMin, p.warningFactor * baseline)) return "warning";
  return null;
}

export type CrisisDecision = "open" | "escalate" | "resolve" | "keep" | "none";

/**
 * What to do with the one unresolved crisis alert. Like threshold alerts, a crisis escalates but
 * never de-escalates on its own; it resolves when the rate is back below the warning level.
 */
export function crisisDecision(open: { severity: CrisisSeverity } | null, now: CrisisSeverity | null): CrisisDecision {
  if (!open) return now ? "open" : "none";
  if (!now) return "resolve";
  if (open.severity === "warning" && now === "critical") return "escalate";
  return "keep";
}
