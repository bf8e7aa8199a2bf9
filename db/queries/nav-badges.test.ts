import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { channelAssignments, guidelineAcknowledgments, guidelineVersionChannels, guidelineVersions, users } from "../schema";
import { seedDemo } from "../seed";
import { countOpenAlerts } from "./alerts";
import type { SessionUser } from "./auth";
import { countDraftCrises } from "./crises";
import { listAwaitingSignoff, listMyGuidelines } from "./guidelines";
import { insightBadgeCount } from "./insights";
import { navCounts } from "./nav-badges";
import { unreadNotificationCount } from "./notifications";
import { countDisabledWebhookEndpoints } from "./webhooks";
import { alertScope } from "@/lib/kpis/scope";
import { can } from "@/lib/permissions";

// A fixed clock: nothing here depends on the day the suite runs.
const NOW = new Date("2026-03-10T09:00:00Z");

for (const backend of availableBackends()) {
  describe(`navigation counters on ${backend}`, () => {
    let t: TestDb;

    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedDemo(t.db, NOW);
    });
    afterAll(async () => {
      await t?.dispose();
    });

    /** Each counter on its own, as the pages that list them count. */
    async function oneByOne(u: SessionUser) {
      const functions = u.signoffFunctions ?? [];
      const [mine, awaiting, insights, alerts, webhooks, drafts, unread] = await Promise.all([
        can(u.role, "guidelines:acknowledge") ? listMyGuidelines(t.db, u, { pageSize: 1 }).then((r) => r.pending) : 0,
        functions.length ? listAwaitingSignoff(t.db, { functions, pageSize: 1 }).then((r) => r.awaiting) : 0,
        can(u.role, "insights:read") ? insightBadgeCount(t.db, u) : 0,
        can(u.role, "alerts:read") ? countOpenAlerts(t.db, alertScope(u)) : 0,
        can(u.role, "admin:tokens") ? countDisabledWebhookEndpoints(t.db) : 0,
        can(u.role, "crisis:manage") ? countDraftCrises(t.db) : 0,
        unreadNotificationCount(t.db, u.id),
      ]);
      const badges: Record<string, number> = {};
      if (mine + awaiting > 0) badges.guidelines = mine + awaiting;
      if (insights > 0) badges.insights = insights;
      if (alerts > 0) badges.alerts = alerts;
      if (webhooks > 0) badges.admin = webhooks;
      if (drafts > 0) badges.crisis = drafts;
      return { badges, unread };
    }

    async function people(): Promise<SessionUser[]> {
      const rows = await t.db.select().from(users).where(eq(users.active, true));
      return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, role: r.role, departmentId: r.departmentId, locale: r.locale, signoffFunctions: r.signoffFunctions }));
    }

    it("reads in one statement what each counter reads on its own, for every person of the demo company", async () => {
      const everyone = await people();
      expect(everyone.length).toBeGreaterThan(10);
      let pendingSomewhere = 0;
      for (const u of everyone) {
        const expected = await oneByOne(u);
        expect(await navCounts(t.db, u), u.email).toEqual(expected);
        // Without the functions in the session the counters look them up.
        expect(await navCounts(t.db, { ...u, signoffFunctions: undefined }), u.email).toEqual(expected);
        pendingSomewhere += expected.badges.guidelines ?? 0;
      }
      expect(pendingSomewhere).toBeGreaterThan(0);
    });

    it("follows acknowledgments: a guideline acknowledged leaves the count, for company, department and channel scopes alike", async () => {
      // The demo company publishes company-wide and per department: turn one into a channel guideline.
      const [byDepartment] = await t.db.select({ id: guidelineVersions.id }).from(guidelineVersions).where(and(eq(guidelineVersions.status, "published"), eq(guidelineVersions.scope, "departments")));
      const [assigned] = await t.db.select().from(channelAssignments).limit(1);
      await t.db.update(guidelineVersions).set({ scope: "channels" }).where(eq(guidelineVersions.id, byDepartment.id));
      await t.db.insert(guidelineVersionChannels).values({ versionId: byDepartment.id, channelId: assigned.channelId });
      const published = await t.db.select({ id: guidelineVersions.id, scope: guidelineVersions.scope }).from(guidelineVersions).where(eq(guidelineVersions.status, "published"));
      expect(new Set(published.map((p) => p.scope))).toEqual(new Set(["company", "departments", "channels"]));
      const everyone = await people();
      // Acknowledge every other published version for every person it applies to (inserted directly: the counters read the table).
      for (const u of everyone) {
        const mine = await listMyGuidelines(t.db, u, { pageSize: 100 });
        const some = mine.rows.filter((r) => r.pending && published.findIndex((p) => p.id === r.versionId) % 2 === 0);
        if (some.length) await t.db.insert(guidelineAcknowledgments).values(some.map((r) => ({ versionId: r.versionId, userId: u.id, acknowledgedAt: NOW })));
      }
      for (const u of everyone) expect(await navCounts(t.db, u), u.email).toEqual(await oneByOne(u));
      // A person without a department: only company-wide guidelines apply.
      const [someone] = everyone.filter((u) => can(u.role, "guidelines:acknowledge"));
      const homeless = { ...someone, departmentId: null };
      expect(await navCounts(t.db, homeless)).toEqual(await oneByOne(homeless));
    });
  });
}
