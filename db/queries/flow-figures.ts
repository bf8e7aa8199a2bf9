import { asc, eq, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { departments } from "../schema";
import { arrayLiteral } from "./sql-array";
import { type Day, daysBetween, periodStart, shiftPeriod } from "@/lib/kpis/periods";

export interface FlowFigures {
  departmentId: number;
  departmentName: string;
  /** Insights routed to the department within the period. */
  received: number;
  /** Routed or accepted now, whenever they arrived. */
  open: number;
  /** Open and past their SLA due time now. */
  overdue: number;
  /**
   * Median hours from routing to the department's first reaction (accepted, or resolved/declined
   * directly). Exact up to `medianExactLimit` insights in the period, above that interpolated from
   * 5 %-wide histogram buckets (within 5 % of the exact median).
   */
  medianHoursToAccept: number | null;
  /** Median hours from routing to resolution (exact or interpolated like medianHoursToAccept). */
  medianHoursToResolve: number | null;
  /**
   * Share of the period's insights resolved or declined by their SLA due time, among those that
   * are done or whose due time has passed (an open insight not yet due is not counted).
   */
  slaCompliance: number | null;
  slaCounted: number;
}

/** What left the triage without a department, and what still waits there. */
export interface TriageFigures {
  /** In triage now. */
  waiting: number;
  /** Marked "no action needed" within the period (and still so). */
  noAction: number;
  /** Marked spam/irrelevant within the period (and still so). */
  spam: number;
}

/**
 * The departments' figures, plus the triage's own for a company-wide view (null when the figures
 * are for one department). The triage figures ride on the array so every page that shows flow
 * figures shows them without asking for them separately.
 */
export type FlowFiguresResult = FlowFigures[] & { triage: TriageFigures | null };

export interface FlowFiguresOptions {
  from: Date;
  to: Date;
  departmentId?: number;
  now?: Date;
  /**
   * Up to this many insights received in the period (all departments asked for together), the
   * medians are computed exactly from the insights; above it from the histograms.
   */
  medianExactLimit?: number;
}

export const MEDIAN_EXACT_LIMIT = 20_000;

interface Bounds {
  /** Whole Berlin days [startDay, endDay) of the period, read from the counters; empty when startDay = endDay. */
  startDay: Day;
  endDay: Day;
  /** The same whole days as instants (empty range when there are none). */
  wholeFrom: number;
  wholeTo: number;
  /** The rest of [from, to), counted from the insights. */
  edges: [number, number][];
  /** Today in Berlin (of `now`) and its midnight. */
  today: Day;
  todayFrom: number;
}

/** Splits [from, to) into whole Berlin days and the parts of a day at its edges. */
async function periodBounds(db: Executor, from: Date, to: Date, now: Date): Promise<Bounds> {
  const res = await db.execute(sql`
    with f as (select (${ts(from)}::timestamptz at time zone 'Europe/Berlin')::date as d),
      s as (select case when (f.d::timestamp at time zone 'Europe/Berlin') = ${ts(from)}::timestamptz then f.d else f.d + 1 end as d from f),
      e as (select (${ts(to)}::timestamptz at time zone 'Europe/Berlin')::date as d),
      n as (select (${ts(now)}::timestamptz at time zone 'Europe/Berlin')::date as d)
    select s.d::text as start_day, extract(epoch from (s.d::timestamp at time zone 'Europe/Berlin')) * 1000 as start_ms,
      e.d::text as end_day, extract(epoch from (e.d::timestamp at time zone 'Europe/Berlin')) * 1000 as end_ms,
      n.d::text as today, extract(epoch from (n.d::timestamp at time zone 'Europe/Berlin')) * 1000 as today_ms
    from s, e, n`);
  const r = res.rows[0] as Record<string, unknown>;
  const [f, t] = [from.getTime(), to.getTime()];
  const base = { today: String(r.today), todayFrom: Number(r.today_ms) };
  const [startDay, endDay] = [String(r.start_day), String(r.end_day)];
  if (startDay < endDay && f < t) {
    const [wholeFrom, wholeTo] = [Number(r.start_ms), Number(r.end_ms)];
    const edges = ([[f, wholeFrom], [wholeTo, t]] as [number, number][]).filter(([a, z]) => a < z);
    return { ...base, startDay, endDay, wholeFrom, wholeTo, edges };
  }
  return { ...base, startDay, endDay: startDay, wholeFrom: f, wholeTo: f, edges: f < t ? [[f, t]] : [] };
}

const inRanges = (column: SQL, ranges: [number, number][]): SQL =>
  ranges.length
    ? sql`(${sql.join(
        ranges.map(([a, z]) => sql`(${column} >= ${ts(new Date(a))}::timestamptz and ${column} < ${ts(new Date(z))}::timestamptz)`),
        sql` or `,
      )})`
    : sql`false`;

/** Triage now from its counter; exits of whole days from the counters, of the edges by index. */
export async function triageFigures(db: Executor, opts: { from: Date; to: Date; now?: Date }, bounds?: Bounds): Promise<TriageFigures> {
  const b = bounds ?? (await periodBounds(db, opts.from, opts.to, opts.now ?? new Date()));
  const exits = (status: string) => sql`(
    select coalesce(sum(n), 0) from insight_flow_triage where status = ${status} and day >= ${b.startDay}::date and day < ${b.endDay}::date
  )${sql.join(
    b.edges.map(([a, z]) => sql` + (select count(*) from insights where status = ${status}
      and dismissed_at >= ${ts(new Date(a))}::timestamptz and dismissed_at < ${ts(new Date(z))}::timestamptz)`),
  )}`;
  const res = await db.execute(sql`
    select (select coalesce(sum(n), 0) from insight_flow_triage where status = 'triage') as waiting,
      ${exits("no_action")} as no_action, ${exits("spam")} as spam`);
  const row = res.rows[0] as Record<string, unknown>;
  return { waiting: Number(row.waiting), noAction: Number(row.no_action), spam: Number(row.spam) };
}

// ─── Histogram buckets (must match insight_flow_bucket() in migration 0008) ──────────────────

const BUCKET_RATIO = 1.05;
const BUCKET_BASE_HOURS = 1 / 60;
const LAST_BUCKET = 400;

/** The hours a bucket covers: bucket 0 is under a minute, bucket b ≥ 1 [1.05^(b-1), 1.05^b) minutes. */
export function bucketBounds(bucket: number): [number, number] {
  if (bucket <= 0) return [0, BUCKET_BASE_HOURS];
  const b = Math.min(bucket, LAST_BUCKET);
  return [BUCKET_BASE_HOURS * BUCKET_RATIO ** (b - 1), BUCKET_BASE_HOURS * BUCKET_RATIO ** b];
}

/**
 * The median of a histogram, with percentile_cont's convention (the mean of the two middle values
 * for an even count). Each middle value is placed evenly within its bucket, so it is off by less
 * than the bucket's width: under 5 % of the value (under a minute in bucket 0).
 */
export function histogramMedian(buckets: { bucket: number; n: number }[]): number | null {
  const sorted = buckets.filter((b) => b.n > 0).sort((a, b) => a.bucket - b.bucket);
  const total = sorted.reduce((s, b) => s + b.n, 0);
  if (total === 0) return null;
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const b of sorted) {
      if (rank < seen + b.n) {
        const [lo, hi] = bucketBounds(b.bucket);
        return lo + ((hi - lo) * (rank - seen + 0.5)) / b.n;
      }
      seen += b.n;
    }
    return bucketBounds(sorted[sorted.length - 1].bucket)[1];
  };
  return total % 2 === 1 ? valueAt((total - 1) / 2) : (valueAt(total / 2 - 1) + valueAt(total / 2)) / 2;
}

interface Segment {
  monthly: boolean;
  from: Day;
  to: Day;
  sign: 1 | -1;
}

/**
 * Which histogram rows make up the whole days [start, end): full months from the monthly rows; a
 * month cut by the period either as its days, or as the month less the days outside the period,
 * whichever reads fewer days. A rolling 30 days reads about one month and a day, not 30 days.
 */
export function histogramSegments(start: Day, end: Day): Segment[] {
  if (start >= end) return [];
  const out: Segment[] = [];
  const partMonth = (month: Day, from: Day, to: Day) => {
    const next = shiftPeriod(month, "month", 1);
    const inside = daysBetween(from, to);
    if (inside <= daysBetween(month, next) - inside) {
      out.push({ monthly: false, from, to, sign: 1 });
    } else {
      out.push({ monthly: true, from: month, to: next, sign: 1 });
      if (month < from) out.push({ monthly: false, from: month, to: from, sign: -1 });
      if (to < next) out.push({ monthly: false, from: to, to: next, sign: -1 });
    }
  };
  const first = periodStart(start, "month");
  const last = periodStart(end, "month");
  if (first === last) {
    partMonth(first, start, end);
    return out;
  }
  let fullFrom = first;
  if (start !== first) {
    fullFrom = shiftPeriod(first, "month", 1);
    partMonth(first, start, fullFrom);
  }
  if (fullFrom < last) out.push({ monthly: true, from: fullFrom, to: last, sign: 1 });
  if (end !== last) partMonth(last, last, end);
  return out;
}

// ─── Flow figures ────────────────────────────────────────────────────────────

const num = (x: unknown) => (x == null ? null : Math.round(Number(x) * 10) / 10);
const ts = (d: Date) => d.toISOString();

/**
 * Flow figures per department for a period [from, to): what came in, what is open and overdue,
 * how fast departments react and resolve, and how often they keep the SLA. Times count from the
 * latest routing, so a reassigned insight counts for the department that has it now.
 *
 * Whole Berlin days come from the counters kept by triggers on insights (migration 0008): received,
 * done and SLA kept per day of routing, open insights per day of routing and day due, histograms
 * for the medians. The parts of a day at either edge of the period, and what fell due earlier
 * today, are counted from the insights by index. No read grows with the size of the table.
 */
export async function flowFigures(db: Executor, opts: FlowFiguresOptions): Promise<FlowFiguresResult> {
  const now = opts.now ?? new Date();
  const limit = opts.medianExactLimit ?? MEDIAN_EXACT_LIMIT;
  const [deps, b] = await Promise.all([
    db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(opts.departmentId != null ? eq(departments.id, opts.departmentId) : sql`true`)
      .orderBy(asc(departments.name)),
    periodBounds(db, opts.from, opts.to, now),
  ]);
  const triagePromise = opts.departmentId ? Promise.resolve(null) : triageFigures(db, opts, b);
  if (!deps.length) return Object.assign([] as FlowFigures[], { triage: await triagePromise });

  const { startDay, endDay } = b;
  const ids = arrayLiteral(deps.map((d) => d.id));
  const inDeps = sql`department_id = any(${ids}::int[])`;
  // The edges' insights, one index range each (an OR of ranges would read the table through a bitmap).
  const edgeRows = b.edges.length
    ? sql.join(
        b.edges.map(
          ([a, z]) => sql`select department_id, routed_at, sla_due_at, accepted_at, resolved_at, declined_at, status from insights
            where ${inDeps} and routed_at >= ${ts(new Date(a))}::timestamptz and routed_at < ${ts(new Date(z))}::timestamptz`,
        ),
        sql` union all `,
      )
    : sql`select department_id, routed_at, sla_due_at, accepted_at, resolved_at, declined_at, status from insights where false`;
  const inWhole = inRanges(sql`routed_at`, b.wholeFrom < b.wholeTo ? [[b.wholeFrom, b.wholeTo]] : []);
  const reacted = sql`coalesce(accepted_at, resolved_at, declined_at)`;
  const done = sql`coalesce(resolved_at, declined_at)`;
  const nowTs = ts(now);
  const todayTs = ts(new Date(b.todayFrom));

  // Open insights never carry a resolved/declined time (routing skips finished ones), so "done or
  // past due" splits into done (counters) and open and past due (insight_flow_open, by due day).
  const countsQuery = db.execute(sql`
    with c as (
      select department_id, sum(received) as received, sum(done) as done, sum(sla_met) as sla_met
      from insight_flow_days where ${inDeps} and day >= ${startDay}::date and day < ${endDay}::date
      group by department_id
    ), e as (
      select department_id, count(*) as received, count(${done}) as done,
        count(*) filter (where ${done} <= sla_due_at) as sla_met,
        count(*) filter (where status in ('routed', 'accepted') and sla_due_at < ${nowTs}::timestamptz) as late
      from (${edgeRows}) x
      group by department_id
    ), o as (
      select department_id, sum(n) as open, sum(n) filter (where due_day < ${b.today}::date) as overdue,
        sum(n) filter (where due_day < ${b.today}::date and day >= ${startDay}::date and day < ${endDay}::date) as late
      from insight_flow_open where ${inDeps}
      group by department_id
    ), t as (
      select department_id, count(*) as overdue, count(*) filter (where ${inWhole}) as late
      from insights where ${inDeps} and status in ('routed', 'accepted')
        and sla_due_at >= ${todayTs}::timestamptz and sla_due_at < ${nowTs}::timestamptz
      group by department_id
    )
    select d.id as department_id,
      coalesce(c.received, 0) + coalesce(e.received, 0) as received,
      coalesce(c.done, 0) + coalesce(e.done, 0) as done,
      coalesce(c.sla_met, 0) + coalesce(e.sla_met, 0) as sla_met,
      coalesce(o.open, 0) as open, coalesce(o.overdue, 0) + coalesce(t.overdue, 0) as overdue,
      coalesce(o.late, 0) + coalesce(t.late, 0) + coalesce(e.late, 0) as late
    from unnest(${ids}::int[]) as d(id)
    left join c on c.department_id = d.id left join e on e.department_id = d.id
    left join o on o.department_id = d.id left join t on t.department_id = d.id`);
  const [countsRes, triage] = await Promise.all([countsQuery, triagePromise]);
  const counts = new Map((countsRes.rows as Record<string, unknown>[]).map((r) => [Number(r.department_id), r]));
  const totalReceived = [...counts.values()].reduce((s, r) => s + Number(r.received), 0);

  const medians = new Map<number, { accept: number | null; resolve: number | null }>();
  if (totalReceived > 0 && totalReceived <= limit) {
    const res = await db.execute(sql`
      select department_id,
        percentile_cont(0.5) within group (order by extract(epoch from ${reacted} - routed_at) / 3600)
          filter (where ${reacted} is not null) as median_accept,
        percentile_cont(0.5) within group (order by extract(epoch from resolved_at - routed_at) / 3600)
          filter (where resolved_at is not null) as median_resolve
      from insights
      where ${inDeps} and routed_at >= ${ts(opts.from)}::timestamptz and routed_at < ${ts(opts.to)}::timestamptz
      group by department_id`);
    for (const r of res.rows as Record<string, unknown>[]) {
      medians.set(Number(r.department_id), { accept: num(r.median_accept), resolve: num(r.median_resolve) });
    }
  } else if (totalReceived > 0) {
    const segments = histogramSegments(startDay, endDay);
    const fromCounters = segments.length
      ? sql.join(
          segments.map(
            (g) => sql`select department_id, kind, bucket, n * ${g.sign}::int as n from insight_flow_buckets
              where ${inDeps} and monthly = ${g.monthly} and day >= ${g.from}::date and day < ${g.to}::date`,
          ),
          sql` union all `,
        )
      : sql`select 0, 0, 0, 0 where false`;
    const res = await db.execute(sql`
      with edge as (${edgeRows})
      select department_id, kind, bucket, sum(n) as n from (
        ${fromCounters}
        union all
        select department_id, 1, insight_flow_bucket(extract(epoch from ${reacted} - routed_at) / 3600), 1
        from edge where ${reacted} is not null
        union all
        select department_id, 2, insight_flow_bucket(extract(epoch from resolved_at - routed_at) / 3600), 1
        from edge where resolved_at is not null
      ) x group by department_id, kind, bucket`);
    const hist = new Map<string, { bucket: number; n: number }[]>();
    for (const r of res.rows as Record<string, unknown>[]) {
      const key = `${r.department_id}:${r.kind}`;
      const list = hist.get(key) ?? [];
      list.push({ bucket: Number(r.bucket), n: Number(r.n) });
      hist.set(key, list);
    }
    for (const d of deps) {
      medians.set(d.id, {
        accept: num(histogramMedian(hist.get(`${d.id}:1`) ?? [])),
        resolve: num(histogramMedian(hist.get(`${d.id}:2`) ?? [])),
      });
    }
  }

  const rows = deps.map((d): FlowFigures => {
    const r = counts.get(d.id) ?? {};
    const counted = Number(r.done ?? 0) + Number(r.late ?? 0);
    const m = medians.get(d.id);
    return {
      departmentId: d.id,
      departmentName: d.name,
      received: Number(r.received ?? 0),
      open: Number(r.open ?? 0),
      overdue: Number(r.overdue ?? 0),
      medianHoursToAccept: m?.accept ?? null,
      medianHoursToResolve: m?.resolve ?? null,
      slaCompliance: counted ? Number(r.sla_met ?? 0) / counted : null,
      slaCounted: counted,
    };
  });
  return Object.assign(rows, { triage });
}

/**
 * The same figures counted from the insights alone, scanning every routed insight. Too slow for a
 * page at a million insights; kept as the reference the counters are checked against.
 */
export async function flowFiguresRecount(db: Executor, opts: { from: Date; to: Date; departmentId?: number; now?: Date }): Promise<FlowFiguresResult> {
  const now = (opts.now ?? new Date()).toISOString();
  const from = opts.from.toISOString();
  const to = opts.to.toISOString();
  const inPeriod = sql`(i.routed_at >= ${from}::timestamptz and i.routed_at < ${to}::timestamptz)`;
  const reacted = sql`coalesce(i.accepted_at, i.resolved_at, i.declined_at)`;
  const done = sql`coalesce(i.resolved_at, i.declined_at)`;
  const res = await db.execute(sql`
    select d.id as department_id, d.name as department_name,
      count(i.id) filter (where ${inPeriod}) as received,
      count(i.id) filter (where i.status in ('routed', 'accepted')) as open,
      count(i.id) filter (where i.status in ('routed', 'accepted') and i.sla_due_at < ${now}::timestamptz) as overdue,
      percentile_cont(0.5) within group (order by extract(epoch from ${reacted} - i.routed_at) / 3600)
        filter (where ${inPeriod} and ${reacted} is not null) as median_accept,
      percentile_cont(0.5) within group (order by extract(epoch from i.resolved_at - i.routed_at) / 3600)
        filter (where ${inPeriod} and i.resolved_at is not null) as median_resolve,
      count(i.id) filter (where ${inPeriod} and ${done} <= i.sla_due_at) as sla_met,
      count(i.id) filter (where ${inPeriod} and (${done} is not null or i.sla_due_at < ${now}::timestamptz)) as sla_counted
    from departments d
    left join insights i on i.department_id = d.id
    where ${opts.departmentId ? sql`d.id = ${opts.departmentId}` : sql`true`}
    group by d.id, d.name
    order by d.name`);
  let triage: TriageFigures | null = null;
  if (!opts.departmentId) {
    const exit = (status: string) =>
      sql`count(*) filter (where status = ${status} and dismissed_at >= ${from}::timestamptz and dismissed_at < ${to}::timestamptz)`;
    const t = (await db.execute(sql`
      select count(*) filter (where status = 'triage') as waiting, ${exit("no_action")} as no_action, ${exit("spam")} as spam
      from insights where status in ('triage', 'no_action', 'spam')`)).rows[0] as Record<string, unknown>;
    triage = { waiting: Number(t.waiting), noAction: Number(t.no_action), spam: Number(t.spam) };
  }
  const rows = (res.rows as Record<string, unknown>[]).map((r) => {
    const counted = Number(r.sla_counted);
    return {
      departmentId: Number(r.department_id),
      departmentName: String(r.department_name),
      received: Number(r.received),
      open: Number(r.open),
      overdue: Number(r.overdue),
      medianHoursToAccept: num(r.median_accept),
      medianHoursToResolve: num(r.median_resolve),
      slaCompliance: counted ? Number(r.sla_met) / counted : null,
      slaCounted: counted,
    };
  });
  return Object.assign(rows, { triage });
}
