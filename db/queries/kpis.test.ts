import { and, count, eq, isNotNull, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { alerts, auditLog, businessProcesses, departments, kpis, measurements, users } from "../schema";
import { seedDemo } from "../seed";
import { DEMO_DERIVED_KPIS, DEMO_KPIS } from "../seed/kpis";
import { acknowledgeAlert, countOpenAlerts, listAlerts } from "./alerts";
import { createKpi, getKpi, type KpiInput, listKpis, updateKpi } from "./kpis";
import { kpiSeries, recordMeasurements } from "./measurements";
import { getOverview } from "./overview";
import { AppError } from "@/lib/errors";
import { addDays, periodStart, todayIn } from "@/lib/kpis/periods";

const today = todayIn();
const all = { all: true } as const;

async function expectAppError(p: Promise<unknown>, code: string, fields?: Record<string, string[]>) {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  if (fields) expect((err as AppError).fieldErrors).toEqual(fields);
}

for (const backend of availableBackends()) {
  describe(`KPI queries on ${backend}`, () => {
    let t: TestDb;
    let managerId: number;
    let serviceDept: number;
    let salesDept: number;
    let serviceProcess: number;
    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedDemo(t.db);
      [{ id: managerId }] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "manager@example.com"));
      [{ id: serviceDept }] = await t.db.select({ id: departments.id }).from(departments).where(eq(departments.slug, "kundenservice"));
      [{ id: salesDept }] = await t.db.select({ id: departments.id }).from(departments).where(eq(departments.slug, "vertrieb"));
      [{ id: serviceProcess }] = await t.db
        .select({ id: businessProcesses.id })
        .from(businessProcesses)
        .where(and(eq(businessProcesses.departmentId, serviceDept), eq(businessProcesses.name, "Kundenservice")));
    });
    afterAll(async () => {
      await t?.dispose();
    });

    const kpiInput = (over: Partial<KpiInput> = {}): KpiInput => ({
      businessProcessId: serviceProcess,
      name: `Antwortquote ${Math.random().toString(36).slice(2, 8)}`,
      description: null,
      unit: "percent",
      direction: "higher_is_better",
      period: "month",
      aggregation: "last",
      channelId: null,
      target: 90,
      warningThreshold: 80,
      criticalThreshold: 70,
      ...over,
    });

    it("seeds the KPIs with a year of values and opens alerts through the evaluation, idempotently", async () => {
      const { total } = await listKpis(t.db, { pageSize: 200 });
      expect(total).toBe(DEMO_KPIS.length + DEMO_DERIVED_KPIS.length);
      const open = await listAlerts(t.db, { scope: all, status: "unresolved" });
      const offTarget = DEMO_KPIS.filter((k) => k.ending === "warning" || k.ending === "critical").map((k) => k.name).sort();
      const entered = open.rows.filter((a) => DEMO_KPIS.some((k) => k.name === a.kpiName));
      expect(entered.map((a) => a.kpiName).sort()).toEqual(offTarget);
      // The derived ones get their values from the seeded insights, through the job's write path.
      const derived = await t.db
        .select({ name: kpis.name, source: measurements.source })
        .from(measurements)
        .innerJoin(kpis, eq(kpis.id, measurements.kpiId))
        .where(isNotNull(kpis.derived));
      expect(new Set(derived.map((m) => m.name))).toEqual(new Set(DEMO_DERIVED_KPIS.map((k) => k.name)));
      expect(derived.every((m) => m.source === "derived")).toBe(true);
      expect(open.rows.find((a) => a.kpiName === "Zeit bis zur ersten Antwort")?.severity).toBe("critical");
      const [{ n }] = await t.db.select({ n: count() }).from(measurements);
      await seedDemo(t.db);
      expect((await t.db.select({ n: count() }).from(measurements))[0].n).toBe(n);
      expect((await listKpis(t.db, { pageSize: 200 })).total).toBe(DEMO_KPIS.length + DEMO_DERIVED_KPIS.length);
    });

    it("rejects thresholds out of order and duplicate names with field errors", async () => {
      await expectAppError(createKpi(t.db, managerId, kpiInput({ warningThreshold: 95 })), "validation_failed", {
        warningThreshold: ["kpis.errors.warningBelowTarget"],
      });
      await expectAppError(
        createKpi(t.db, managerId, kpiInput({ direction: "lower_is_better", target: 4, warningThreshold: 8, criticalThreshold: 6 })),
        "validation_failed",
        { criticalThreshold: ["kpis.errors.criticalAboveWarning"] },
      );
      await expectAppError(createKpi(t.db, managerId, kpiInput({ name: "zeit bis zur ersten antwort" })), "conflict", {
        name: ["kpis.errors.nameTaken"],
      });
      const created = await createKpi(t.db, managerId, kpiInput());
      await updateKpi(t.db, managerId, created.id, kpiInput({ name: created.name, target: 92 }));
      expect((await getKpi(t.db, created.id))?.target).toBe(92);
      const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "kpi"), eq(auditLog.entityId, String(created.id))));
      expect(audits.map((a) => a.action).sort()).toEqual(["kpi.create", "kpi.update"]);
    });

    it("opens one alert, escalates it, keeps it single, and resolves it when back in range", async () => {
      const kpi = await createKpi(t.db, managerId, kpiInput());
      const write = (value: number, day = today) =>
        recordMeasurements(t.db, { userId: managerId, scope: all }, [{ kpiId: kpi.id, measuredOn: day, value }], "manual", today);
      const unresolved = () => listAlerts(t.db, { scope: all, status: "unresolved", kpiId: kpi.id });

      expect((await write(85)).alerts).toEqual([]);
      expect((await write(75)).alerts).toEqual([{ kpiId: kpi.id, decision: "open", severity: "warning" }]);
      expect((await write(78)).alerts[0].decision).toBe("update");
      expect((await write(60)).alerts[0].decision).toBe("escalate");
      let open = await unresolved();
      expect(open.total).toBe(1);
      expect(open.rows[0]).toMatchObject({ severity: "critical", status: "open", value: 60 });

      const head = { userId: managerId, scope: { all: false, departmentId: serviceDept } as const };
      await acknowledgeAlert(t.db, head, { id: open.rows[0].id, comment: "Kollegin ist informiert" });
      await expectAppError(acknowledgeAlert(t.db, head, { id: open.rows[0].id, comment: "nochmal" }), "conflict");
      await expectAppError(
        acknowledgeAlert(t.db, { userId: managerId, scope: { all: false, departmentId: salesDept } }, { id: open.rows[0].id, comment: "x" }),
        "forbidden",
      );
      expect((await write(65)).alerts[0].decision).toBe("update");
      open = await unresolved();
      expect(open.rows[0]).toMatchObject({ status: "acknowledged", acknowledgeComment: "Kollegin ist informiert" });

      // A late value for an earlier period changes nothing about today's alert.
      const lastMonth = addDays(periodStart(today, "month"), -1);
      expect((await write(99, lastMonth)).alerts).toEqual([]);
      expect((await write(91)).alerts[0].decision).toBe("resolve");
      expect((await unresolved()).total).toBe(0);
      const history = await listAlerts(t.db, { scope: all, kpiId: kpi.id });
      expect(history.rows.map((a) => a.status)).toEqual(["resolved"]);
    });

    it("stores nothing when a department head writes for another department, or a date lies ahead", async () => {
      const kpi = await createKpi(t.db, managerId, kpiInput());
      const item = { kpiId: kpi.id, measuredOn: today, value: 1 };
      await expectAppError(
        recordMeasurements(t.db, { userId: managerId, scope: { all: false, departmentId: salesDept } }, [item], "manual", today),
        "forbidden",
      );
      await expectAppError(
        recordMeasurements(t.db, { userId: null, scope: all }, [item, { ...item, measuredOn: addDays(today, 1) }], "api", today),
        "validation_failed",
        { "items.1.measuredOn": ["kpis.errors.futureDate"] },
      );
      await expectAppError(recordMeasurements(t.db, { userId: null, scope: all }, [{ ...item, kpiId: 999_999 }], "api", today), "not_found");
      const [{ n }] = await t.db.select({ n: count() }).from(measurements).where(eq(measurements.kpiId, kpi.id));
      expect(n).toBe(0);
    });

    it("imports 100,000 values in one transaction and evaluates each KPI once", async () => {
      const a = await createKpi(t.db, managerId, kpiInput({ unit: "count", aggregation: "sum", target: 1000, warningThreshold: 800, criticalThreshold: 500 }));
      const b = await createKpi(t.db, managerId, kpiInput({ aggregation: "avg" }));
      const items = Array.from({ length: 100_000 }, (_, i) => ({
        kpiId: i % 2 ? a.id : b.id,
        measuredOn: addDays(today, -(i % 700)),
        value: i % 2 ? 0.01 : 50,
      }));
      // How fast is measured by `npm run bench:*`, not asserted here: machines are shared and noisy.
      const result = await recordMeasurements(t.db, { userId: managerId, scope: all }, items, "csv", today);
      expect(result.stored).toBe(100_000);
      // Averages of 50 against a target of 90 are critical; so is a sum of tiny values against 1000 a month.
      expect(result.alerts.map((c) => [c.kpiId, c.decision, c.severity]).sort()).toEqual(
        [
          [a.id, "open", "critical"],
          [b.id, "open", "critical"],
        ].sort(),
      );
      const openForKpis = await t.db
        .select({ n: count() })
        .from(alerts)
        .where(and(ne(alerts.status, "resolved"), eq(alerts.kpiId, a.id)));
      expect(openForKpis[0].n).toBe(1);
    });

    it("agrees with its alerts in every window: each KPI with an open alert carries it, and the counts add up", async () => {
      const open = await listAlerts(t.db, { scope: all, status: "unresolved", kind: "threshold", pageSize: 200 });
      expect(open.total).toBeGreaterThan(0);
      for (const kind of ["week", "month", "quarter", "year"] as const) {
        const o = await getOverview(t.db, { kind, anchor: today, today, scope: all });
        const rows = o.departments.flatMap((d) => d.processes.flatMap((p) => p.kpis));
        const c = o.counts;
        expect(c.onTarget + c.withinTolerance + c.atRisk + c.offTarget + c.noData, kind).toBe(rows.length);
        for (const a of open.rows) {
          const row = rows.find((k) => k.id === a.kpiId)!;
          expect(row.alert?.severity, `${kind} ${a.kpiName}`).toBe(a.severity);
          expect(row.overall === a.severity || row.overall === "critical", `${kind} ${a.kpiName}`).toBe(true);
        }
        expect(c.offTarget).toBeGreaterThanOrEqual(open.rows.filter((a) => a.severity === "critical").length);
        for (const d of o.departments) {
          const dc = d.counts;
          expect(dc.onTarget + dc.withinTolerance + dc.atRisk + dc.offTarget + dc.noData).toBe(d.processes.flatMap((p) => p.kpis).length);
        }
      }
    });

    it("tells the seeded story whatever the day: the off-target KPIs are off target in their latest period, since before it", async () => {
      const open = await listAlerts(t.db, { scope: all, status: "unresolved", kind: "threshold", pageSize: 200 });
      const seeded = open.rows.filter((a) => DEMO_KPIS.some((d) => d.name === a.kpiName));
      expect(seeded).toHaveLength(DEMO_KPIS.filter((k) => k.ending === "warning" || k.ending === "critical").length);
      for (const a of seeded) {
        const k = DEMO_KPIS.find((d) => d.name === a.kpiName)!;
        expect(a.severity, a.kpiName!).toBe(k.ending);
        // "Since" comes from the data: the run began at least one period before the current one.
        expect(a.since! < periodStart(today, k.period), a.kpiName!).toBe(true);
        expect(a.periodStart).toBe(periodStart(today, k.period));
      }
      const month = await getOverview(t.db, { kind: "month", anchor: today, today, scope: all });
      const satisfaction = month.departments.flatMap((d) => d.processes.flatMap((p) => p.kpis)).find((k) => k.name === "Zufriedenheit nach Social-Media-Kontakt")!;
      expect(satisfaction.current.status).toBe("within_tolerance");
      expect(satisfaction.alert).toBeNull();
    });

    it("dates an alert from the data: imported history is 'since' the first week that crossed the threshold", async () => {
      const kpi = await createKpi(t.db, managerId, kpiInput({ unit: "hours", direction: "lower_is_better", period: "week", aggregation: "avg", target: 4, warningThreshold: 8, criticalThreshold: 12 }));
      const thisWeek = periodStart(today, "week");
      const weekStart = (n: number) => addDays(thisWeek, -7 * n);
      // Six weeks: two fine, one only short of target, then three past the warning or critical threshold.
      const values = [3, 3.5, 6, 9, 13, 14];
      const items = values.map((value, i) => ({ kpiId: kpi.id, measuredOn: weekStart(values.length - 1 - i), value }));
      const result = await recordMeasurements(t.db, { userId: managerId, scope: all }, items, "csv", today);
      expect(result.alerts).toEqual([{ kpiId: kpi.id, decision: "open", severity: "critical" }]);
      const [a] = (await listAlerts(t.db, { scope: all, status: "unresolved", kpiId: kpi.id })).rows;
      expect(a.since).toBe(weekStart(2));
      expect(a.periodStart).toBe(thisWeek);
      // A new value for this week keeps the run and its start.
      await recordMeasurements(t.db, { userId: managerId, scope: all }, [{ kpiId: kpi.id, measuredOn: today, value: 14 }], "manual", today);
      expect((await listAlerts(t.db, { scope: all, status: "unresolved", kpiId: kpi.id })).rows[0].since).toBe(weekStart(2));
    });

    it("builds the period series of a KPI with pro-rata targets for the running period", async () => {
      const kpi = await createKpi(t.db, managerId, kpiInput({ unit: "count", aggregation: "sum", period: "month", target: 310, warningThreshold: 200, criticalThreshold: 100 }));
      await recordMeasurements(t.db, { userId: managerId, scope: all }, [{ kpiId: kpi.id, measuredOn: today, value: 7 }], "manual", today);
      const series = await kpiSeries(t.db, (await getKpi(t.db, kpi.id))!, { until: today, today });
      expect(series).toHaveLength(12);
      const last = series.at(-1)!;
      expect(last.start).toBe(periodStart(today, "month"));
      expect(last.value).toBe(7);
      expect(last.target).toBeLessThanOrEqual(310);
      expect(series[0].value).toBeNull();
    });

    it("gives executives every department and heads only their own, with RAG counts and open alerts", async () => {
      const everything = await getOverview(t.db, { kind: "quarter", anchor: today, today, scope: all });
      expect(everything.departments.length).toBe(8);
      expect(everything.alerts.open).toBeGreaterThan(0);
      const month = await getOverview(t.db, { kind: "month", anchor: today, today, scope: all });
      const responseTime = month.departments.flatMap((d) => d.processes.flatMap((p) => p.kpis)).find((k) => k.name === "Zeit bis zur ersten Antwort")!;
      expect(responseTime.alert?.severity).toBe("critical");
      expect(responseTime.overall).toBe("critical");
      expect(responseTime.sparkline.length).toBeGreaterThan(4);

      const service = await getOverview(t.db, { kind: "year", anchor: today, today, scope: { all: false, departmentId: serviceDept } });
      expect(service.departments.map((d) => d.name)).toEqual(["Kundenservice"]);
      expect(service.alerts.latest.every((a) => a.departmentId === serviceDept)).toBe(true);
      expect(await countOpenAlerts(t.db, { all: false, departmentId: salesDept })).toBe(0);
    });
  });
}
