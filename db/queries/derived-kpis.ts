import { and, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { businessProcesses, kpis, measurements } from "../schema";
import { type MeasurementItem, recordMeasurements } from "./measurements";
import { arrayLiteral } from "./sql-array";
import type { KpiPeriod } from "@/lib/enums";
import { dayBound } from "@/lib/insights/period";
import type { DerivedDefinition, DerivedMetric } from "@/lib/kpis/derived";
import { addDays, type Day, periodRange, shiftPeriod, todayIn } from "@/lib/kpis/periods";

const iso = (d: Date) => d.toISOString();

/**
 * The metric in SQL for insights of [from, to) as of `now`, with the conventions of
 * lib/kpis/derived.ts `computeDerived` (the integration tests hold the two to each other).
 */
export async function derivedValue(db: Executor, d: DerivedDefinition, from: Date, to: Date, now: Date): Promise<number | null> {
  const f = iso(from);
  const t = iso(to);
  const said = sql`occurred_at >= ${f}::timestamptz and occurred_at < ${t}::timestamptz`;
  const routed = sql`routed_at >= ${f}::timestamptz and routed_at < ${t}::timestamptz`;
  const conds: SQL[] = [sql`((${said}) or (${routed}))`];
  if (d.categories.length) conds.push(sql`category::text = any(${arrayLiteral(d.categories)}::text[])`);
  if (d.sentiments.length) conds.push(sql`sentiment::text = any(${arrayLiteral(d.sentiments)}::text[])`);
  if (d.channelIds.length) conds.push(sql`channel_id = any(${arrayLiteral(d.channelIds)}::integer[])`);
  if (d.departmentIds.length) conds.push(sql`department_id = any(${arrayLiteral(d.departmentIds)}::integer[])`);
  const hours = (end: SQL) => sql`extract(epoch from (${end} - routed_at)) / 3600.0`;
  const reacted = sql`coalesce(accepted_at, resolved_at, declined_at)`;
  const done = sql`coalesce(resolved_at, declined_at)`;
  const res = await db.execute(sql`
    select
      count(*) filter (where ${said})::int as said,
      count(*) filter (where ${said} and sentiment = 'negative')::int as said_negative,
      percentile_cont(0.5) within group (order by ${hours(reacted)}) filter (where ${routed} and ${reacted} is not null) as median_accept,
      percentile_cont(0.5) within group (order by ${hours(sql`resolved_at`)}) filter (where ${routed} and resolved_at is not null) as median_resolve,
      count(*) filter (where ${routed} and sla_due_at is not null and (${done} is not null or sla_due_at < ${iso(now)}::timestamptz))::int as sla_counted,
      count(*) filter (where ${routed} and sla_due_at is not null and ${done} <= sla_due_at)::int as sla_kept,
      count(*) filter (where ${routed} and resolved_at is not null)::int as resolved,
      count(*) filter (where ${routed} and resolved_at is not null and loop_closed_at is not null)::int as loop_closed
    from insights
    where ${sql.join(conds, sql` and `)}`);
  const r = res.rows[0] as Record<string, number | string | null>;
  const n = (k: string) => (r[k] === null ? null : Number(r[k]));
  const share = (part: number, whole: number) => (whole === 0 ? null : (100 * part) / whole);
  const pick: Record<DerivedMetric, () => number | null> = {
    insight_count: () => n("said"),
    negative_share: () => share(n("said_negative")!, n("said")!),
    median_hours_to_accept: () => n("median_accept"),
    median_hours_to_resolve: () => n("median_resolve"),
    sla_compliance: () => share(n("sla_kept")!, n("sla_counted")!),
    loop_closed_share: () => share(n("loop_closed")!, n("resolved")!),
  };
  return pick[d.metric]();
}

/** A period of days as instants: from the start of its first company day to the start of the day after its last. */
function instants(start: Day, end: Day): { from: Date; to: Date } {
  return { from: dayBound(start)!, to: dayBound(end)! };
}

export interface DerivedRun {
  kpis: number;
  written: number;
  alerts: number;
}

/**
 * Computes each derived KPI's value for the period now running and the one before it (which may
 * have changed until its insights were handled), and writes them through the one measurement
 * write path — thresholds, alerts, charts and the overview treat them like entered values. A
 * period's value is one measurement (on its last day so far), replaced on each run; a period
 * without anything to measure gets none.
 */
export async function runDerivedKpis(db: Executor, now: Date = new Date()): Promise<DerivedRun> {
  const today = todayIn(now);
  const rows = await db
    .select({ id: kpis.id, period: kpis.period, derived: kpis.derived })
    .from(kpis)
    .innerJoin(businessProcesses, eq(businessProcesses.id, kpis.businessProcessId))
    .where(and(isNotNull(kpis.derived), isNull(kpis.archivedAt), isNull(businessProcesses.archivedAt)));
  const run: DerivedRun = { kpis: rows.length, written: 0, alerts: 0 };
  for (const k of rows) {
    const period = k.period as KpiPeriod;
    const current = periodRange(today, period);
    const previous = { start: shiftPeriod(current.start, period, -1), end: current.start };
    const items: MeasurementItem[] = [];
    const stale: Day[][] = [];
    for (const p of [previous, current]) {
      const until = p.end <= today ? p.end : addDays(today, 1);
      const { from, to } = instants(p.start, until);
      const value = await derivedValue(db, k.derived!, from, to > now ? now : to, now);
      stale.push([p.start, addDays(until, -1)]);
      if (value !== null) items.push({ kpiId: k.id, measuredOn: addDays(until, -1), value: Math.round(value * 100) / 100 });
    }
    await db.transaction(async (tx) => {
      for (const [from, to] of stale) {
        await tx
          .delete(measurements)
          .where(and(eq(measurements.kpiId, k.id), eq(measurements.source, "derived"), sql`${measurements.measuredOn} between ${from} and ${to}`));
      }
      if (items.length) {
        const r = await recordMeasurements(tx, { userId: null, scope: { all: true }, via: "derived" }, items, "derived", today);
        run.written += r.stored;
        run.alerts += r.alerts.length;
      }
    });
  }
  return run;
}
