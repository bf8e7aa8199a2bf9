// Is a measure worth it? Costs, results, cost per result, ROI and a verdict with its reason, from
// the figures a measure carries. Money is counted in cents (integers), so sums of many items stay
// exact; rates and shares are numbers.

import { COST_CATEGORIES, type CostCategory, type MeasureStatus } from "@/lib/enums";

/** One cost item: staff as hours × hourly rate, everything else as an amount; planned or actual. */
export interface CostItem {
  category: CostCategory;
  actual: boolean;
  /** Staff: hours (up to two decimals) and the hourly rate in cents; amountCents is then ignored. */
  hours?: number | null;
  hourlyRateCents?: number | null;
  amountCents?: number | null;
}

/** The item's amount in cents (staff: hours × rate, rounded to the cent). */
export function itemCents(i: CostItem): number {
  if (i.category === "staff" && i.hours != null && i.hourlyRateCents != null) return Math.round(i.hours * i.hourlyRateCents);
  return i.amountCents ?? 0;
}

export interface CostSummary {
  plannedCents: number;
  actualCents: number;
  byCategory: Record<CostCategory, { plannedCents: number; actualCents: number }>;
  /** actual ÷ planned; null without a plan. */
  consumed: number | null;
}

export function aggregateCosts(items: readonly CostItem[]): CostSummary {
  const byCategory = Object.fromEntries(COST_CATEGORIES.map((c) => [c, { plannedCents: 0, actualCents: 0 }])) as CostSummary["byCategory"];
  let plannedCents = 0;
  let actualCents = 0;
  for (const i of items) {
    const cents = itemCents(i);
    if (i.actual) {
      actualCents += cents;
      byCategory[i.category].actualCents += cents;
    } else {
      plannedCents += cents;
      byCategory[i.category].plannedCents += cents;
    }
  }
  return { plannedCents, actualCents, byCategory, consumed: plannedCents > 0 ? actualCents / plannedCents : null };
}

/** Cents per unit of result (e.g. € per application); null when nothing resulted yet. */
export function costPerResult(costCents: number, results: number | null): number | null {
  return results != null && results > 0 ? costCents / results : null;
}

/** (benefit − cost) ÷ cost; null when nothing was spent. 0.25 means every euro brought back 1.25. */
export function roi(benefitCents: number, costCents: number): number | null {
  return costCents > 0 ? (benefitCents - costCents) / costCents : null;
}

/** A KPI the measure is to move, from its baseline towards a target; `current` is its value now (null: none yet). */
export interface KpiGoal {
  baseline: number;
  target: number;
  current: number | null;
}

/** Share of the way from baseline to target covered (can exceed 1 or go below 0); null without a current value. */
export function progress(g: KpiGoal): number | null {
  if (g.current === null) return null;
  if (g.target === g.baseline) return g.current === g.target ? 1 : 0;
  return (g.current - g.baseline) / (g.target - g.baseline);
}

export type Verdict = "holds" | "does_not_hold" | "open";

export type VerdictReason =
  | "not_started"
  | "no_result"
  | "roi_positive"
  | "roi_negative"
  | "roi_negative_so_far"
  | "targets_reached"
  | "targets_missed"
  | "targets_not_yet"
  | "no_cost";

export interface VerdictInput {
  status: MeasureStatus;
  actualCents: number;
  /** Money benefit realised so far (cents), when the benefit is money; null when not known yet. */
  realisedBenefitCents?: number | null;
  /** KPI goals, when the benefit is a change of KPIs. */
  goals?: readonly KpiGoal[];
}

/**
 * The verdict and why. Money: holds when the ROI is not negative; does not hold when it is (a
 * running measure "so far"). KPIs: holds when every goal is reached; a running measure short of
 * them does not hold yet, a finished one does not hold. Without a result there is no verdict
 * (open) — a measure is never judged on its plan.
 */
export function verdict(v: VerdictInput): { verdict: Verdict; reason: VerdictReason } {
  if (v.status === "planned") return { verdict: "open", reason: "not_started" };
  const finished = v.status === "completed" || v.status === "stopped";
  if (v.goals && v.goals.length > 0) {
    const p = v.goals.map(progress);
    if (p.some((x) => x === null)) return { verdict: "open", reason: "no_result" };
    if ((p as number[]).every((x) => x >= 1)) return { verdict: "holds", reason: "targets_reached" };
    return finished ? { verdict: "does_not_hold", reason: "targets_missed" } : { verdict: "does_not_hold", reason: "targets_not_yet" };
  }
  if (v.realisedBenefitCents == null) return { verdict: "open", reason: "no_result" };
  const r = roi(v.realisedBenefitCents, v.actualCents);
  if (r === null) return v.realisedBenefitCents > 0 ? { verdict: "holds", reason: "no_cost" } : { verdict: "open", reason: "no_result" };
  if (r >= 0) return { verdict: "holds", reason: "roi_positive" };
  return { verdict: "does_not_hold", reason: finished ? "roi_negative" : "roi_negative_so_far" };
}

/**
 * A money amount as entered ("1.234,56", "1234,56", "1234.56", "1,234.56"): non-negative, at most
 * two decimals. Returns cents, or null when it is not such an amount. "1,234" and "1.234,5.6" are
 * refused rather than guessed.
 */
export function parseAmountCents(input: string): number | null {
  const s = input.trim().replace(/\s|€/g, "");
  if (!s) return null;
  let normal: string;
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s) || /^\d+,\d{1,2}$/.test(s)) normal = s.replace(/\./g, "").replace(",", ".");
  else if (/^\d{1,3}(,\d{3})+\.\d{1,2}$/.test(s)) normal = s.replace(/,/g, "");
  else if (/^\d+(\.\d{1,2})?$/.test(s)) normal = s;
  else return null;
  const [whole, frac = ""] = normal.split(".");
  if (whole.length > 11) return null;
  return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
}
