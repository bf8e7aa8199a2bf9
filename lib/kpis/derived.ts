// KPIs derived from the insight flow instead of entered values: what they count, the filters they
// take, which definitions can be computed, and a reference computation over insight rows (the job
// computes the same in SQL; the integration tests hold both to each other).
import { INSIGHT_CATEGORIES, type InsightCategory, type KpiAggregation, type KpiUnit, SENTIMENTS, type Sentiment } from "@/lib/enums";

export const DERIVED_METRICS = [
  "insight_count",
  "negative_share",
  "median_hours_to_accept",
  "median_hours_to_resolve",
  "sla_compliance",
  "loop_closed_share",
] as const;
export type DerivedMetric = (typeof DERIVED_METRICS)[number];

/** The unit each metric's values have; a derived KPI must be defined in it. */
export const METRIC_UNIT: Record<DerivedMetric, KpiUnit> = {
  insight_count: "count",
  negative_share: "percent",
  median_hours_to_accept: "hours",
  median_hours_to_resolve: "hours",
  sla_compliance: "percent",
  loop_closed_share: "percent",
};

export interface DerivedDefinition {
  metric: DerivedMetric;
  categories: InsightCategory[];
  sentiments: Sentiment[];
  channelIds: number[];
  departmentIds: number[];
}

/**
 * Why a definition cannot be computed for a KPI with this unit and aggregation (i18n keys per
 * field), or null. One value per period is written and replaced on each run, so the period's
 * figure must be that value: aggregation "last".
 */
export function definitionErrors(d: DerivedDefinition, kpi: { unit: KpiUnit; aggregation: KpiAggregation }): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  if (!(DERIVED_METRICS as readonly string[]).includes(d.metric)) errors.metric = ["kpis.derived.errors.metric"];
  else if (METRIC_UNIT[d.metric] !== kpi.unit) errors.unit = ["kpis.derived.errors.unit"];
  if (kpi.aggregation !== "last") errors.aggregation = ["kpis.derived.errors.aggregation"];
  if (d.categories.some((c) => !(INSIGHT_CATEGORIES as readonly string[]).includes(c))) errors.categories = ["validation.invalidChoice"];
  if (d.sentiments.some((s) => !(SENTIMENTS as readonly string[]).includes(s))) errors.sentiments = ["validation.invalidChoice"];
  // A share of negative insights among negative ones only is always 100 %: nothing to learn.
  if (d.metric === "negative_share" && d.sentiments.length > 0) errors.sentiments = ["kpis.derived.errors.sentimentFilter"];
  return Object.keys(errors).length ? errors : null;
}

/** What the reference computation needs of one insight. */
export interface FlowRow {
  occurredAt: Date;
  category: InsightCategory;
  sentiment: Sentiment;
  channelId: number | null;
  departmentId: number | null;
  routedAt: Date | null;
  slaDueAt: Date | null;
  acceptedAt: Date | null;
  resolvedAt: Date | null;
  declinedAt: Date | null;
  loopClosedAt: Date | null;
}

const HOUR = 3_600_000;

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const share = (part: number, whole: number) => (whole === 0 ? null : (100 * part) / whole);

/**
 * The metric for the period [from, to), as of `now`; null when there is nothing to measure (no
 * insight, nothing resolved), so no value is written rather than a misleading 0.
 * - Volume and negative share count what the social web said in the period (`occurred_at`).
 * - Handling figures count what was routed in the period, as the flow figures on the overview do:
 *   times from routing to the first reaction (accepting, or resolving/declining directly) and to
 *   resolution; SLA compliance among those done or past their due time at `now` (an open insight
 *   not yet due is not counted); loop closed among the resolved.
 */
export function computeDerived(d: DerivedDefinition, rows: readonly FlowRow[], from: Date, to: Date, now: Date): number | null {
  const within = (t: Date | null) => t !== null && t >= from && t < to;
  const matching = rows.filter(
    (r) =>
      (d.categories.length === 0 || d.categories.includes(r.category)) &&
      (d.sentiments.length === 0 || d.sentiments.includes(r.sentiment)) &&
      (d.channelIds.length === 0 || (r.channelId !== null && d.channelIds.includes(r.channelId))) &&
      (d.departmentIds.length === 0 || (r.departmentId !== null && d.departmentIds.includes(r.departmentId))),
  );
  const said = matching.filter((r) => within(r.occurredAt));
  const routed = matching.filter((r) => within(r.routedAt));
  switch (d.metric) {
    case "insight_count":
      return said.length;
    case "negative_share":
      return share(said.filter((r) => r.sentiment === "negative").length, said.length);
    case "median_hours_to_accept":
      return median(
        routed.flatMap((r) => {
          const reacted = r.acceptedAt ?? r.resolvedAt ?? r.declinedAt;
          return reacted ? [(reacted.getTime() - r.routedAt!.getTime()) / HOUR] : [];
        }),
      );
    case "median_hours_to_resolve":
      return median(routed.flatMap((r) => (r.resolvedAt ? [(r.resolvedAt.getTime() - r.routedAt!.getTime()) / HOUR] : [])));
    case "sla_compliance": {
      let counted = 0;
      let kept = 0;
      for (const r of routed) {
        if (r.slaDueAt === null) continue;
        const done = r.resolvedAt ?? r.declinedAt;
        if (done === null && r.slaDueAt >= now) continue;
        counted++;
        if (done !== null && done <= r.slaDueAt) kept++;
      }
      return share(kept, counted);
    }
    case "loop_closed_share": {
      const resolved = routed.filter((r) => r.resolvedAt !== null);
      return share(resolved.filter((r) => r.loopClosedAt !== null).length, resolved.length);
    }
  }
}
