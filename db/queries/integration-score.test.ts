import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { businessProcesses, channelAssignments, channels, departments, integrationScores, measureCostItems, measures } from "../schema";
import { seedDemo } from "../seed";
import { departmentScores, latestStoredScores, scoreTrend, storeIntegrationScores } from "./integration-score";
import { criterionScores, stageOf, totalScore } from "@/lib/integration/score";

const NOW = new Date("2026-05-04T10:00:00Z");

for (const backend of availableBackends()) {
  describe(`integration score on ${backend}`, () => {
    let t: TestDb;

    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedDemo(t.db, NOW);
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("scores every department from its own data", async () => {
      const scores = await departmentScores(t.db, NOW);
      const [{ n }] = await t.db.select({ n: count() }).from(departments);
      expect(scores).toHaveLength(n);
      for (const s of scores) {
        expect(s.criteria).toEqual(criterionScores(s.facts));
        expect(s.total).toBe(totalScore(s.criteria));
        expect(s.stage).toBe(stageOf(s.total));
      }
      const hr = scores.find((s) => s.departmentName === "Personal")!;
      const [{ owned }] = await t.db
        .select({ owned: count() })
        .from(channelAssignments)
        .innerJoin(channels, eq(channels.id, channelAssignments.channelId))
        .where(and(eq(channelAssignments.departmentId, hr.departmentId), eq(channelAssignments.responsibility, "owner"), eq(channels.status, "active")));
      expect(hr.facts.channelsOwned).toBe(owned);
      // The demo's recruiting campaign has costs and an expected benefit.
      expect(hr.facts).toMatchObject({ measures: 1, measuresWithCostBenefit: 1 });
      expect(hr.criteria.measures).toBe(100);
      expect(hr.facts.kpis).toBeGreaterThan(0);
    });

    it("rises when a department adds a measure with cost and benefit", async () => {
      const before = (await departmentScores(t.db, NOW)).find((s) => s.facts.measures === 0)!;
      const [p] = await t.db.select({ id: businessProcesses.id }).from(businessProcesses).where(eq(businessProcesses.departmentId, before.departmentId)).limit(1);
      const [m] = await t.db
        .insert(measures)
        .values({ businessProcessId: p.id, title: "Test", goal: "Test", startsOn: "2026-04-01", status: "running", benefitKind: "money", expectedBenefitCents: 100_000 })
        .returning({ id: measures.id });
      await t.db.insert(measureCostItems).values({ measureId: m.id, category: "tools", actual: true, description: "x", amountCents: 10_000 });
      const after = (await departmentScores(t.db, NOW)).find((s) => s.departmentId === before.departmentId)!;
      expect(after.criteria.measures).toBe(100);
      expect(after.total).toBe(before.total + 10);
    });

    it("stores one row per department and month, and the trend per month", async () => {
      // The demo company comes with March, April and May.
      const [{ n }] = await t.db.select({ n: count() }).from(departments);
      const rowsNow = async () => (await t.db.select({ rows: count() }).from(integrationScores))[0].rows;
      expect(await rowsNow()).toBe(3 * n);
      await storeIntegrationScores(t.db, new Date("2026-04-15T10:00:00Z"));
      await storeIntegrationScores(t.db, NOW);
      const again = await storeIntegrationScores(t.db, NOW);
      expect(await rowsNow()).toBe(3 * n);
      await storeIntegrationScores(t.db, new Date("2026-06-01T10:00:00Z"));
      expect(await rowsNow()).toBe(4 * n);
      const trend = await scoreTrend(t.db);
      expect(trend.map((p) => p.month)).toEqual(["2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01"]);
      expect((await latestStoredScores(t.db)).every((s) => s.month === "2026-06-01")).toBe(true);
      await t.db.delete(integrationScores).where(eq(integrationScores.month, "2026-06-01"));
      expect(trend[2].company).toBe(again.company);
    });
  });
}
