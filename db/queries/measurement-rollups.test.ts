import { and, asc, eq, inArray, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { businessProcesses, departments, measurementMonths, measurements, measurementWeekParts } from "../schema";
import { seedDemo } from "../seed";
import { createKpi, type KpiInput } from "./kpis";
import { recordMeasurements, windowAggregates } from "./measurements";
import { overviewLayout } from "@/lib/kpis/overview";
import { addDays, type Day, type DayRange, daysBetween, periodStart, shiftPeriod, todayIn, type WindowKind } from "@/lib/kpis/periods";

const now = new Date("2026-06-15T10:00:00Z");
const today = todayIn(now);
// Values land between FIRST (a Monday) and today: across week and month ends, the turn of the year
// (whose ISO week straddles it), a leap-free February and both changes of daylight saving time.
const FIRST = "2025-10-20";
const SPAN = daysBetween(FIRST, today);
const writer = { userId: null, scope: { all: true } } as const;

type Action =
  | { kind: "record"; items: { kpi: number; day: number; value: number }[] }
  | { kind: "setValue"; pick: number; value: number }
  | { kind: "move"; pick: number; day: number }
  | { kind: "shiftRange"; kpi: number; day: number; days: number; by: number }
  | { kind: "delete"; pick: number }
  | { kind: "deleteRange"; kpi: number; day: number; days: number };

// Often the days around the ends of weeks, months and the year and the DST changes (26 October
// 2025, 29 March 2026, Sundays), so days repeat and last values tie on the day.
const EDGE_DAYS = [
  "2025-10-26", "2025-10-27", "2025-10-31", "2025-11-01", "2025-11-30", "2025-12-01", "2025-12-28", "2025-12-29",
  "2025-12-31", "2026-01-01", "2026-01-04", "2026-01-05", "2026-02-28", "2026-03-01", "2026-03-02", "2026-03-29",
  "2026-03-30", "2026-03-31", "2026-04-01", "2026-05-31", "2026-06-01",
].map((d) => daysBetween(FIRST, d));
const day = fc.oneof(fc.nat(SPAN), fc.constantFrom(...EDGE_DAYS));
const value = fc.integer({ min: -200, max: 600 }).map((n) => n / 4);
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("record" as const),
      items: fc.array(fc.record({ kpi: fc.nat(2), day, value }), { minLength: 1, maxLength: 12 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("setValue" as const), pick: fc.nat(), value }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("move" as const), pick: fc.nat(), day }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("shiftRange" as const), kpi: fc.nat(2), day: fc.nat(SPAN), days: fc.integer({ min: 1, max: 60 }), by: fc.integer({ min: -3, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deleteRange" as const), kpi: fc.nat(2), day: fc.nat(SPAN), days: fc.integer({ min: 1, max: 45 }) }) },
);

/** Contiguous buckets: free day lengths, whole months from a 1st, whole ISO weeks from a Monday, or the overview's own. */
const bucketsArb: fc.Arbitrary<DayRange[]> = fc.oneof(
  fc.record({ start: fc.integer({ min: -20, max: SPAN + 5 }), lengths: fc.array(fc.integer({ min: 1, max: 75 }), { minLength: 1, maxLength: 6 }) }).map(({ start, lengths }) => {
    const out: DayRange[] = [];
    let s = addDays(FIRST, start);
    for (const n of lengths) {
      out.push({ start: s, end: addDays(s, n) });
      s = addDays(s, n);
    }
    return out;
  }),
  fc.record({ month: fc.integer({ min: -1, max: 8 }), lengths: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }) }).map(({ month, lengths }) =>
    chain(shiftPeriod("2025-10-01", "month", month), "month", lengths),
  ),
  fc.record({ week: fc.integer({ min: -2, max: 35 }), lengths: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 5 }) }).map(({ week, lengths }) =>
    chain(shiftPeriod(FIRST, "week", week), "week", lengths),
  ),
  fc.record({ anchor: fc.integer({ min: -10, max: SPAN + 10 }), kind: fc.constantFrom<WindowKind>("week", "month", "quarter", "year") }).map(
    ({ anchor, kind }) => overviewLayout(addDays(FIRST, anchor), kind).buckets,
  ),
);

/** Buckets of `lengths` whole periods each, one after the other from `start`. */
function chain(start: Day, kind: "week" | "month", lengths: number[]): DayRange[] {
  const out: DayRange[] = [];
  let s = start;
  for (const n of lengths) {
    const e = shiftPeriod(s, kind, n);
    out.push({ start: s, end: e });
    s = e;
  }
  return out;
}

/** A day's week part: from the later of its week's Monday and its month's 1st (migration 0017). */
function partOf(day: Day): Day {
  const monday = periodStart(day, "week");
  const first = periodStart(day, "month");
  return monday > first ? monday : first;
}

for (const backend of availableBackends()) {
  describe(`measurement rollups (months, week parts) on ${backend}`, () => {
    let t: TestDb;
    let kpiIds: number[];

    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedDemo(t.db, now);
      const [{ id: processId }] = await t.db
        .select({ id: businessProcesses.id })
        .from(businessProcesses)
        .innerJoin(departments, eq(departments.id, businessProcesses.departmentId))
        .where(and(eq(departments.slug, "kundenservice"), eq(businessProcesses.name, "Kundenservice")));
      const kpi = (name: string, aggregation: KpiInput["aggregation"]): KpiInput => ({
        businessProcessId: processId,
        name,
        description: null,
        unit: "percent_unbounded",
        direction: "higher_is_better",
        period: "month",
        aggregation,
        channelId: null,
        target: 90,
        warningThreshold: 80,
        criticalThreshold: 70,
      });
      kpiIds = [];
      for (const [name, aggregation] of [["Summe (Test)", "sum"], ["Mittel (Test)", "avg"], ["Letzter (Test)", "last"]] as const) {
        kpiIds.push((await createKpi(t.db, null, kpi(name, aggregation))).id);
      }
    });
    afterAll(async () => {
      await t?.dispose();
    });

    const ownRows = () =>
      t.db
        .select({ id: measurements.id, kpiId: measurements.kpiId, measuredOn: measurements.measuredOn, value: measurements.value })
        .from(measurements)
        .where(inArray(measurements.kpiId, kpiIds))
        .orderBy(asc(measurements.id));

    async function apply(a: Action) {
      const rows = await ownRows();
      const pick = (n: number) => (rows.length ? rows[n % rows.length] : null);
      switch (a.kind) {
        case "record":
          await recordMeasurements(t.db, writer, a.items.map((i) => ({ kpiId: kpiIds[i.kpi], measuredOn: addDays(FIRST, i.day), value: i.value })), "manual", today);
          return;
        case "setValue": {
          const r = pick(a.pick);
          if (r) await t.db.update(measurements).set({ value: a.value }).where(eq(measurements.id, r.id));
          return;
        }
        case "move": {
          const r = pick(a.pick);
          if (r) await t.db.update(measurements).set({ measuredOn: addDays(FIRST, a.day) }).where(eq(measurements.id, r.id));
          return;
        }
        case "shiftRange":
          // Moves a run of days by a few, across month ends, and changes their values in one statement.
          await t.db.execute(sql`
            update measurements set measured_on = measured_on + ${a.by}::integer, value = value + 1
            where kpi_id = ${kpiIds[a.kpi]} and measured_on >= ${addDays(FIRST, a.day)}::date and measured_on < ${addDays(FIRST, a.day + a.days)}::date`);
          return;
        case "delete": {
          const r = pick(a.pick);
          if (r) await t.db.delete(measurements).where(eq(measurements.id, r.id));
          return;
        }
        case "deleteRange":
          await t.db.execute(sql`
            delete from measurements
            where kpi_id = ${kpiIds[a.kpi]} and measured_on >= ${addDays(FIRST, a.day)}::date and measured_on < ${addDays(FIRST, a.day + a.days)}::date`);
          return;
      }
    }

    /** Both rollup tables, row for row, against a recount of the measurements. */
    async function expectRollupsRecounted() {
      const rows = await ownRows();
      const recount = (keyOf: (d: Day) => Day) => {
        const by = new Map<string, { kpiId: number; start: Day; sum: number; count: number; lastOn: Day; lastId: number; lastValue: number }>();
        for (const r of rows) {
          const k = `${r.kpiId}:${keyOf(r.measuredOn)}`;
          const g = by.get(k);
          if (!g) {
            by.set(k, { kpiId: r.kpiId, start: keyOf(r.measuredOn), sum: r.value, count: 1, lastOn: r.measuredOn, lastId: r.id, lastValue: r.value });
            continue;
          }
          g.sum += r.value;
          g.count++;
          if (r.measuredOn > g.lastOn || (r.measuredOn === g.lastOn && r.id > g.lastId)) Object.assign(g, { lastOn: r.measuredOn, lastId: r.id, lastValue: r.value });
        }
        return [...by.values()].sort((a, b) => a.kpiId - b.kpiId || a.start.localeCompare(b.start));
      };
      const stored = [
        await t.db
          .select({ kpiId: measurementMonths.kpiId, start: measurementMonths.month, sum: measurementMonths.sum, count: measurementMonths.count, lastOn: measurementMonths.lastOn, lastId: measurementMonths.lastId, lastValue: measurementMonths.lastValue })
          .from(measurementMonths)
          .where(inArray(measurementMonths.kpiId, kpiIds))
          .orderBy(asc(measurementMonths.kpiId), asc(measurementMonths.month)),
        await t.db
          .select({ kpiId: measurementWeekParts.kpiId, start: measurementWeekParts.startsOn, sum: measurementWeekParts.sum, count: measurementWeekParts.count, lastOn: measurementWeekParts.lastOn, lastId: measurementWeekParts.lastId, lastValue: measurementWeekParts.lastValue })
          .from(measurementWeekParts)
          .where(inArray(measurementWeekParts.kpiId, kpiIds))
          .orderBy(asc(measurementWeekParts.kpiId), asc(measurementWeekParts.startsOn)),
      ];
      const expected = [recount((d) => periodStart(d, "month")), recount(partOf)];
      for (const [i, got] of stored.entries()) {
        const want = expected[i];
        expect(got.map(({ sum: _, ...r }) => r)).toEqual(want.map(({ sum: _, ...r }) => r));
        got.forEach((g, j) => expect(Math.abs(g.sum - want[j].sum)).toBeLessThan(1e-6 * (1 + Math.abs(want[j].sum))));
      }
    }

    async function expectRecount(buckets: DayRange[], lastKpiIds: number[]) {
      const rows = await ownRows();
      const got = await windowAggregates(t.db, { kpiIds, lastKpiIds, buckets });
      const expected = [];
      for (const kpiId of kpiIds) {
        for (const b of buckets) {
          const inside = rows.filter((r) => r.kpiId === kpiId && r.measuredOn >= b.start && r.measuredOn < b.end);
          if (!inside.length) continue;
          const latest = inside.reduce((x, y) => (y.measuredOn > x.measuredOn || (y.measuredOn === x.measuredOn && y.id > x.id) ? y : x));
          expected.push({
            kpiId,
            start: b.start,
            sum: inside.reduce((s, r) => s + r.value, 0),
            count: inside.length,
            last: lastKpiIds.includes(kpiId) ? latest.value : null,
          });
        }
      }
      const key = (x: { kpiId: number; start: string }) => `${x.kpiId}:${x.start}`;
      const byKey = new Map(got.map((g) => [key(g), g]));
      expect(got.length).toBe(expected.length);
      for (const e of expected) {
        const g = byKey.get(key(e));
        expect(g, key(e)).toBeDefined();
        expect(g!.count, key(e)).toBe(e.count);
        expect(g!.last, key(e)).toBe(e.last);
        expect(Math.abs(g!.sum - e.sum), key(e)).toBeLessThan(1e-6 * (1 + Math.abs(e.sum)));
      }
    }

    it("keeps both rollups equal to a full recount after any writes, and windowAggregates equal to counting the days", { timeout: 300_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(action, { minLength: 1, maxLength: 12 }),
          fc.array(bucketsArb, { minLength: 1, maxLength: 3 }),
          fc.subarray([0, 1, 2]),
          async (actions, bucketSets, lastPicks) => {
            await t.db.delete(measurements).where(inArray(measurements.kpiId, kpiIds));
            for (const a of actions) await apply(a);
            await expectRollupsRecounted();
            for (const buckets of bucketSets) await expectRecount(buckets, lastPicks.map((i) => kpiIds[i]));
          },
        ),
      );
    });

    it("rebuilds to the rollups the triggers keep", async () => {
      const tables = [
        { rebuild: sql`select measurement_months_rebuild()`, snapshot: () => t.db.select().from(measurementMonths).orderBy(asc(measurementMonths.kpiId), asc(measurementMonths.month)) },
        { rebuild: sql`select measurement_week_parts_rebuild()`, snapshot: () => t.db.select().from(measurementWeekParts).orderBy(asc(measurementWeekParts.kpiId), asc(measurementWeekParts.startsOn)) },
      ];
      for (const table of tables) {
        const kept: { sum: number }[] = await table.snapshot();
        expect(kept.length).toBeGreaterThan(0);
        await t.db.execute(table.rebuild);
        const rebuilt: { sum: number }[] = await table.snapshot();
        // Sums may differ in the last bits: the triggers added them up in another order.
        const withoutSum = (rows: { sum: number }[]) => rows.map(({ sum: _, ...r }) => r);
        expect(withoutSum(rebuilt)).toEqual(withoutSum(kept));
        rebuilt.forEach((r, i) => expect(Math.abs(r.sum - kept[i].sum)).toBeLessThan(1e-9 * (1 + Math.abs(r.sum))));
      }
    });

    it("reads the month view's weeks from the week parts, not from the days", async () => {
      // A changed rollup row shows in the result: proof that the parts are read (and why they must be kept right).
      await t.db.delete(measurements).where(inArray(measurements.kpiId, kpiIds));
      const days = Array.from({ length: 70 }, (_, i) => addDays("2026-02-20", i));
      await recordMeasurements(t.db, writer, kpiIds.flatMap((kpiId) => days.map((d, i) => ({ kpiId, measuredOn: d, value: i }))), "manual", today);
      const layout = overviewLayout("2026-03-18", "month");
      const before = await windowAggregates(t.db, { kpiIds, lastKpiIds: [], buckets: layout.buckets });
      expect(before.length).toBeGreaterThan(0);
      await t.db.execute(sql`update measurement_week_parts set count = count + 1000 where starts_on = '2026-03-02'`);
      const after = await windowAggregates(t.db, { kpiIds, lastKpiIds: [], buckets: layout.buckets });
      const count = (rows: typeof before) => rows.filter((r) => r.start === "2026-03-02").sort((a, b) => a.kpiId - b.kpiId).map((r) => r.count);
      expect(count(after)).toEqual(count(before).map((c) => c + 1000));
      await t.db.execute(sql`select measurement_week_parts_rebuild()`);
      // In no particular order: rebuilt rows may come back in another.
      const sorted = (rows: typeof before) => [...rows].sort((a, b) => a.kpiId - b.kpiId || a.start.localeCompare(b.start));
      expect(sorted(await windowAggregates(t.db, { kpiIds, lastKpiIds: [], buckets: layout.buckets }))).toEqual(sorted(before));
    });

    it("are emptied with their measurements by TRUNCATE", async () => {
      await t.db.execute(sql`truncate measurements`);
      expect(await t.db.select().from(measurementMonths)).toEqual([]);
      expect(await t.db.select().from(measurementWeekParts)).toEqual([]);
    });
  });
}
