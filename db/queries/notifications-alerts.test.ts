/**
 * Notifications beyond insights, on every backend, through the app's own write paths and the job
 * runner: a KPI value past its thresholds (the KPI's department head and the managers), the crisis
 * early warning (managers, the communications head, executives; not switchable), a published
 * guideline (everyone it applies to) and its one reminder a week later.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { businessProcesses, crises, departments, notifications, outboxMails, users } from "../schema";
import { seedFoundation } from "../seed/foundation";
import { evaluateCrisis } from "./crisis";
import { acknowledgeVersion, changeVersionStatus, createGuideline } from "./guidelines";
import { ingestBody } from "./insight-intake";
import { createKpi } from "./kpis";
import { recordMeasurements } from "./measurements";
import {
  GUIDELINE_REMINDER_DAYS,
  notificationHref,
  notificationPreferencesOf,
  openNotification,
  remindUnacknowledgedGuidelines,
  saveNotificationPreferences,
} from "./notifications";
import { JobRunner } from "@/lib/jobs/runner";
import { addDays, periodStart, todayIn } from "@/lib/kpis/periods";

const DAY = 86_400_000;

for (const backend of availableBackends()) {
  describe(`alert and guideline notifications on ${backend}`, () => {
    let t: TestDb;
    let runner: JobRunner;
    let clock: Date;
    const ids = new Map<string, number>();
    const id = (email: string) => ids.get(email)!;
    let service: number;
    let commsHead: number;
    let seq = 0;

    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedFoundation(t.db);
      clock = new Date(Date.now() - 60_000);
      for (const u of await t.db.select({ id: users.id, email: users.email }).from(users)) ids.set(u.email, u.id);
      [{ id: service }] = await t.db.select({ id: departments.id }).from(departments).where(eq(departments.slug, "kundenservice"));
      // The demo company has no head of communications; the crisis alert must reach one.
      const [comms] = await t.db.select({ id: departments.id }).from(departments).where(eq(departments.kind, "communications"));
      [{ id: commsHead }] = await t.db
        .insert(users)
        .values({ email: "head.comms@example.com", name: "Nora Kommunikation", passwordHash: "x", role: "department_head", departmentId: comms.id, locale: "en" })
        .returning({ id: users.id });
      await t.db.update(departments).set({ headUserId: commsHead }).where(eq(departments.id, comms.id));
      runner = await new JobRunner({ conn: t, clock: () => clock, work: false, schedule: false }).start();
    });
    afterAll(async () => {
      await runner?.stop({ graceful: false });
      await t?.dispose();
    });

    const told = async (kind: string) =>
      (await t.db.select({ userId: notifications.userId }).from(notifications).where(eq(notifications.kind, kind as "kpi_alert"))).map((r) => r.userId).sort((a, b) => a - b);
    const mailsOf = (kind: string) => t.db.select().from(outboxMails).where(eq(outboxMails.kind, kind));
    const managers = async () => (await t.db.select({ id: users.id }).from(users).where(eq(users.role, "manager"))).map((u) => u.id);

    it("tells the KPI's department head and the managers when a KPI alert opens and when it turns critical, not when it resolves", async () => {
      // The service head wants KPI alerts in the digest: told in the app, no single mail.
      await saveNotificationPreferences(t.db, id("head.service@example.com"), { kpi_alert: "digest" });
      const [proc] = await t.db.insert(businessProcesses).values({ departmentId: service, name: `Service ${++seq}` }).returning({ id: businessProcesses.id });
      const kpi = await createKpi(t.db, id("manager@example.com"), {
        businessProcessId: proc.id,
        name: "Antwortquote",
        description: null,
        unit: "percent",
        direction: "higher_is_better",
        period: "month",
        aggregation: "last",
        channelId: null,
        target: 90,
        warningThreshold: 80,
        criticalThreshold: 70,
      });
      // A closed month (the previous one), so no pro-rata target depends on today's date.
      const today = todayIn();
      const lastMonth = periodStart(addDays(periodStart(today, "month"), -1), "month");
      const write = (value: number) =>
        recordMeasurements(t.db, { userId: id("manager@example.com"), scope: { all: true } }, [{ kpiId: kpi.id, measuredOn: lastMonth, value }], "manual", today);

      await write(75);
      expect((await runner.drain()).failed).toBe(0);
      const expected = [id("head.service@example.com"), ...(await managers())].sort((a, b) => a - b);
      expect(await told("kpi_alert")).toEqual(expected);
      const mails = await mailsOf("kpi_alert");
      // Everyone but the head, who chose the digest.
      expect(mails.map((m) => m.recipientId).sort((a, b) => a! - b!)).toEqual(expected.filter((u) => u !== id("head.service@example.com")));
      expect(mails[0].subject).toBe("KPI-Warnung: Antwortquote (Kundenservice)");
      expect(mails[0].textBody).toContain("75 %");
      expect(mails[0].textBody).toContain(`/kpis/${kpi.id}`);
      const [headNote] = await t.db.select().from(notifications).where(and(eq(notifications.userId, id("head.service@example.com")), eq(notifications.kind, "kpi_alert")));
      expect(headNote.digestPending).toBe(true);
      // Following it leads to the KPI.
      expect(await openNotification(t.db, id("head.service@example.com"), headNote.id)).toMatchObject({ href: `/kpis/${kpi.id}` });

      await write(60);
      await runner.drain();
      expect((await told("kpi_alert")).length).toBe(expected.length * 2);
      const critical = (await mailsOf("kpi_alert")).filter((m) => m.subject.startsWith("KPI jetzt kritisch"));
      expect(critical).toHaveLength(expected.length - 1);

      await write(95);
      await runner.drain();
      expect((await told("kpi_alert")).length).toBe(expected.length * 2);
    });

    it("tells managers, the communications head and the executives of a crisis, by mail at once whatever they chose", async () => {
      // A crafted save cannot switch the crisis off: the kind is not the person's to choose.
      const changed = await saveNotificationPreferences(t.db, id("exec@example.com"), { crisis_alert: "off" } as never);
      expect(changed).toEqual([]);
      expect(Object.keys(await notificationPreferencesOf(t.db, id("exec@example.com")))).not.toContain("crisis_alert");

      const now = new Date();
      const negatives = Array.from({ length: 10 }, (_, i) => ({
        source: "crisis-notify",
        externalId: `neg-${i}`,
        occurredAt: now.toISOString(),
        text: `Unzumutbar, das Produkt ist gefährlich! (${i})`,
        category: "complaint",
        platform: "facebook",
        sentiment: "negative",
        language: "de",
      }));
      await ingestBody(t.db, { via: "api", userId: null, label: "test" }, negatives, now);
      expect((await runner.drain()).failed).toBe(0);
      const expected = [...(await managers()), id("exec@example.com"), commsHead].sort((a, b) => a - b);
      expect(await told("crisis_alert")).toEqual(expected);
      const mails = await mailsOf("crisis_alert");
      expect(mails.map((m) => m.recipientId).sort((a, b) => a! - b!)).toEqual(expected);
      // In each person's language.
      expect(mails.find((m) => m.recipientId === commsHead)!.subject).toBe("Crisis alert (warning): unusually many negative voices");
      expect(mails.find((m) => m.recipientId === id("exec@example.com"))!.subject).toBe("Krisenwarnung (Warnung): ungewöhnlich viele negative Stimmen");
      // The mail leads to the draft crisis room the alert opened.
      const [room] = await t.db.select({ id: crises.id }).from(crises).where(eq(crises.status, "draft"));
      expect(mails[0].textBody).toContain(`/crisis/${room.id}`);

      // The window passes: the alert resolves, nobody is told.
      await evaluateCrisis(t.db, new Date(now.getTime() + 7 * 3_600_000));
      await runner.drain();
      expect((await told("crisis_alert")).length).toBe(expected.length);
    });

    it("tells everyone a published guideline applies to, and reminds once those who have not acknowledged it after a week", async () => {
      const author = id("manager@example.com");
      const g = await createGuideline(t.db, author, {
        title: "Antworten im Kundenservice",
        scope: "departments",
        departmentIds: [service],
        channelIds: [],
        requiredSignoffs: [],
        bodyMd: "# Regeln",
        changeNote: "Erste Fassung",
      });
      await changeVersionStatus(t.db, author, g.versionId, "submit");
      await changeVersionStatus(t.db, author, g.versionId, "approve");
      await runner.drain();
      expect(await told("guideline_published")).toEqual([]);
      await changeVersionStatus(t.db, author, g.versionId, "publish");
      expect((await runner.drain()).failed).toBe(0);
      const staff = (await t.db.select({ id: users.id }).from(users).where(and(eq(users.departmentId, service), eq(users.active, true))))
        .map((u) => u.id)
        .sort((a, b) => a - b);
      expect(staff.length).toBeGreaterThan(1);
      expect(await told("guideline_published")).toEqual(staff);
      const [mail] = await mailsOf("guideline_published");
      expect(mail.subject).toBe("Neue Richtlinie: Antworten im Kundenservice (Version 1)");
      expect(mail.textBody).toContain(`/guidelines/${g.id}`);

      // One of them acknowledges; the notification time is the publication's.
      const [reader, ...others] = staff;
      await acknowledgeVersion(t.db, { id: reader, departmentId: service }, g.versionId);
      const [note] = await t.db.select({ createdAt: notifications.createdAt }).from(notifications).where(eq(notifications.kind, "guideline_published")).limit(1);
      const published = note.createdAt.getTime();

      // Not before a week has passed.
      expect((await remindUnacknowledgedGuidelines(t.db, new Date(published + GUIDELINE_REMINDER_DAYS * DAY - 60_000))).told).toBe(0);
      const week = new Date(published + GUIDELINE_REMINDER_DAYS * DAY + 60_000);
      const first = await remindUnacknowledgedGuidelines(t.db, week);
      expect(first.told).toBe(others.length);
      expect(await told("guideline_reminder")).toEqual(others);
      const reminders = await t.db.select().from(outboxMails).where(and(eq(outboxMails.kind, "guideline_reminder"), inArray(outboxMails.recipientId, others)));
      expect(reminders).toHaveLength(others.length);
      expect(reminders[0].subject).toBe("Erinnerung: Richtlinie „Antworten im Kundenservice“ noch nicht bestätigt");
      // Hourly runs afterwards remind nobody again.
      expect((await remindUnacknowledgedGuidelines(t.db, new Date(week.getTime() + 3_600_000))).told).toBe(0);
      expect((await remindUnacknowledgedGuidelines(t.db, new Date(week.getTime() + 3 * DAY))).told).toBe(0);
    });

    it("leads only to paths inside the app", () => {
      expect(notificationHref({ insightId: 7, data: {} })).toBe("/insights/7");
      expect(notificationHref({ insightId: null, data: { href: "/alerts?kind=crisis" } })).toBe("/alerts?kind=crisis");
      expect(notificationHref({ insightId: null, data: { href: "//evil.example/x" } })).toBeNull();
      expect(notificationHref({ insightId: null, data: { href: "https://evil.example/" } })).toBeNull();
      expect(notificationHref({ insightId: null, data: { href: "/\\evil.example" } })).toBeNull();
      expect(notificationHref({ insightId: null, data: {} })).toBeNull();
    });
  });
}
