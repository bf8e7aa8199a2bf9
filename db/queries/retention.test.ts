import { and, count, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { auditLog, insightEvents, insights, loginAttempts, notifications, users } from "../schema";
import { seedDemo } from "../seed";
import { flowFigures } from "./flow-figures";
import { getRetention, recentRetentionRuns, runRetention, setRetention } from "./retention";
import { DEFAULT_RETENTION } from "@/lib/privacy/retention";

// The demo company as seeded on NOW; retention runs as if seven months later, when the six-month
// period of applicant questions has passed for every seeded insight and no other period has.
const NOW = new Date("2026-05-04T10:00:00Z");
const LATER = new Date("2026-12-04T02:30:00Z");

for (const backend of availableBackends()) {
  describe(`retention on ${backend}`, () => {
    let t: TestDb;
    let admin: number;

    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedDemo(t.db, NOW);
      [{ id: admin }] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "admin@example.com"));
    });
    afterAll(async () => {
      await t?.dispose();
    });

    const tally = () =>
      t.db
        .select({ category: insights.category, departmentId: insights.departmentId, status: insights.status, n: count() })
        .from(insights)
        .groupBy(insights.category, insights.departmentId, insights.status)
        .orderBy(insights.category, insights.departmentId, insights.status);

    it("starts from the default table", async () => {
      expect(await getRetention(t.db)).toEqual(DEFAULT_RETENTION);
    });

    it("anonymises exactly the insights past their period and leaves every count and figure as it was", async () => {
      const applicants = await t.db.select({ id: insights.id }).from(insights).where(eq(insights.category, "applicant_question"));
      expect(applicants.length).toBeGreaterThan(0);
      const [{ id: anyApplicant }] = applicants;
      await t.db.insert(insightEvents).values({ insightId: anyApplicant, type: "commented", actorId: admin, note: "Rückruf an @bewerberin_x vereinbart" });
      const othersBefore = await t.db
        .select({ id: insights.id, text: insights.text, author: insights.authorHandle })
        .from(insights)
        .where(sql`${insights.category} <> 'applicant_question'`)
        .orderBy(insights.id);
      const tallyBefore = await tally();
      const period = { from: new Date("2026-02-01T00:00:00Z"), to: new Date("2026-05-01T00:00:00Z"), now: NOW };
      const flowBefore = await flowFigures(t.db, period);

      const run = await runRetention(t.db, LATER);
      expect(run.insights).toEqual({ applicant_question: applicants.length });

      const after = await t.db.select().from(insights).where(eq(insights.category, "applicant_question"));
      for (const i of after) {
        expect(i).toMatchObject({ text: "", authorHandle: null, url: null, resolutionNote: null, declineReason: null, anonymizedAt: LATER });
      }
      const [{ notes }] = await t.db
        .select({ notes: count() })
        .from(insightEvents)
        .innerJoin(insights, eq(insights.id, insightEvents.insightId))
        .where(and(eq(insights.category, "applicant_question"), isNotNull(insightEvents.note)));
      expect(notes).toBe(0);
      const othersAfter = await t.db
        .select({ id: insights.id, text: insights.text, author: insights.authorHandle })
        .from(insights)
        .where(sql`${insights.category} <> 'applicant_question'`)
        .orderBy(insights.id);
      expect(othersAfter).toEqual(othersBefore);
      expect(await tally()).toEqual(tallyBefore);
      expect(await flowFigures(t.db, period)).toEqual(flowBefore);
    });

    it("does nothing twice, and records every run in the audit log", async () => {
      const again = await runRetention(t.db, LATER);
      expect(again.insights).toEqual({});
      const runs = await recentRetentionRuns(t.db);
      expect(runs).toHaveLength(2);
      expect(runs[1].run.insights.applicant_question).toBeGreaterThan(0);
      expect(runs[0].run.insights).toEqual({});
    });

    it("deletes audit entries and notifications past their periods, and nothing newer", async () => {
      const [u] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "manager@example.com"));
      await t.db.insert(notifications).values([
        { userId: u.id, kind: "insight_routed", eventId: "old-one", createdAt: new Date("2026-01-02T00:00:00Z") },
        { userId: u.id, kind: "insight_routed", eventId: "recent-one", createdAt: new Date("2026-11-20T00:00:00Z") },
      ]);
      await t.db.insert(auditLog).values([
        { actorId: null, action: "test.ancient", entityType: "test", createdAt: new Date("2023-01-01T00:00:00Z") },
        { actorId: null, action: "test.recent", entityType: "test", createdAt: new Date("2026-01-01T00:00:00Z") },
      ]);
      const run = await runRetention(t.db, LATER);
      expect(run.notificationsDeleted).toBeGreaterThanOrEqual(1);
      expect(await t.db.select().from(notifications).where(eq(notifications.eventId, "old-one"))).toHaveLength(0);
      expect(await t.db.select().from(notifications).where(eq(notifications.eventId, "recent-one"))).toHaveLength(1);
      expect(run.auditDeleted).toBeGreaterThanOrEqual(1);
      expect(await t.db.select().from(auditLog).where(eq(auditLog.action, "test.ancient"))).toHaveLength(0);
      expect(await t.db.select().from(auditLog).where(eq(auditLog.action, "test.recent"))).toHaveLength(1);
    });

    it("deletes sign-in attempts older than 30 days and keeps the throttle's recent ones", async () => {
      await t.db.insert(loginAttempts).values([
        { email: "old@example.com", ip: "10.0.0.1", succeeded: false, createdAt: new Date(LATER.getTime() - 31 * 86_400_000) },
        { email: "recent@example.com", ip: "10.0.0.1", succeeded: false, createdAt: new Date(LATER.getTime() - 29 * 86_400_000) },
      ]);
      const run = await runRetention(t.db, LATER);
      expect(run.loginAttemptsDeleted).toBeGreaterThanOrEqual(1);
      expect(await t.db.select().from(loginAttempts).where(eq(loginAttempts.email, "old@example.com"))).toHaveLength(0);
      expect(await t.db.select().from(loginAttempts).where(eq(loginAttempts.email, "recent@example.com"))).toHaveLength(1);
    });

    it("keeps what an admin set to 'keep', and audits the change of periods", async () => {
      await setRetention(t.db, admin, { ...DEFAULT_RETENTION, insights: { ...DEFAULT_RETENTION.insights, complaint: null, praise: 1 } });
      const r = await getRetention(t.db);
      expect(r.insights.complaint).toBeNull();
      const run = await runRetention(t.db, LATER);
      expect(run.insights.complaint).toBeUndefined();
      expect(run.insights.praise).toBeGreaterThan(0);
      const changes = await t.db.select().from(auditLog).where(eq(auditLog.action, "privacy.retention"));
      expect(changes).toHaveLength(1);
    });
  });
}
