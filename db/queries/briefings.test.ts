import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { advocates, crisisBriefingRecipients, crisisBriefings, crisisEvents, notifications, outboxMails, users } from "../schema";
import { seedDemo } from "../seed";
import { briefingForRecipient, briefingPath, confirmBriefingRead, crisisBriefingRecipientsOf, reportBriefingAction, sendBriefing } from "./briefings";
import { closeCrisis, declareCrisis } from "./crises";
import { verifyBriefingToken } from "@/lib/crisis/briefing-link";
import { reach } from "@/lib/crisis/reach";
import { authSecret } from "@/lib/env";

const NOW = new Date("2026-05-04T10:00:00Z");
const later = (min: number) => new Date(NOW.getTime() + min * 60_000);

for (const backend of availableBackends()) {
  describe(`crisis briefings on ${backend}`, () => {
    let t: TestDb;
    let manager: number;
    let crisisId: number;
    const byEmail = async (email: string) => (await t.db.select().from(advocates).where(eq(advocates.email, email)))[0];

    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedDemo(t.db, NOW);
      [{ id: manager }] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "manager@example.com"));
      crisisId = await declareCrisis(t.db, manager, { title: "Video eines brennenden Getriebes", severity: 2, crisisType: "product_defect", leadId: manager, playbookId: null, channelIds: [], topics: [], startedAt: later(-60) }, NOW);
    });
    afterAll(async () => {
      await t?.dispose();
    });

    const input = (advocateIds: number[]) => ({ message: "Ein Video zeigt angeblich ein brennendes Getriebe.", statement: "Wir prüfen den Fall.", dos: "Auf die Stellungnahme verweisen.", donts: "Nicht spekulieren.", links: ["https://brenner.example/stellungnahme"], advocateIds });

    it("refuses the whole briefing when one chosen advocate withdrew consent, and writes nothing", async () => {
      const revoked = await byEmail("anna.schmidt@example.com");
      const fine = await byEmail("felix.wagner@example.com");
      await expect(sendBriefing(t.db, manager, crisisId, input([fine.id, revoked.id]), NOW)).rejects.toMatchObject({ code: "validation_failed", fieldErrors: { advocateIds: ["crisis.briefing.errors.consent"] } });
      expect(await t.db.select().from(crisisBriefings)).toHaveLength(0);
      expect(await t.db.select().from(outboxMails).where(eq(outboxMails.kind, "crisis_briefing"))).toHaveLength(0);
      await expect(sendBriefing(t.db, manager, crisisId, input([]), NOW)).rejects.toMatchObject({ fieldErrors: { advocateIds: ["crisis.briefing.errors.none"] } });
    });

    it("briefs employees in the app and by mail, externals by mail with their personal link, all queued at once", async () => {
      const employee = await byEmail("felix.wagner@example.com");
      const external = await byEmail("e.rossi@rossi-macchine.example");
      const queued: number[] = [];
      const r = await sendBriefing(t.db, manager, crisisId, input([employee.id, external.id]), NOW, { afterQueue: async (_tx, ids) => void queued.push(...ids) });
      expect(r.recipients).toBe(2);
      const mails = await t.db.select().from(outboxMails).where(eq(outboxMails.kind, "crisis_briefing"));
      expect(mails.map((m) => m.toAddress).sort()).toEqual([employee.email, external.email].sort());
      expect(queued.sort()).toEqual(mails.map((m) => m.id).sort());
      // The partner speaks English: their mail is in English.
      expect(mails.find((m) => m.toAddress === external.email)!.subject).toBe("Asking for your support: Video eines brennenden Getriebes");
      const told = await t.db.select().from(notifications).where(eq(notifications.kind, "crisis_briefing"));
      expect(told.map((n) => n.userId)).toEqual([employee.userId]);
      // Each link names one recipient and verifies; the mail carries it.
      const recipients = await t.db.select().from(crisisBriefingRecipients);
      for (const rec of recipients) {
        const path = briefingPath(rec.id, rec.expiresAt);
        const check = verifyBriefingToken(authSecret(), path.slice("/brief/".length), NOW);
        expect(check).toMatchObject({ ok: true, recipientId: rec.id });
        expect(mails.some((m) => m.textBody.includes(path))).toBe(true);
      }
      const kinds = (await t.db.select().from(crisisEvents).where(eq(crisisEvents.crisisId, crisisId))).map((e) => e.kind);
      expect(kinds).toContain("briefed");
    });

    it("records reading and acting through the link, and the room's reach counts them", async () => {
      const rows = await crisisBriefingRecipientsOf(t.db, crisisId);
      const [first, second] = rows;
      await confirmBriefingRead(t.db, first.id, later(5));
      await confirmBriefingRead(t.db, first.id, later(50)); // once
      await reportBriefingAction(t.db, second.id, { url: "https://www.linkedin.com/posts/elena-rossi-1", note: null }, later(20));
      const view = await briefingForRecipient(t.db, second.id);
      expect(view).toMatchObject({ actionUrl: "https://www.linkedin.com/posts/elena-rossi-1", crisisActive: true });
      expect(view!.readAt).toEqual(later(20));
      const after = await crisisBriefingRecipientsOf(t.db, crisisId);
      expect(after.find((x) => x.id === first.id)!.readAt).toEqual(later(5));
      const r = reach(after);
      expect([r.briefed, r.read, r.acted, r.firstActionMinutes]).toEqual([2, 2, 1, 20]);
      expect(r.perPlatform.find((p) => p.platform === "linkedin")).toEqual({ platform: "linkedin", briefed: 2, read: 2, acted: 1 });
    });

    it("briefs only in an active crisis", async () => {
      await closeCrisis(t.db, manager, crisisId, "Video als Fälschung entlarvt.", later(60));
      const fine = await byEmail("felix.wagner@example.com");
      await expect(sendBriefing(t.db, manager, crisisId, input([fine.id]), later(61))).rejects.toMatchObject({ code: "conflict" });
    });
  });
}
