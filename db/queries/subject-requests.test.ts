import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { advocates, auditLog, insightEvents, insights, notifications, outboxMails, subjectRequests, users, webhookDeliveries, webhookEndpoints } from "../schema";
import { seedDemo } from "../seed";
import {
  completeAccessRequest,
  createSubjectRequest,
  eraseSubject,
  findSubjectTraces,
  getSubjectRequest,
  listSubjectRequests,
} from "./subject-requests";
import { pgHandleRegex } from "@/lib/privacy/subject";

const NOW = new Date("2026-05-04T10:00:00Z");
// A handle that appears nowhere in the demo company, and one that merely starts like it.
const HANDLE = "jana_k_dsr";
const OTHER = "jana_k_dsrx";

/** Every text, varchar, array and JSON column of every table, searched for `needle` as a whole word (case-insensitive). */
async function everywhere(t: TestDb, needle: string): Promise<string[]> {
  const cols = await t.db.execute(sql`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`);
  const found: string[] = [];
  for (const c of cols.rows as { table_name: string; column_name: string }[]) {
    const res = await t.db.execute(
      sql`select count(*)::int as n from ${sql.raw(`"${c.table_name}"`)} where ${sql.raw(`"${c.column_name}"`)}::text ~* ${pgHandleRegex(needle)}`,
    );
    if (Number((res.rows[0] as { n: number }).n) > 0) found.push(`${c.table_name}.${c.column_name}`);
  }
  return found;
}

for (const backend of availableBackends()) {
  describe(`data subject requests on ${backend}`, () => {
    let t: TestDb;
    let manager: number;
    let own: number[];

    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedDemo(t.db, NOW);
      [{ id: manager }] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "manager@example.com"));
      const base = { source: "test", platform: "instagram" as const, occurredAt: NOW, category: "complaint" as const, sentiment: "negative" as const };
      const rows = await t.db
        .insert(insights)
        .values([
          { ...base, externalId: "dsr-1", text: "Mein Paket ist kaputt angekommen.", authorHandle: `@${HANDLE}`, url: `https://instagram.com/p/${HANDLE}-1` },
          { ...base, externalId: "dsr-2", text: "Immer noch keine Antwort!", authorHandle: HANDLE, resolutionNote: `Rückruf bei ${HANDLE} erledigt` },
          { ...base, externalId: "dsr-3", text: `@${HANDLE} hat völlig recht`, authorHandle: "someone_else" },
          { ...base, externalId: "dsr-4", text: "Ein anderer Mensch.", authorHandle: OTHER },
          { ...base, platform: "x", externalId: "dsr-5", text: "Gleicher Name, andere Plattform.", authorHandle: HANDLE },
        ])
        .returning({ id: insights.id });
      own = [rows[0].id, rows[1].id];
      await t.db.insert(insightEvents).values([
        { insightId: own[0], type: "commented", actorId: manager, note: `Kundin @${HANDLE} angeschrieben` },
        { insightId: rows[3].id, type: "commented", actorId: manager, note: "nichts Besonderes" },
      ]);
      await t.db.insert(notifications).values({ userId: manager, kind: "insight_routed", eventId: "dsr-n1", insightId: own[0], data: { excerpt: `von @${HANDLE}` } });
      await t.db.insert(auditLog).values({ actorId: manager, action: "insight.update", entityType: "insight", entityId: String(own[1]), after: { authorHandle: HANDLE } });
      await t.db.insert(advocates).values({ kind: "fan", name: "Jana K.", email: "jana.k.dsr@mail.example", platforms: [{ platform: "instagram", handle: `@${HANDLE}` }] });
      const [ep] = await t.db.insert(webhookEndpoints).values({ url: "https://crm.example/hook", events: ["insight.routed"], secret: "whsec_test" }).returning({ id: webhookEndpoints.id });
      await t.db.insert(webhookDeliveries).values([
        { endpointId: ep.id, eventType: "insight.routed", eventId: "e-1", payload: { insight: { authorHandle: HANDLE } }, status: "succeeded" },
        { endpointId: ep.id, eventType: "insight.routed", eventId: "e-2", payload: { insight: { authorHandle: OTHER } }, status: "succeeded" },
      ]);
      await t.db.insert(outboxMails).values({
        toAddress: "manager@example.com",
        locale: "de",
        kind: "insight_routed",
        subject: "Neuer Hinweis",
        textBody: `Von @${HANDLE}: Mein Paket …`,
        htmlBody: `<p>Von @${HANDLE}</p>`,
        dedupeKey: "dsr-mail",
        status: "sent",
      });
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("finds every trace of the author, on this platform, and nothing of others", async () => {
      const traces = await findSubjectTraces(t.db, "instagram", HANDLE);
      expect(traces.insights.map((i) => i.id)).toEqual(own);
      expect(traces.insights[0].history.map((h) => h.note)).toEqual([`Kundin @${HANDLE} angeschrieben`]);
      expect(traces.mentions.map((m) => m.place).sort()).toEqual(["audit_log.after", "insights.text", "notifications.data"]);
      expect(traces.advocates).toHaveLength(1);
      expect(traces.webhookDeliveries).toHaveLength(1);
      expect(traces.mails).toHaveLength(1);
      expect(JSON.stringify(traces)).not.toContain(OTHER);
      expect(JSON.stringify(traces)).not.toContain("Gleicher Name");
    });

    it("records an access request without the handle, and drops the handle when it is completed", async () => {
      const { id } = await createSubjectRequest(t.db, manager, { kind: "access", platform: "instagram", handle: `@${HANDLE}`, note: "Brief vom 2. Mai" }, NOW);
      const open = await getSubjectRequest(t.db, id);
      expect(open).toMatchObject({ handle: HANDLE, handleMasked: "j***r", status: "open" });
      await completeAccessRequest(t.db, manager, id, NOW);
      const done = await getSubjectRequest(t.db, id);
      expect(done).toMatchObject({ handle: null, status: "completed", outcome: { insights: 2, advocates: 1, webhookDeliveries: 1, mails: 1 } });
      await expect(completeAccessRequest(t.db, manager, id, NOW)).rejects.toMatchObject({ code: "conflict" });
      expect((await listSubjectRequests(t.db))[0].id).toBe(id);
    });

    it("refuses what cannot be a handle", async () => {
      await expect(createSubjectRequest(t.db, manager, { kind: "access", platform: "x", handle: ' "x" ', note: null })).rejects.toMatchObject({
        code: "validation_failed",
      });
    });

    it("erasure leaves the handle nowhere in the database, and the figures as they were", async () => {
      const before = await t.db.select({ n: count() }).from(insights);
      const { id } = await createSubjectRequest(t.db, manager, { kind: "erasure", platform: "instagram", handle: HANDLE, note: null }, NOW);
      const outcome = await eraseSubject(t.db, manager, id, NOW);
      expect(outcome).toMatchObject({ insights: 2, advocates: 1, webhookDeliveries: 1, mails: 1 });
      // The other platform's author of the same name is someone else: untouched, like the near-namesake.
      expect(await everywhere(t, HANDLE)).toEqual(await stillThere(t));
      expect((await everywhere(t, OTHER)).sort()).toEqual(["insights.author_handle", "webhook_deliveries.payload"]);
      expect(await t.db.select({ n: count() }).from(insights)).toEqual(before);
      const [first] = await t.db.select().from(insights).where(eq(insights.id, own[0]));
      expect(first).toMatchObject({ text: "", authorHandle: null, url: null, category: "complaint", anonymizedAt: NOW });
      const [mention] = await t.db.select({ text: insights.text }).from(insights).where(eq(insights.externalId, "dsr-3"));
      expect(mention.text).toBe("@[gelöscht] hat völlig recht");
      const [req] = await t.db.select().from(subjectRequests).where(eq(subjectRequests.id, id));
      expect(req).toMatchObject({ status: "completed", handleSealed: null });
    });
  });
}

/** Where the handle may still stand after the erasure: only the other platform's namesake's insight. */
async function stillThere(t: TestDb): Promise<string[]> {
  const rows = await t.db.execute(sql`select count(*)::int as n from insights where platform = 'x' and author_handle = ${HANDLE}`);
  return Number((rows.rows[0] as { n: number }).n) === 1 ? ["insights.author_handle"] : [];
}
