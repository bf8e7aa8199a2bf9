import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { departments, insights, notifications, outboxMails, routingRules, users } from "../schema";
import { seedFoundation } from "../seed/foundation";
import { ingestBody } from "./insight-intake";
import { routeInsights } from "./insight-actions";
import {
  listNotifications,
  markNotificationsRead,
  notificationPreferencesOf,
  notifyInsightEvent,
  openNotification,
  saveNotificationPreferences,
  unreadNotificationCount,
  usersWithPendingDigest,
  writeDigest,
} from "./notifications";
import { insightRouted } from "@/lib/jobs/events";
import { JobRunner } from "@/lib/jobs/runner";
import { mailDigestJob } from "@/lib/jobs/definitions/mail-digest";

const T0 = new Date("2025-03-03T08:00:00Z");

for (const backend of availableBackends()) {
  describe(`notifications on ${backend}`, () => {
    let t: TestDb;
    let runner: JobRunner;
    let service: number;
    let head: number;
    let managers: number[];
    let seq = 0;

    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedFoundation(t.db);
      const [dep] = await t.db.select({ id: departments.id, head: departments.headUserId }).from(departments).where(eq(departments.slug, "kundenservice"));
      service = dep.id;
      head = dep.head!;
      managers = (await t.db.select({ id: users.id }).from(users).where(eq(users.role, "manager"))).map((u) => u.id);
      await t.db.insert(routingRules).values({ name: "Reklamationen", position: 1, departmentId: service, keywords: ["reklamation"], slaHours: 8 });
      runner = await new JobRunner({ conn: t, clock: () => T0, work: false, schedule: false }).start();
    });
    afterAll(async () => {
      await runner?.stop({ graceful: false });
      await t?.dispose();
    });

    const mine = (userId: number) => t.db.select().from(notifications).where(eq(notifications.userId, userId));
    const deliver = (text: string) =>
      ingestBody(
        t.db,
        { via: "api", userId: null, label: "test" },
        { source: "n-test", externalId: `n-${++seq}`, platform: "forum", occurredAt: T0.toISOString(), text, category: "complaint" },
        T0,
      );

    it("tells the department's head when a rule routes an insight at intake, through a job, once", async () => {
      const before = (await mine(head)).length;
      const result = await deliver("Reklamation: das Getriebe ist defekt");
      expect(result.items[0].departmentId).toBe(service);
      // Nothing yet: the job exists, it has not run.
      expect((await mine(head)).length).toBe(before);
      const drained = await runner.drain();
      expect(drained.failed).toBe(0);
      const after = await mine(head);
      expect(after.length).toBe(before + 1);
      const n = after.at(-1)!;
      expect(n).toMatchObject({ kind: "insight_routed", insightId: result.items[0].id, readAt: null });
      expect(n.data.excerpt).toContain("Getriebe");
      // The same event again (a retried job) tells nobody twice.
      expect((await notifyInsightEvent(t.db, insightRouted(result.items[0].id!, service, "rule", T0))).told).toBe(0);
    });

    it("does not tell anyone about an insight that waits in triage", async () => {
      const before = (await t.db.select().from(notifications)).length;
      await deliver("Allgemeine Frage ohne Stichwort");
      await runner.drain();
      expect((await t.db.select().from(notifications)).length).toBe(before);
    });

    it("tells the head when the central unit routes by hand", async () => {
      const [{ id }] = await t.db
        .insert(insights)
        .values({ source: "n-test", externalId: `n-${++seq}`, occurredAt: T0, text: "Bitte Rückruf", category: "question", sentiment: "neutral" })
        .returning({ id: insights.id });
      const [manager] = await t.db.select().from(users).where(eq(users.id, managers[0]));
      await routeInsights(t.db, { id: manager.id, role: manager.role, departmentId: manager.departmentId }, { ids: [id], departmentId: service, slaHours: 24 }, T0);
      await runner.drain();
      expect((await mine(head)).some((n) => n.insightId === id && n.kind === "insight_routed")).toBe(true);
    });

    it("escalates an overdue insight to every active manager, not to the head", async () => {
      const [{ id }] = await t.db
        .insert(insights)
        .values({ source: "n-test", externalId: `n-${++seq}`, occurredAt: T0, text: "Überfällig", category: "question", sentiment: "neutral", status: "routed", departmentId: service })
        .returning({ id: insights.id });
      const told = await notifyInsightEvent(t.db, { type: "insight.sla_overdue", id: `sla:test-${id}`, occurredAt: T0.toISOString(), insightId: id, departmentId: service, dueAt: T0.toISOString() });
      expect(told.told).toBe(managers.length);
      expect((await mine(head)).some((n) => n.insightId === id)).toBe(false);
    });

    it("nobody is told when the head is deactivated", async () => {
      await t.db.update(users).set({ active: false }).where(eq(users.id, head));
      try {
        const [{ id }] = await t.db.select({ id: insights.id }).from(insights).where(eq(insights.departmentId, service)).limit(1);
        expect((await notifyInsightEvent(t.db, insightRouted(id, service, "manual", new Date(T0.getTime() + 1)))).told).toBe(0);
      } finally {
        await t.db.update(users).set({ active: true }).where(eq(users.id, head));
      }
    });

    const mailsTo = (userId: number) => t.db.select().from(outboxMails).where(eq(outboxMails.recipientId, userId)).orderBy(outboxMails.id);

    it("mails the head at once, in their language, once per event, and the mail job keeps it without an SMTP server", async () => {
      await t.db.update(users).set({ locale: "en" }).where(eq(users.id, head));
      try {
        const before = (await mailsTo(head)).length;
        const result = await deliver("Reklamation: the gearbox rattles");
        const drained = await runner.drain();
        expect(drained.failed).toBe(0);
        const mails = await mailsTo(head);
        expect(mails.length).toBe(before + 1);
        const mail = mails.at(-1)!;
        expect(mail).toMatchObject({ kind: "insight_routed", locale: "en", status: "kept" });
        expect(mail.subject).toContain(`#${result.items[0].id}`);
        expect(mail.textBody).toContain(`/insights/${result.items[0].id}`);
        // The event again (a retried job): no second notification, no second mail.
        const again = await notifyInsightEvent(t.db, insightRouted(result.items[0].id!, service, "rule", T0));
        expect(again).toEqual({ told: 0, mailIds: [] });
        expect((await mailsTo(head)).length).toBe(before + 1);
      } finally {
        await t.db.update(users).set({ locale: "de" }).where(eq(users.id, head));
      }
    });

    it("a head who chose the digest gets no single mail but one morning mail listing everything since; off mails nothing", async () => {
      expect(await saveNotificationPreferences(t.db, head, { insight_routed: "digest", sla_due_soon: "off" }, T0)).toEqual(["insight_routed", "sla_due_soon"]);
      // Saving the same again changes nothing.
      expect(await saveNotificationPreferences(t.db, head, { insight_routed: "digest" }, T0)).toEqual([]);
      expect(await notificationPreferencesOf(t.db, head)).toEqual({
        insight_routed: "digest",
        sla_due_soon: "off",
        sla_overdue: "immediately",
        kpi_alert: "immediately",
        guideline_published: "immediately",
        guideline_reminder: "immediately",
        connector_paused: "immediately",
        crisis_step_overdue: "immediately",
      });
      try {
        const before = (await mailsTo(head)).length;
        const a = await deliver("Reklamation eins");
        const b = await deliver("Reklamation zwei");
        await runner.drain();
        const [dueSoon] = await t.db
          .insert(insights)
          .values({ source: "n-test", externalId: `n-${++seq}`, occurredAt: T0, text: "Frist knapp", category: "question", sentiment: "neutral", status: "routed", departmentId: service })
          .returning({ id: insights.id });
        expect((await notifyInsightEvent(t.db, { type: "insight.sla_due_soon", id: `sla:soon-${dueSoon.id}`, occurredAt: T0.toISOString(), insightId: dueSoon.id, departmentId: service, dueAt: T0.toISOString() })).told).toBe(1);
        // In the app, all three are there; by mail, nothing yet.
        const listed = await mine(head);
        for (const id of [a.items[0].id, b.items[0].id, dueSoon.id]) expect(listed.some((n) => n.insightId === id)).toBe(true);
        expect((await mailsTo(head)).length).toBe(before);
        expect(await usersWithPendingDigest(t.db)).toContain(head);

        const digestId = await writeDigest(t.db, head);
        expect(digestId).not.toBeNull();
        const mails = await mailsTo(head);
        expect(mails.length).toBe(before + 1);
        expect(mails.at(-1)).toMatchObject({ kind: "digest", locale: "de" });
        expect(mails.at(-1)!.textBody).toContain("Reklamation eins");
        expect(mails.at(-1)!.textBody).toContain("Reklamation zwei");
        // The "off" kind is not in the digest either.
        expect(mails.at(-1)!.textBody).not.toContain("Frist knapp");
        // Running it again (a retry, the next morning with nothing new) mails nothing.
        expect(await writeDigest(t.db, head)).toBeNull();
        expect(await usersWithPendingDigest(t.db)).not.toContain(head);
      } finally {
        await saveNotificationPreferences(t.db, head, { insight_routed: "immediately", sla_due_soon: "immediately" }, T0);
      }
    });

    it("the digest job writes each waiting digest once and hands it to the mail job", async () => {
      await saveNotificationPreferences(t.db, head, { insight_routed: "digest" }, T0);
      try {
        const before = (await mailsTo(head)).length;
        await deliver("Reklamation drei");
        await runner.drain();
        expect((await mailsTo(head)).length).toBe(before);
        await runner.send(mailDigestJob, {});
        const drained = await runner.drain();
        expect(drained.failed).toBe(0);
        const mails = await mailsTo(head);
        expect(mails.length).toBe(before + 1);
        expect(mails.at(-1)).toMatchObject({ kind: "digest", status: "kept" });
      } finally {
        await saveNotificationPreferences(t.db, head, { insight_routed: "immediately" }, T0);
      }
    });

    it("lists a person's notifications newest first, counts unread and marks only their own read", async () => {
      const unread = await unreadNotificationCount(t.db, head);
      expect(unread).toBeGreaterThanOrEqual(2);
      const list = await listNotifications(t.db, head, { page: 1 });
      expect(list.total).toBe((await mine(head)).length);
      const times = list.rows.map((r) => r.createdAt.getTime());
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      // Someone else's id changes nothing.
      const [other] = await t.db.select().from(notifications).where(eq(notifications.userId, managers[0])).limit(1);
      expect(await markNotificationsRead(t.db, head, [other.id])).toBe(0);
      expect(await openNotification(t.db, head, other.id)).toBeNull();
      // Opening one marks it read and says where it points.
      const first = list.rows[0];
      expect(await openNotification(t.db, head, first.id, T0)).toEqual({ insightId: first.insightId, href: `/insights/${first.insightId}` });
      expect(await unreadNotificationCount(t.db, head)).toBe(unread - 1);
      expect(await markNotificationsRead(t.db, head, "all", T0)).toBe(unread - 1);
      expect(await unreadNotificationCount(t.db, head)).toBe(0);
      const [still] = await t.db.select().from(notifications).where(and(eq(notifications.id, other.id)));
      expect(still.readAt).toBeNull();
    });
  });
}
