import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { alerts, businessProcesses, channels, departments, insights, measurements } from "../schema";
import { seedDemo } from "../seed";
import { DEMO_DERIVED_KPIS } from "../seed/kpis";
import { derivedValue, runDerivedKpis } from "./derived-kpis";
import { createKpi } from "./kpis";
import { computeDerived, DERIVED_METRICS, type DerivedDefinition, type FlowRow } from "@/lib/kpis/derived";
import { INSIGHT_CATEGORIES, SENTIMENTS } from "@/lib/enums";

const NOW = new Date("2026-05-04T10:00:00Z");
const DAY = 86_400_000;

for (const backend of availableBackends()) {
  describe(`KPIs derived from insights on ${backend}`, () => {
    let t: TestDb;
    let rows: FlowRow[];
    let channelIds: number[];
    let departmentIds: number[];
    let serviceProcess: number;

    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedDemo(t.db, NOW);
      rows = await t.db
        .select({
          occurredAt: insights.occurredAt,
          category: insights.category,
          sentiment: insights.sentiment,
          channelId: insights.channelId,
          departmentId: insights.departmentId,
          routedAt: insights.routedAt,
          slaDueAt: insights.slaDueAt,
          acceptedAt: insights.acceptedAt,
          resolvedAt: insights.resolvedAt,
          declinedAt: insights.declinedAt,
          loopClosedAt: insights.loopClosedAt,
        })
        .from(insights);
      expect(rows.length).toBeGreaterThan(50);
      channelIds = (await t.db.select({ id: channels.id }).from(channels)).map((c) => c.id);
      departmentIds = (await t.db.select({ id: departments.id }).from(departments)).map((d) => d.id);
      [{ id: serviceProcess }] = await t.db
        .select({ id: businessProcesses.id })
        .from(businessProcesses)
        .innerJoin(departments, eq(departments.id, businessProcesses.departmentId))
        .where(and(eq(departments.slug, "kundenservice"), eq(businessProcesses.name, "Reklamationsmanagement")));
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("computes in SQL what the reference computes, for any definition and period", async () => {
      const definition = fc.record({
        metric: fc.constantFrom(...DERIVED_METRICS),
        categories: fc.subarray([...INSIGHT_CATEGORIES], { maxLength: 3 }),
        sentiments: fc.subarray([...SENTIMENTS], { maxLength: 2 }),
        channelIds: fc.subarray(channelIds, { maxLength: 2 }),
        departmentIds: fc.subarray(departmentIds, { maxLength: 2 }),
      });
      await fc.assert(
        fc.asyncProperty(definition, fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 90 }), async (d: DerivedDefinition, back, days) => {
          const from = new Date(NOW.getTime() - back * DAY);
          const to = new Date(from.getTime() + days * DAY);
          const sqlValue = await derivedValue(t.db, d, from, to, NOW);
          const reference = computeDerived(d, rows, from, to, NOW);
          if (reference === null) expect(sqlValue).toBeNull();
          else expect(sqlValue).toBeCloseTo(reference, 6);
        }),
        { numRuns: Math.min(Number(process.env.FUZZ_RUNS ?? 40), 40) },
      );
    });

    it("writes each period's value through the measurement path, replaces it on the next run, and raises alerts like entered values", async () => {
      const kpi = await createKpi(t.db, null, {
        businessProcessId: serviceProcess,
        name: "Beschwerden innerhalb der SLA (aus Hinweisen)",
        description: null,
        unit: "percent",
        direction: "higher_is_better",
        period: "month",
        aggregation: "last",
        channelId: null,
        // Out of reach, so the value crosses the critical threshold and raises an alert.
        target: 100,
        warningThreshold: 99.9,
        criticalThreshold: 99.8,
        derived: { metric: "sla_compliance", categories: ["complaint"], sentiments: [], channelIds: [], departmentIds: [] },
      });
      const first = await runDerivedKpis(t.db, NOW);
      expect(first.kpis).toBe(1 + DEMO_DERIVED_KPIS.length);
      const stored = await t.db.select().from(measurements).where(eq(measurements.kpiId, kpi.id)).orderBy(measurements.measuredOn);
      expect(stored.length).toBeGreaterThan(0);
      expect(stored.every((m) => m.source === "derived")).toBe(true);
      // May: from the 1st to today; April as a whole.
      const may = stored.find((m) => m.measuredOn === "2026-05-04");
      const expected = await derivedValue(t.db, kpi.derived!, new Date("2026-04-30T22:00:00Z"), NOW, NOW);
      if (expected === null) expect(may).toBeUndefined();
      else expect(may?.value).toBeCloseTo(expected, 2);
      const opened = await t.db.select().from(alerts).where(eq(alerts.kpiId, kpi.id));
      // The demo's complaints miss their SLA now and then: below the critical threshold, an alert is open.
      expect(stored.some((m) => m.value < 99.8)).toBe(true);
      expect(opened.filter((a) => a.status !== "resolved")).toHaveLength(1);

      await runDerivedKpis(t.db, new Date(NOW.getTime() + 3_600_000));
      const again = await t.db.select().from(measurements).where(eq(measurements.kpiId, kpi.id));
      expect(again).toHaveLength(stored.length);
    });

    it("refuses a definition that cannot be computed", async () => {
      await expect(
        createKpi(t.db, null, {
          businessProcessId: serviceProcess,
          name: "Falsch definiert",
          description: null,
          unit: "hours",
          direction: "lower_is_better",
          period: "month",
          aggregation: "sum",
          channelId: null,
          target: 4,
          warningThreshold: 8,
          criticalThreshold: 12,
          derived: { metric: "sla_compliance", categories: [], sentiments: [], channelIds: [], departmentIds: [] },
        }),
      ).rejects.toMatchObject({ code: "validation_failed", fieldErrors: { unit: ["kpis.derived.errors.unit"], aggregation: ["kpis.derived.errors.aggregation"] } });
    });
  });
}
