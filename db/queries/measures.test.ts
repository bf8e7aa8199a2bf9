import { and, eq, gte, lte, sum } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { auditLog, businessProcesses, departments, kpis, measureCostItems, measurements, users } from "../schema";
import { seedDemo } from "../seed";
import { addCostItem, createMeasure, deleteCostItem, deleteMeasure, getMeasure, listMeasures, type MeasureInput, measureFigures, portfolio, updateMeasure } from "./measures";
import { listKpis } from "./kpis";
import { kpiSeries, latestFigures } from "./measurements";
import { addDays } from "@/lib/kpis/periods";

const NOW = new Date("2026-05-04T10:00:00Z");
const TODAY = "2026-05-04";

for (const backend of availableBackends()) {
  describe(`measures on ${backend}`, () => {
    let t: TestDb;
    let manager: { id: number; scope: { all: true } };
    let hrHead: { id: number; scope: { all: false; departmentId: number } };
    let salesHead: { id: number; scope: { all: false; departmentId: number } };
    let recruiting: number;
    let applications: number;
    let costPerApplication: number;
    let otherKpi: number;
    let seeded: { all: number; hr: number; sales: number };

    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedDemo(t.db, NOW);
      const person = async (email: string) => (await t.db.select({ id: users.id, departmentId: users.departmentId }).from(users).where(eq(users.email, email)))[0];
      const m = await person("manager@example.com");
      manager = { id: m.id, scope: { all: true } };
      const hr = await person("head.hr@example.com");
      hrHead = { id: hr.id, scope: { all: false, departmentId: hr.departmentId! } };
      const sales = await person("head.sales@example.com");
      salesHead = { id: sales.id, scope: { all: false, departmentId: sales.departmentId! } };
      [{ id: recruiting }] = await t.db
        .select({ id: businessProcesses.id })
        .from(businessProcesses)
        .innerJoin(departments, eq(departments.id, businessProcesses.departmentId))
        .where(and(eq(businessProcesses.name, "Recruiting"), eq(departments.slug, "personal")));
      [{ id: applications }] = await t.db.select({ id: kpis.id }).from(kpis).where(eq(kpis.name, "Bewerbungen über soziale Kanäle"));
      [{ id: costPerApplication }] = await t.db.select({ id: kpis.id }).from(kpis).where(eq(kpis.name, "Kosten je Bewerbung über Social Media"));
      [{ id: otherKpi }] = await t.db.select({ id: kpis.id }).from(kpis).where(and(eq(kpis.unit, "count"))).orderBy(kpis.id).limit(1);
      // The demo company comes with a measure each in HR, service and sales.
      seeded = {
        all: (await listMeasures(t.db, { scope: { all: true } })).total,
        hr: (await listMeasures(t.db, { scope: hrHead.scope })).total,
        sales: (await listMeasures(t.db, { scope: salesHead.scope })).total,
      };
      expect(seeded).toEqual({ all: 3, hr: 1, sales: 1 });
    });
    afterAll(async () => {
      await t?.dispose();
    });

    const base = (over: Partial<MeasureInput> = {}): MeasureInput => ({
      businessProcessId: recruiting,
      title: "Azubi-Kampagne auf Instagram",
      goal: "Mehr Bewerbungen für Ausbildungsplätze",
      startsOn: addDays(TODAY, -60),
      endsOn: null,
      status: "running",
      benefitKind: "money",
      expectedBenefitCents: 1_000_000,
      realisedBenefitCents: null,
      benefitNote: "eingesparte Agenturprovision",
      resultKpiId: applications,
      channelIds: [],
      goals: [],
      ...over,
    });

    it("a manager creates a measure with costs; cost per application is actual cost over the applications in its period", async () => {
      const id = await createMeasure(t.db, manager, base());
      await addCostItem(t.db, manager, id, { category: "staff", actual: true, description: "Betreuung", hundredthHours: 4_000, hourlyRateCents: 6_000, amountCents: null, incurredOn: null });
      await addCostItem(t.db, manager, id, { category: "paid_media", actual: true, description: "Anzeigen", amountCents: 150_000, hundredthHours: null, hourlyRateCents: null, incurredOn: null });
      await addCostItem(t.db, manager, id, { category: "paid_media", actual: false, description: "Budget", amountCents: 500_000, hundredthHours: null, hourlyRateCents: null, incurredOn: null });
      const m = (await getMeasure(t.db, id))!;
      const f = await measureFigures(t.db, m, TODAY);
      expect(f.costs).toMatchObject({ actualCents: 390_000, plannedCents: 500_000 });
      const [{ total }] = await t.db
        .select({ total: sum(measurements.value).mapWith(Number) })
        .from(measurements)
        .where(and(eq(measurements.kpiId, applications), gte(measurements.measuredOn, m.startsOn), lte(measurements.measuredOn, TODAY)));
      expect(total).toBeGreaterThan(0);
      expect(f.results).toBe(total);
      expect(f.costPerResult).toBeCloseTo(390_000 / total);
      // No benefit realised yet: no verdict.
      expect(f).toMatchObject({ verdict: "open", reason: "no_result", roi: null });

      await updateMeasure(t.db, manager, id, base({ realisedBenefitCents: 500_000 }));
      const g = await measureFigures(t.db, (await getMeasure(t.db, id))!, TODAY);
      expect(g.roi).toBeCloseTo((500_000 - 390_000) / 390_000);
      expect(g).toMatchObject({ verdict: "holds", reason: "roi_positive" });
      expect(await t.db.select().from(auditLog).where(eq(auditLog.entityType, "measure"))).toHaveLength(5);
      expect(f.costs.plannedCents).toBe(500_000);
    });

    it("judges a KPI benefit by the KPI's current figure against baseline and target", async () => {
      const id = await createMeasure(t.db, hrHead, base({ benefitKind: "kpis", expectedBenefitCents: null, goals: [{ kpiId: costPerApplication, baseline: 400, target: 100 }] }));
      const f = await measureFigures(t.db, (await getMeasure(t.db, id))!, TODAY);
      expect(f.goals).toHaveLength(1);
      expect(f.goals[0].current).not.toBeNull();
      const current = f.goals[0].current!;
      expect(f.goals[0].progress).toBeCloseTo((current - 400) / (100 - 400));
      expect(f.verdict).toBe(current <= 100 ? "holds" : "does_not_hold");
    });

    it("refuses what does not fit, and changes nothing", async () => {
      const before = await listMeasures(t.db, { scope: { all: true } });
      await expect(createMeasure(t.db, manager, base({ resultKpiId: otherKpi === applications ? costPerApplication : otherKpi }))).rejects.toMatchObject({ code: "validation_failed" });
      await expect(createMeasure(t.db, manager, base({ endsOn: addDays(TODAY, -90) }))).rejects.toMatchObject({ fieldErrors: { endsOn: ["measures.errors.endBeforeStart"] } });
      await expect(createMeasure(t.db, manager, base({ expectedBenefitCents: null }))).rejects.toMatchObject({ fieldErrors: { expectedBenefitCents: ["measures.errors.expectedRequired"] } });
      await expect(createMeasure(t.db, manager, base({ benefitKind: "kpis", goals: [] }))).rejects.toMatchObject({ fieldErrors: { goals: ["measures.errors.goalsRequired"] } });
      await expect(createMeasure(t.db, salesHead, base())).rejects.toMatchObject({ code: "forbidden" });
      const [first] = (await listMeasures(t.db, { scope: hrHead.scope })).rows;
      await expect(addCostItem(t.db, salesHead, first.id, { category: "tools", actual: true, description: "x", amountCents: 1, hundredthHours: null, hourlyRateCents: null, incurredOn: null })).rejects.toMatchObject({ code: "forbidden" });
      await expect(addCostItem(t.db, manager, first.id, { category: "staff", actual: true, description: "x", amountCents: null, hundredthHours: null, hourlyRateCents: 100, incurredOn: null })).rejects.toMatchObject({ code: "validation_failed" });
      // The database refuses a negative amount even past the form.
      await expect(t.db.insert(measureCostItems).values({ measureId: first.id, category: "tools", actual: true, description: "x", amountCents: -1 })).rejects.toThrow();
      expect((await listMeasures(t.db, { scope: { all: true } })).total).toBe(before.total);
    });

    it("lists per scope with summed costs, and a portfolio per department", async () => {
      const all = await listMeasures(t.db, { scope: { all: true } });
      expect(all.total).toBe(seeded.all + 2);
      expect(all.rows.find((r) => r.title === "Azubi-Kampagne auf Instagram" && r.actualCents === 390_000)).toBeDefined();
      expect((await listMeasures(t.db, { scope: salesHead.scope })).total).toBe(seeded.sales);
      expect((await listMeasures(t.db, { scope: hrHead.scope })).total).toBe(seeded.hr + 2);
      const p = await portfolio(t.db, { all: true }, TODAY);
      expect(p.map((r) => r.departmentName)).toEqual([...p.map((r) => r.departmentName)].sort((a, b) => a.localeCompare(b, "de")));
      const hr = p.find((r) => r.departmentId === hrHead.scope.departmentId)!;
      expect(hr.measures).toBe(seeded.hr + 2);
      expect(hr.verdicts.holds + hr.verdicts.does_not_hold + hr.verdicts.open).toBe(seeded.hr + 2);
      expect(await portfolio(t.db, salesHead.scope, TODAY)).toHaveLength(1);
      // The portfolio's batched verdicts agree with each measure's own page.
      const byDept = new Map<number, Record<string, number>>();
      for (const row of (await listMeasures(t.db, { scope: { all: true } })).rows) {
        const f = await measureFigures(t.db, (await getMeasure(t.db, row.id))!, TODAY);
        const v = byDept.get(row.departmentId) ?? { holds: 0, does_not_hold: 0, open: 0 };
        v[f.verdict]++;
        byDept.set(row.departmentId, v);
      }
      for (const r of p) expect(r.verdicts).toEqual(byDept.get(r.departmentId));
    });

    it("reads every goal KPI's figure in one batch, as each KPI's own series gives it", async () => {
      const all = await listKpis(t.db, { pageSize: 200 });
      const days = [TODAY, addDays(TODAY, -1), addDays(TODAY, -40), "2026-03-31", "2026-01-01"];
      const pairs = all.rows.flatMap((k) => days.map((until) => ({ kpiId: k.id, until })));
      const batch = await latestFigures(t.db, all.rows, pairs);
      let withValue = 0;
      for (const k of all.rows) {
        for (const until of days) {
          const [last] = await kpiSeries(t.db, k, { until, today: TODAY, periods: 1 });
          const expected = last.count > 0 && last.value !== null ? last.value : null;
          if (expected !== null) withValue++;
          expect([k.id, until, batch.get(`${k.id}:${until}`)]).toEqual([k.id, until, expected]);
        }
      }
      expect(withValue).toBeGreaterThan(all.rows.length);
      expect(batch.get("-1:2026-05-04")).toBeUndefined();
    });

    it("deletes cost items and measures in the writer's scope only", async () => {
      const [m] = (await listMeasures(t.db, { scope: hrHead.scope })).rows;
      const detail = (await getMeasure(t.db, m.id))!;
      if (detail.costItems.length) {
        await expect(deleteCostItem(t.db, salesHead, m.id, detail.costItems[0].id)).rejects.toMatchObject({ code: "forbidden" });
        await deleteCostItem(t.db, hrHead, m.id, detail.costItems[0].id);
      }
      await expect(deleteMeasure(t.db, salesHead, m.id)).rejects.toMatchObject({ code: "forbidden" });
      await deleteMeasure(t.db, hrHead, m.id);
      expect(await getMeasure(t.db, m.id)).toBeNull();
      await expect(deleteMeasure(t.db, hrHead, m.id)).rejects.toMatchObject({ code: "not_found" });
    });
  });
}
