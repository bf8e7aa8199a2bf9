import { and, count, eq, gt, lt, or } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { businessProcesses, departments, kpis, measurements } from "../schema";
import { seedDemo } from "../seed";
import { createApiToken, type TokenPrincipal } from "./api-tokens";
import { createKpi, type KpiInput, updateKpi } from "./kpis";
import { recordMeasurements } from "./measurements";
import { postMeasurements } from "@/app/api/v1/kpis/[id]/measurements/post";
import { AppError } from "@/lib/errors";
import { todayIn } from "@/lib/kpis/periods";
import { checkValue } from "@/lib/kpis/units";

// A fixed moment: nothing here depends on the day the tests run.
const now = new Date("2026-06-15T10:00:00Z");
const today = todayIn(now);
const yesterday = "2026-06-14";
const writer = { userId: null, scope: { all: true } } as const;

async function appError(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

for (const backend of availableBackends()) {
  describe(`KPI values within their unit on ${backend}`, () => {
    let t: TestDb;
    let processId: number;
    let token: TokenPrincipal;
    let share: number;
    let counter: number;
    let growth: number;
    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedDemo(t.db, now);
      [{ id: processId }] = await t.db
        .select({ id: businessProcesses.id })
        .from(businessProcesses)
        .innerJoin(departments, eq(departments.id, businessProcesses.departmentId))
        .where(and(eq(departments.slug, "kundenservice"), eq(businessProcesses.name, "Kundenservice")));
      const kpi = (over: Partial<KpiInput>): KpiInput => ({
        businessProcessId: processId,
        name: "x",
        description: null,
        unit: "count",
        direction: "higher_is_better",
        period: "month",
        aggregation: "sum",
        channelId: null,
        target: 90,
        warningThreshold: 80,
        criticalThreshold: 70,
        ...over,
      });
      share = (await createKpi(t.db, null, kpi({ name: "Anteil in SLA (Test)", unit: "percent", aggregation: "avg" }))).id;
      counter = (await createKpi(t.db, null, kpi({ name: "Anfragen (Test)", unit: "count" }))).id;
      growth = (await createKpi(t.db, null, kpi({ name: "Wachstum (Test)", unit: "percent_unbounded", aggregation: "last", target: 120, warningThreshold: 100, criticalThreshold: -10 }))).id;
      const created = await createApiToken(t.db, null, { name: "Monitoring", scopes: ["measurements:write"] });
      token = { id: created.id, name: created.name, scopes: created.scopes };
    });
    afterAll(async () => {
      await t?.dispose();
    });

    const stored = async (kpiId: number) => (await t.db.select({ n: count() }).from(measurements).where(eq(measurements.kpiId, kpiId)))[0].n;
    const post = (kpiId: number, body: unknown) =>
      postMeasurements(
        new Request(`http://localhost/api/v1/kpis/${kpiId}/measurements`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
        { db: t.db, token, params: { id: String(kpiId) } },
        now,
      );

    it("seeds no value outside its KPI's unit, no share outside 0–100", async () => {
      const [{ n }] = await t.db
        .select({ n: count() })
        .from(measurements)
        .innerJoin(kpis, eq(kpis.id, measurements.kpiId))
        .where(and(eq(kpis.unit, "percent"), or(lt(measurements.value, 0), gt(measurements.value, 100))));
      expect(n).toBe(0);
      const all = await t.db.select({ unit: kpis.unit, value: measurements.value }).from(measurements).innerJoin(kpis, eq(kpis.id, measurements.kpiId));
      expect(all.length).toBeGreaterThan(1000);
      expect(all.filter((m) => checkValue(m.unit, m.value) !== null)).toEqual([]);
      const defs = await t.db.select().from(kpis);
      for (const k of defs) {
        for (const v of [k.target, k.warningThreshold, k.criticalThreshold]) expect(checkValue(k.unit, v), `${k.name}: ${v}`).toBeNull();
      }
    });

    it("recordMeasurements refuses a share of 100.5 and a count of -1 with the field error, and stores nothing", async () => {
      const before = [await stored(share), await stored(counter)];
      const e1 = await appError(
        recordMeasurements(t.db, writer, [{ kpiId: share, measuredOn: yesterday, value: 100 }, { kpiId: share, measuredOn: today, value: 100.5 }], "manual", today),
      );
      expect(e1.code).toBe("validation_failed");
      expect(e1.fieldErrors).toEqual({ "items.1.value": ["kpis.errors.shareRange"] });
      const e2 = await appError(
        recordMeasurements(t.db, writer, [{ kpiId: counter, measuredOn: today, value: 3 }, { kpiId: counter, measuredOn: today, value: -1 }], "csv", today),
      );
      expect(e2.fieldErrors).toEqual({ "items.1.value": ["kpis.errors.negative"] });
      const e3 = await appError(recordMeasurements(t.db, writer, [{ kpiId: growth, measuredOn: today, value: 1e308 }], "api", today));
      expect(e3.fieldErrors).toEqual({ "items.0.value": ["kpis.errors.tooLarge"] });
      expect([await stored(share), await stored(counter)]).toEqual(before);
      expect(await stored(growth)).toBe(0);
    });

    it("recordMeasurements accepts 140 for a percentage that may exceed 100, and 0 and 100 for a share", async () => {
      await recordMeasurements(t.db, writer, [{ kpiId: growth, measuredOn: today, value: 140 }], "manual", today);
      await recordMeasurements(t.db, writer, [{ kpiId: share, measuredOn: yesterday, value: 0 }, { kpiId: share, measuredOn: today, value: 100 }], "manual", today);
      expect(await stored(growth)).toBe(1);
      expect(await stored(share)).toBe(2);
    });

    it("the API refuses a share of 100.5 and a count of -1 with 422 and items.N.value, and stores nothing", async () => {
      const before = [await stored(share), await stored(counter)];
      const r1 = await post(share, { items: [{ date: yesterday, value: 50 }, { date: today, value: 100.5 }] });
      expect(r1.status).toBe(422);
      expect(await r1.json()).toEqual({
        error: { code: "validation_failed", message: expect.any(String), fields: { "items.1.value": ["A share lies between 0 and 100 %."] } },
      });
      const r2 = await post(counter, { items: [{ date: today, value: -1 }] });
      expect(r2.status).toBe(422);
      expect((await r2.json()).error.fields).toEqual({ "items.0.value": ["The value must not be negative."] });
      expect([await stored(share), await stored(counter)]).toEqual(before);
    });

    it("the API accepts 140 for a percentage that may exceed 100", async () => {
      const r = await post(growth, { items: [{ date: yesterday, value: 140 }] });
      expect(r.status).toBe(201);
      expect((await r.json()).data).toMatchObject({ kpiId: growth, stored: 1 });
    });

    it("the API refuses 1e308 for every unit", async () => {
      for (const kpiId of [share, counter, growth]) {
        const before = await stored(kpiId);
        const r = await post(kpiId, { items: [{ date: today, value: 1e308 }] });
        expect(r.status).toBe(422);
        expect((await r.json()).error.fields).toEqual({ "items.0.value": ["The amount may be at most 1,000,000,000,000."] });
        expect(await stored(kpiId)).toBe(before);
      }
    });

    it("keeps target and thresholds of a share within 0–100 on create and update", async () => {
      const base: KpiInput = {
        businessProcessId: processId,
        name: "Antwortquote (Test)",
        description: null,
        unit: "percent",
        direction: "higher_is_better",
        period: "month",
        aggregation: "avg",
        channelId: null,
        target: 120,
        warningThreshold: 95,
        criticalThreshold: 90,
      };
      const e1 = await appError(createKpi(t.db, null, base));
      expect([e1.code, e1.fieldErrors]).toEqual(["validation_failed", { target: ["kpis.errors.shareRange"] }]);
      const e2 = await appError(updateKpi(t.db, null, share, { ...base, name: "Anteil in SLA (Test)", target: 90, warningThreshold: 80, criticalThreshold: -1 }));
      expect(e2.fieldErrors).toEqual({ criticalThreshold: ["kpis.errors.shareRange"] });
      const e3 = await appError(createKpi(t.db, null, { ...base, unit: "eur", target: 1e308 }));
      expect(e3.fieldErrors).toEqual({ target: ["kpis.errors.tooLarge"] });
      expect((await createKpi(t.db, null, { ...base, unit: "percent_unbounded" })).target).toBe(120);
    });
  });
}
