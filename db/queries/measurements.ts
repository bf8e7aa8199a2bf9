import { and, count, desc, eq, gte, inArray, isNull, lt, max, ne, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { alerts, businessProcesses, kpis, measurementMonths, measurements, measurementWeekParts, users } from "../schema";
import { recordAudit } from "./audit";
import { arrayLiteral } from "./sql-array";
import { keysetCondition, keysetOrder, keysetPage } from "./keyset";
import { COUNT_CAP, type PageRequest, pageRequest } from "@/lib/pagination/cursor";
import { AppError } from "@/lib/errors";
import { targetScale } from "@/lib/kpis/aggregate";
import { type AlertDecision, decideAlert, outOfRangeSince } from "@/lib/kpis/alerts";
import { type BucketAggregate, figure, valueOf } from "@/lib/kpis/overview";
import { addDays, type Day, type DayRange, type KpiPeriod, periodRange, periodStart, shiftPeriod, trailingPeriods } from "@/lib/kpis/periods";
import { type DepartmentScope, inScope } from "@/lib/kpis/scope";
import { evaluateStatus } from "@/lib/kpis/thresholds";
import { itemValueErrors } from "@/lib/kpis/units";
import { emit } from "@/lib/jobs/enqueue";
import { type AlertEvent, alertEvent } from "@/lib/jobs/events";
import { type KpiDto, kpiRuleColumns } from "./kpis";

type MeasurementSource = "manual" | "csv" | "api" | "derived";

/**
 * Per KPI and bucket: sum, count and (for last-value KPIs) the last value. `buckets` must be
 * contiguous. Whole calendar months inside a bucket are read from the monthly rollup
 * (measurement_months), whole parts of ISO weeks (weeks cut at the 1st of a month) of what is left
 * from measurement_week_parts, both kept by triggers; only days that make up no whole part come
 * from measurements over an index range scan on (kpi_id, measured_on). Quarter and year buckets
 * are whole months, the month view's weeks clipped to the month and whole weeks are whole parts:
 * the overview and KPI series of whole periods never read single days.
 */
export async function windowAggregates(
  db: Executor,
  opts: { kpiIds: number[]; lastKpiIds: number[]; buckets: readonly DayRange[] },
): Promise<BucketAggregate[]> {
  const { buckets } = opts;
  if (opts.kpiIds.length === 0 || buckets.length === 0) return [];
  for (let i = 1; i < buckets.length; i++) {
    if (buckets[i].start !== buckets[i - 1].end) throw new Error("buckets must be contiguous");
  }
  const split = splitBuckets(buckets);
  if (split.months.length === 0 && split.parts.length === 0) return rawAggregates(db, opts);
  // One after the other: `db` may be a transaction, whose one connection cannot run two queries at
  // once (pg 8 deprecates queuing them, pg 9 refuses).
  const edges = split.edges.length ? await edgeAggregates(db, opts, split.edges) : [];
  const { rows, once } = await rollupAggregates(db, opts, split, buckets);
  if (once && edges.length === 0) {
    // Every (KPI, bucket) in one row: nothing to add up (the month and quarter views).
    return rows.map((r) => ({
      kpiId: Number(r.kpiId),
      start: buckets[Number(r.bucket)].start,
      sum: Number(r.sum ?? 0),
      count: Number(r.count),
      last: r.last == null ? null : Number(r.last),
    }));
  }
  const rolled = rows.map(toPartial);
  // Tens of thousands of parts at thousands of KPIs: a numeric key and no copies keep this cheap.
  const n = buckets.length;
  const byKey = new Map<number, PartialAggregate>();
  for (const parts of [rolled, edges]) {
    for (const part of parts) {
      const key = part.kpiId * n + part.bucket;
      const seen = byKey.get(key);
      if (!seen) {
        byKey.set(key, part);
        continue;
      }
      seen.sum += part.sum;
      seen.count += part.count;
      if (part.lastOn !== null && (seen.lastOn === null || laterThan(part, seen))) {
        seen.lastOn = part.lastOn;
        seen.lastId = part.lastId;
        seen.last = part.last;
      }
    }
  }
  const out: BucketAggregate[] = [];
  for (const p of byKey.values()) out.push({ kpiId: p.kpiId, start: buckets[p.bucket].start, sum: p.sum, count: p.count, last: p.last });
  return out;
}

/** A share of one bucket: `bucket` is its index; lastOn/lastId order the last values. */
interface PartialAggregate {
  kpiId: number;
  bucket: number;
  sum: number;
  count: number;
  last: number | null;
  lastOn: Day | null;
  lastId: number | null;
}

const laterThan = (a: PartialAggregate, b: PartialAggregate) => a.lastOn! > b.lastOn! || (a.lastOn === b.lastOn && a.lastId! > b.lastId!);

const isMonthStart = (day: Day) => day.endsWith("-01");
const monthOf = (day: Day): Day => `${day.slice(0, 8)}01`;
function nextMonth(month: Day): Day {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

// Parts of weeks (measurement_week_parts): a part starts on every Monday and every 1st.
const isPartStart = (day: Day) => isMonthStart(day) || periodStart(day, "week") === day;
function nextPartStart(day: Day): Day {
  const monday = shiftPeriod(day, "week", 1);
  const first = nextMonth(monthOf(day));
  return monday < first ? monday : first;
}
function partStartOf(day: Day): Day {
  const monday = periodStart(day, "week");
  const first = monthOf(day);
  return monday > first ? monday : first;
}

/** A rollup row's key (a month's 1st, a week part's first day) and the bucket it belongs to. */
interface RollupPeriod {
  start: Day;
  bucket: number;
}

interface BucketSplit {
  months: RollupPeriod[];
  parts: RollupPeriod[];
  /** Day ranges that make up no whole part, read from measurements. */
  edges: { start: Day; end: Day; bucket: number }[];
}

/**
 * Each bucket's whole months; of the days around them (or of the whole bucket, when it holds no
 * whole month), the whole week parts; and the days left over (within one part each).
 */
function splitBuckets(buckets: readonly DayRange[]): BucketSplit {
  const split: BucketSplit = { months: [], parts: [], edges: [] };
  const splitParts = (start: Day, end: Day, bucket: number) => {
    if (start >= end) return;
    const first = isPartStart(start) ? start : nextPartStart(start);
    const last = isPartStart(end) ? end : partStartOf(end);
    if (first >= last) {
      split.edges.push({ start, end, bucket });
      return;
    }
    if (start < first) split.edges.push({ start, end: first, bucket });
    for (let p = first; p < last; p = nextPartStart(p)) split.parts.push({ start: p, bucket });
    if (last < end) split.edges.push({ start: last, end, bucket });
  };
  buckets.forEach((b, bucket) => {
    const first = isMonthStart(b.start) ? b.start : nextMonth(monthOf(b.start));
    const end = monthOf(b.end);
    if (first >= end) {
      splitParts(b.start, b.end, bucket);
      return;
    }
    splitParts(b.start, first, bucket);
    for (let m = first; m < end; m = nextMonth(m)) split.months.push({ start: m, bucket });
    splitParts(end, b.end, bucket);
  });
  return split;
}

/**
 * Whole months and week parts from their rollups in one statement: per KPI and bucket the sums
 * and, for last-value KPIs, the bucket's latest value, each row's bucket found by a binary search
 * over the buckets' first days (every rollup period lies inside one bucket). Where each bucket
 * holds one period (the month view's weeks, the quarter view's months) the rows are returned as
 * they are; otherwise grouped in one hash aggregate.
 * `once`: every (KPI, bucket) has at most one row (only one of the tables was read).
 */
async function rollupAggregates(
  db: Executor,
  opts: { kpiIds: number[]; lastKpiIds: number[] },
  split: Pick<BucketSplit, "months" | "parts">,
  buckets: readonly DayRange[],
): Promise<{ rows: Record<string, unknown>[]; once: boolean }> {
  const ids = sql`${arrayLiteral(opts.kpiIds)}::integer[]`;
  const lastIds = sql`${arrayLiteral(opts.lastKpiIds)}::integer[]`;
  const starts = sql`${arrayLiteral(buckets.map((b) => b.start))}::date[]`;
  const statements: SQL[] = [];
  for (const s of [
    { table: measurementMonths, key: "month", periods: split.months },
    { table: measurementWeekParts, key: "starts_on", periods: split.parts },
  ]) {
    if (s.periods.length === 0) continue;
    const key = sql.raw(`r.${s.key}`);
    const inPeriods = sql`${key} = any(${arrayLiteral(s.periods.map((p) => p.start))}::date[]) and r.kpi_id = any(${ids})`;
    const bucket = sql`width_bucket(${key}, ${starts}) - 1`;
    if (new Set(s.periods.map((p) => p.bucket)).size === s.periods.length) {
      // One period per bucket (the month view's weeks, the quarter view's months): the rows as they are.
      statements.push(sql`(
        select r.kpi_id as "kpiId", ${bucket} as bucket, r.sum, r.count,
          case when r.kpi_id = any(${lastIds}) then r.last_on::text end as "lastOn",
          case when r.kpi_id = any(${lastIds}) then r.last_id end as "lastId",
          case when r.kpi_id = any(${lastIds}) then r.last_value end as last
        from ${s.table} r
        where ${inPeriods})`);
      continue;
    }
    // The latest row of a bucket as the greatest [day, id, value] (arrays compare element by
    // element): one hash aggregate, no sort. Days since 2000 and ids (< 2^53) are exact as float8.
    statements.push(sql`(
      select "kpiId", bucket, sum, count, (date '2000-01-01' + latest[1]::integer)::text as "lastOn", latest[2]::bigint as "lastId", latest[3] as last
      from (
        select r.kpi_id as "kpiId", ${bucket} as bucket, sum(r.sum) as sum, sum(r.count) as count,
          max(array[(r.last_on - date '2000-01-01')::float8, r.last_id::float8, r.last_value]) filter (where r.kpi_id = any(${lastIds}) and r.last_on is not null) as latest
        from ${s.table} r
        where ${inPeriods}
        group by 1, 2) as g)`);
  }
  const { rows } = await db.execute(sql.join(statements, sql` union all `));
  return { rows: rows as Record<string, unknown>[], once: statements.length === 1 };
}

function toPartial(r: Record<string, unknown>): PartialAggregate {
  return {
    kpiId: Number(r.kpiId),
    bucket: Number(r.bucket),
    sum: Number(r.sum ?? 0),
    count: Number(r.count),
    last: r.last == null ? null : Number(r.last),
    lastOn: r.lastOn == null ? null : String(r.lastOn),
    lastId: r.lastId == null ? null : Number(r.lastId),
  };
}

/**
 * The days around whole months and week parts, from measurements: the sums in one bitmap scan of
 * the ranges (a join against the list of ranges would be planned as a scan of the whole table),
 * each row's range found by a binary search over their first days; each last value by one backward
 * index step.
 */
async function edgeAggregates(
  db: Executor,
  opts: { kpiIds: number[]; lastKpiIds: number[] },
  edges: readonly { start: Day; end: Day; bucket: number }[],
): Promise<PartialAggregate[]> {
  const ids = sql`${arrayLiteral(opts.kpiIds)}::integer[]`;
  const inEdges = sql.join(
    edges.map((e) => sql`(m.kpi_id = any(${ids}) and m.measured_on >= ${e.start}::date and m.measured_on < ${e.end}::date)`),
    sql` or `,
  );
  const { rows: sumRows } = await db.execute(sql`
    select m.kpi_id as "kpiId", width_bucket(m.measured_on, ${arrayLiteral(edges.map((e) => e.start))}::date[]) as edge,
      sum(m.value) as sum, count(*) as count
    from ${measurements} m
    where ${inEdges}
    group by 1, 2`);
  const out = (sumRows as Record<string, unknown>[]).map((r) => toPartial({ ...r, bucket: edges[Number(r.edge) - 1].bucket }));
  if (opts.lastKpiIds.length === 0) return out;
  const { rows: lasts } = await db.execute(sql`
    select k.id as "kpiId", b.bucket, 0 as sum, 0 as count, m.value as last, m.measured_on::text as "lastOn", m.id as "lastId"
    from unnest(${arrayLiteral(opts.lastKpiIds)}::integer[]) as k(id)
    cross join unnest(${arrayLiteral(edges.map((e) => e.start))}::date[], ${arrayLiteral(edges.map((e) => e.end))}::date[], ${arrayLiteral(edges.map((e) => e.bucket))}::integer[]) as b(s, e, bucket)
    cross join lateral (
      select value, measured_on, id from ${measurements}
      where kpi_id = k.id and measured_on >= b.s and measured_on < b.e
      order by measured_on desc, id desc
      limit 1
    ) as m`);
  return [...out, ...(lasts as Record<string, unknown>[]).map(toPartial)];
}

/**
 * Buckets without a whole month or week part, all from measurements over an index range scan on
 * (kpi_id, measured_on). Rows are assigned to buckets by a binary search over their start days
 * (width_bucket), cheaper than truncating each date.
 */
async function rawAggregates(
  db: Executor,
  opts: { kpiIds: number[]; lastKpiIds: number[]; buckets: readonly DayRange[] },
): Promise<BucketAggregate[]> {
  const { buckets } = opts;
  const starts = arrayLiteral(buckets.map((b) => b.start));
  const index = sql<number>`width_bucket(${measurements.measuredOn}, ${starts}::date[])`;
  const inRange = (ids: number[]) =>
    and(inArray(measurements.kpiId, ids), gte(measurements.measuredOn, buckets[0].start), lt(measurements.measuredOn, buckets.at(-1)!.end));
  const sumsQuery = db
    .select({
      kpiId: measurements.kpiId,
      bucket: index.mapWith(Number).as("bucket"),
      sum: sql<number>`sum(${measurements.value})`.mapWith(Number),
      count: sql<number>`count(*)`.mapWith(Number),
    })
    .from(measurements)
    .where(inRange(opts.kpiIds))
    .groupBy(sql`1`, sql`2`);
  // The last value of each (KPI, bucket) is one backward step on the index per pair, not a sort.
  const lastQuery = opts.lastKpiIds.length
    ? db
        .execute(sql`
          select k.id as "kpiId", b.i::int as "bucket", m.value
          from unnest(${arrayLiteral(opts.lastKpiIds)}::integer[]) as k(id)
          cross join unnest(${starts}::date[], ${arrayLiteral(buckets.map((b) => b.end))}::date[]) with ordinality as b(s, e, i)
          cross join lateral (
            select ${measurements.value} as value from ${measurements}
            where ${measurements.kpiId} = k.id and ${measurements.measuredOn} >= b.s and ${measurements.measuredOn} < b.e
            order by ${measurements.measuredOn} desc, ${measurements.id} desc
            limit 1
          ) as m`)
        .then((r) => (r.rows as { kpiId: number; bucket: number; value: number }[]).map((x) => ({ kpiId: Number(x.kpiId), bucket: Number(x.bucket), value: Number(x.value) })))
    : Promise.resolve([] as { kpiId: number; bucket: number; value: number }[]);
  // One after the other: `db` may be a transaction, whose one connection cannot run two queries at
  // once (pg 8 deprecates queuing them, pg 9 refuses).
  const sums = await sumsQuery;
  const lasts = await lastQuery;
  const last = new Map(lasts.map((l) => [`${l.kpiId}:${l.bucket}`, l.value]));
  return sums.map((s) => ({
    kpiId: s.kpiId,
    start: buckets[s.bucket - 1].start,
    sum: s.sum,
    count: s.count,
    last: last.get(`${s.kpiId}:${s.bucket}`) ?? null,
  }));
}

type KpiForEvaluation = Pick<
  KpiDto,
  "id" | "direction" | "period" | "aggregation" | "target" | "warningThreshold" | "criticalThreshold"
> & { departmentId: number };

export interface AlertChange {
  kpiId: number;
  decision: AlertDecision["type"];
  severity?: "warning" | "critical";
}

/**
 * Re-evaluates a KPI after new values for the given periods, and opens, escalates, updates or
 * resolves its one threshold alert. The KPI row is locked so concurrent writers cannot open two;
 * only called inside recordMeasurements' transaction, which is what makes the lock hold.
 */
async function evaluateKpi(
  tx: Executor,
  kpiId: number,
  affectedPeriods: ReadonlySet<Day>,
  today: Day,
  actorId: number | null,
): Promise<AlertChange & { event?: AlertEvent }> {
  const [kpi] = await tx
    .select({
      id: kpis.id,
      ...kpiRuleColumns,
      departmentId: businessProcesses.departmentId,
    })
    .from(kpis)
    .innerJoin(businessProcesses, eq(businessProcesses.id, kpis.businessProcessId))
    .where(eq(kpis.id, kpiId))
    .for("update", { of: kpis });
  if (!kpi) throw new AppError("not_found", "KPI not found");
  const [{ latest }] = await tx.select({ latest: max(measurements.measuredOn) }).from(measurements).where(eq(measurements.kpiId, kpiId));
  if (!latest) return { kpiId, decision: "none" };
  const range = periodRange(latest, kpi.period);
  // Values for older periods change those periods' figures, not the alert, which follows the latest period.
  if (!affectedPeriods.has(range.start)) return { kpiId, decision: "none" };
  const [bucket] = await windowAggregates(tx, {
    kpiIds: [kpiId],
    lastKpiIds: kpi.aggregation === "last" ? [kpiId] : [],
    buckets: [range],
  });
  const value = valueOf(bucket, kpi.aggregation);
  const status = evaluateStatus(value, kpi, targetScale(kpi.aggregation, kpi.period, range, today));
  const [current] = await tx
    .select({ id: alerts.id, severity: alerts.severity, status: alerts.status, periodStart: alerts.periodStart })
    .from(alerts)
    .where(and(eq(alerts.kpiId, kpiId), eq(alerts.kind, "threshold"), ne(alerts.status, "resolved")))
    .for("update");
  const decision = decideAlert(
    current ? { severity: current.severity, status: current.status as "open" | "acknowledged", periodStart: current.periodStart ?? range.start } : null,
    { periodStart: range.start, status, value },
    range.start,
  );
  const since = decision.type === "open" || decision.type === "escalate" || decision.type === "update" ? await streakStart(tx, kpi, range.start, today) : null;
  const event = await applyDecision(tx, decision, { kpi, currentId: current?.id, periodStart: range.start, since: since ?? range.start, value, actorId });
  return { kpiId, decision: decision.type, severity: decision.type === "open" ? decision.severity : current?.severity, event };
}

/** How far back "since" is looked for: two years of weeks, months or quarters. */
const SINCE_LOOKBACK: Record<KpiPeriod, number> = { week: 104, month: 24, quarter: 8 };

/** The first period of the out-of-range run that ends with the KPI's latest period (lib/kpis/alerts.ts). */
async function streakStart(tx: Executor, kpi: KpiForEvaluation, latestStart: Day, today: Day): Promise<Day | null> {
  const windows = trailingPeriods(latestStart, kpi.period, SINCE_LOOKBACK[kpi.period]);
  const buckets = await windowAggregates(tx, {
    kpiIds: [kpi.id],
    lastKpiIds: kpi.aggregation === "last" ? [kpi.id] : [],
    buckets: windows,
  });
  const byStart = new Map(buckets.map((b) => [b.start, b]));
  return outOfRangeSince(
    windows.map((w) => ({ periodStart: w.start, status: figure(kpi, valueOf(byStart.get(w.start), kpi.aggregation), w, today).status })),
  );
}

/** Applies the decision; returns the domain event of an alert opened, escalated or resolved. */
async function applyDecision(
  tx: Executor,
  decision: AlertDecision,
  c: { kpi: KpiForEvaluation; currentId?: number; periodStart: Day; since: Day; value: number | null; actorId: number | null },
): Promise<AlertEvent | undefined> {
  const now = new Date();
  switch (decision.type) {
    case "none":
      return undefined;
    case "open": {
      const [row] = await tx
        .insert(alerts)
        .values({
          kind: "threshold",
          kpiId: c.kpi.id,
          departmentId: c.kpi.departmentId,
          severity: decision.severity,
          status: "open",
          periodStart: c.periodStart,
          since: c.since,
          value: c.value,
        })
        .returning();
      await recordAudit(tx, { actorId: c.actorId, action: "alert.open", entityType: "alert", entityId: row.id, after: row });
      return alertEvent("alert.opened", { id: row.id, kind: "threshold", severity: row.severity }, now);
    }
    case "escalate": {
      const [row] = await tx
        .update(alerts)
        .set({ severity: "critical", status: "open", escalatedAt: now, periodStart: c.periodStart, since: c.since, value: c.value })
        .where(eq(alerts.id, c.currentId!))
        .returning();
      await recordAudit(tx, { actorId: c.actorId, action: "alert.escalate", entityType: "alert", entityId: row.id, after: row });
      return alertEvent("alert.escalated", { id: row.id, kind: "threshold", severity: "critical" }, now);
    }
    case "update":
      await tx.update(alerts).set({ periodStart: c.periodStart, since: c.since, value: c.value }).where(eq(alerts.id, c.currentId!));
      return undefined;
    case "resolve": {
      const [row] = await tx
        .update(alerts)
        .set({ status: "resolved", resolvedAt: now, periodStart: c.periodStart, value: c.value })
        .where(eq(alerts.id, c.currentId!))
        .returning();
      await recordAudit(tx, { actorId: c.actorId, action: "alert.resolve", entityType: "alert", entityId: row.id, after: row });
      return alertEvent("alert.resolved", { id: row.id, kind: "threshold", severity: row.severity }, now);
    }
  }
}

export interface MeasurementItem {
  kpiId: number;
  measuredOn: Day;
  value: number;
}

export interface Writer {
  userId: number | null;
  scope: DepartmentScope;
  /** Shown in the audit log for token writes. */
  via?: string;
}

const INSERT_CHUNK = 10_000;

/**
 * One multi-row INSERT per chunk, with the rows passed as five arrays: a statement with tens of
 * thousands of separate parameters costs more to build and parse than the insert itself.
 */
async function insertChunk(tx: Executor, chunk: readonly MeasurementItem[], source: MeasurementSource, userId: number | null) {
  await tx.execute(sql`
    insert into ${measurements} (kpi_id, measured_on, value, source, recorded_by)
    select kpi_id, measured_on, value, ${source}::measurement_source, ${userId}::integer
    from unnest(
      ${arrayLiteral(chunk.map((i) => i.kpiId))}::integer[],
      ${arrayLiteral(chunk.map((i) => i.measuredOn))}::date[],
      ${arrayLiteral(chunk.map((i) => i.value))}::double precision[]
    ) as t(kpi_id, measured_on, value)`);
}

/**
 * Stores values from any path (form, grid, CSV, API) all-or-nothing, then evaluates each affected
 * KPI once. Values must not lie in the future and must fit their KPI's unit (lib/kpis/units.ts);
 * the writer must be allowed the KPIs' departments.
 */
export async function recordMeasurements(
  db: Executor,
  writer: Writer,
  items: readonly MeasurementItem[],
  source: MeasurementSource,
  today: Day,
) {
  if (items.length === 0) throw new AppError("validation_failed", "nothing to store", { items: ["kpis.errors.noValues"] });
  const future = items.findIndex((i) => i.measuredOn > today);
  if (future >= 0) {
    throw new AppError("validation_failed", "date in the future", { [`items.${future}.measuredOn`]: ["kpis.errors.futureDate"] });
  }
  const ids = [...new Set(items.map((i) => i.kpiId))];
  return db.transaction(async (tx) => {
    const found = await tx
      .select({ id: kpis.id, period: kpis.period, unit: kpis.unit, departmentId: businessProcesses.departmentId, derived: kpis.derived })
      .from(kpis)
      .innerJoin(businessProcesses, eq(businessProcesses.id, kpis.businessProcessId))
      .where(and(inArray(kpis.id, ids), isNull(kpis.archivedAt)));
    const byId = new Map(found.map((k) => [k.id, k]));
    for (const id of ids) {
      const k = byId.get(id);
      if (!k) throw new AppError("not_found", `KPI ${id} not found`);
      if (!inScope(writer.scope, k.departmentId)) throw new AppError("forbidden", `KPI ${id} belongs to another department`);
      // A derived KPI's values come from the insight flow only: an entered one would mix with them.
      if (k.derived && source !== "derived") {
        throw new AppError("validation_failed", `KPI ${id} is derived from insights`, { kpiId: ["kpis.derived.errors.noEntry"] });
      }
    }
    // The last guard of every path: each value within its KPI's unit (a share within 0–100).
    const outOfBounds = itemValueErrors(items, (id) => byId.get(id)!.unit);
    if (outOfBounds) throw new AppError("validation_failed", "value outside its unit", outOfBounds);
    for (let i = 0; i < items.length; i += INSERT_CHUNK) {
      await insertChunk(tx, items.slice(i, i + INSERT_CHUNK), source, writer.userId);
    }
    // Imports repeat the same few hundred days; bucket each (KPI, day) once.
    const affected = new Map<number, Set<Day>>();
    const seen = new Set<string>();
    for (const it of items) {
      const key = `${it.kpiId}:${it.measuredOn}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const start = periodStart(it.measuredOn, byId.get(it.kpiId)!.period);
      const set = affected.get(it.kpiId);
      if (set) set.add(start);
      else affected.set(it.kpiId, new Set([start]));
    }
    const changes: AlertChange[] = [];
    const events: AlertEvent[] = [];
    for (const id of ids) {
      const { event, ...change } = await evaluateKpi(tx, id, affected.get(id)!, today, writer.userId);
      changes.push(change);
      if (event) events.push(event);
    }
    // Alerts opened, escalated or resolved reach their subscribers (webhooks) through jobs that
    // exist exactly when these values commit.
    await emit(tx, events);
    let from = items[0].measuredOn;
    let to = from;
    for (const it of items) {
      if (it.measuredOn < from) from = it.measuredOn;
      if (it.measuredOn > to) to = it.measuredOn;
    }
    await recordAudit(tx, {
      actorId: writer.userId,
      action: "measurements.record",
      entityType: "kpi",
      entityId: ids.length === 1 ? ids[0] : null,
      after: { source, count: items.length, kpiIds: ids.slice(0, 50), from, to, via: writer.via ?? null },
    });
    return { stored: items.length, alerts: changes.filter((c) => c.decision !== "none") };
  });
}

/** The KPI's own periods up to the one containing `until`, each with its figure (pro rata while running). */
export async function kpiSeries(db: Executor, kpi: KpiDto, opts: { until: Day; today: Day; periods?: number }) {
  const windows = trailingPeriods(opts.until, kpi.period, opts.periods ?? 12);
  const buckets = await windowAggregates(db, {
    kpiIds: [kpi.id],
    lastKpiIds: kpi.aggregation === "last" ? [kpi.id] : [],
    buckets: windows,
  });
  const byStart = new Map(buckets.map((b) => [b.start, b]));
  const defn = { ...kpi };
  return windows.map((w) => {
    const b = byStart.get(w.start);
    return { ...w, count: b?.count ?? 0, ...figure(defn, valueOf(b, kpi.aggregation), w, opts.today) };
  });
}

/**
 * The figure of the KPI period containing `until` for many (KPI, until) pairs, as kpiSeries with
 * one period would give it (null where the period has no value): one windowAggregates call per
 * distinct (period kind, until), all KPIs of a group at once, the groups side by side. `db` must be
 * a pool, not a transaction. Keyed by `${kpiId}:${until}`.
 */
export async function latestFigures(
  db: Executor,
  kpiList: readonly KpiDto[],
  pairs: readonly { kpiId: number; until: Day }[],
): Promise<Map<string, number | null>> {
  const byId = new Map(kpiList.map((k) => [k.id, k]));
  const groups = new Map<string, { window: DayRange; kpis: KpiDto[] }>();
  for (const p of pairs) {
    const kpi = byId.get(p.kpiId);
    if (!kpi) continue;
    const key = `${kpi.period}:${p.until}`;
    let g = groups.get(key);
    if (!g) {
      g = { window: trailingPeriods(p.until, kpi.period, 1)[0], kpis: [] };
      groups.set(key, g);
    }
    if (!g.kpis.includes(kpi)) g.kpis.push(kpi);
  }
  const out = new Map<string, number | null>();
  await Promise.all(
    [...groups.entries()].map(async ([key, g]) => {
      const until = key.slice(key.indexOf(":") + 1);
      const buckets = await windowAggregates(db, {
        kpiIds: g.kpis.map((k) => k.id),
        lastKpiIds: g.kpis.filter((k) => k.aggregation === "last").map((k) => k.id),
        buckets: [g.window],
      });
      const byKpi = new Map(buckets.map((b) => [b.kpiId, b]));
      for (const kpi of g.kpis) {
        const b = byKpi.get(kpi.id);
        out.set(`${kpi.id}:${until}`, b && b.count > 0 ? valueOf(b, kpi.aggregation) : null);
      }
    }),
  );
  for (const p of pairs) if (!out.has(`${p.kpiId}:${p.until}`)) out.set(`${p.kpiId}:${p.until}`, null);
  return out;
}

/**
 * A KPI's measurements, newest day first (measured_on desc, id desc), paged by cursor over the
 * (kpi_id, measured_on, id) index; the count stops at 10,000.
 */
export async function listMeasurements(
  db: Executor,
  kpiId: number,
  opts: { after?: string; before?: string; pageSize?: number; countCap?: number } = {},
) {
  const pageSize = Math.min(Math.max(opts.pageSize ?? 20, 1), 200);
  const req = pageRequest(opts);
  const where = eq(measurements.kpiId, kpiId);
  const fetchPage = (r: PageRequest | null) =>
    db
      .select({
        id: measurements.id,
        measuredOn: measurements.measuredOn,
        value: measurements.value,
        source: measurements.source,
        recordedByName: users.name,
        createdAt: measurements.createdAt,
      })
      .from(measurements)
      .leftJoin(users, eq(users.id, measurements.recordedBy))
      .where(and(where, keysetCondition(measurements.measuredOn, measurements.id, r, "date")))
      .orderBy(...keysetOrder(measurements.measuredOn, measurements.id, r))
      .limit(pageSize + 1);
  return keysetPage(db, {
    req,
    pageSize,
    fetch: fetchPage,
    keyOf: (r) => [r.measuredOn, r.id],
    count: { table: measurements, where, cap: opts.countCap ?? COUNT_CAP },
  });
}
