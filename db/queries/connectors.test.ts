/**
 * The connector register and feed runs against a fixture feed server on 127.0.0.1, on every
 * backend: secrets sealed and never shown, SSRF refused at saving, a poll storing new items once
 * (routed by the existing rules), a re-poll storing nothing (304, or the same items again), a
 * failing source backing off and pausing after five failures, and two runs never taking the same
 * connector.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, channels, connectors, departments, insightEvents, insights, notifications, routingRules, users } from "@/db/schema";
import { seedChannels } from "@/db/seed/channels";
import { seedFoundation } from "@/db/seed/foundation";
import { availableBackends, createTestDb, type TestDb } from "@/db/testing";
import { connectorSource } from "@/lib/connectors/to-intake";
import { CONNECTOR_PAUSE_AFTER } from "@/lib/enums";
import { AppError } from "@/lib/errors";
import { createConnectorSchema, updateConnectorSchema } from "@/lib/schemas/connectors";
import { connectorPaused } from "@/lib/jobs/events";
import { backoffMinutes, runConnector } from "./connector-runs";
import { notifyConnectorPaused } from "./notifications";
import { connectorSecrets, createConnector, deleteConnector, getConnector, listConnectorRuns, listConnectors, updateConnector } from "./connectors";

const NOW = new Date("2026-06-15T10:00:00Z");
const local = { allowPrivateNetworks: true };
const minutes = (m: number) => new Date(NOW.getTime() + m * 60_000);

/** What the fixture feed serves: its items and its version (the ETag). */
const feed = { version: 1, items: [] as { id: string; title: string; text: string }[], failing: false };
let requests = 0;

function rss() {
  const items = feed.items
    .map((i) => `<item><guid isPermaLink="false">${i.id}</guid><title>${i.title}</title><description><![CDATA[<p>${i.text}</p>]]></description><pubDate>Mon, 15 Jun 2026 08:00:00 +0000</pubDate><dc:creator>Kundin ${i.id}</dc:creator></item>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Produktblog – Kommentare</title>${items}</channel></rss>`;
}

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests++;
    if (feed.failing) {
      res.writeHead(503, { "content-type": "text/html" });
      res.end("<html><body>Wartung</body></html>");
      return;
    }
    const etag = `"v${feed.version}"`;
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag });
    res.end(rss());
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

for (const backend of availableBackends()) {
  describe(`connectors on ${backend}`, () => {
    let t: TestDb;
    let channelId: number;
    let serviceId: number;
    beforeAll(async () => {
      t = await createTestDb(backend);
      await t.db.transaction(async (tx) => {
        await seedFoundation(tx);
        await seedChannels(tx, NOW);
      });
      [{ id: channelId }] = await t.db.select({ id: channels.id }).from(channels).orderBy(asc(channels.id)).limit(1);
      [{ id: serviceId }] = await t.db.select({ id: departments.id }).from(departments).where(eq(departments.slug, "kundenservice"));
      await t.db.insert(routingRules).values({ name: "Getriebe an den Kundenservice", position: 1, keywords: ["Getriebe"], departmentId: serviceId, slaHours: 24 });
    });
    afterAll(async () => {
      await t?.dispose();
    });
    beforeEach(() => {
      feed.version = 1;
      feed.items = [];
      feed.failing = false;
    });

    const newFeed = async (name = "Produktblog") =>
      (await createConnector(t.db, null, createConnectorSchema.parse({ kind: "feed", name, channelId, category: "product_feedback", url: `${base}/feed` }), NOW, local)).connector;
    async function fieldErrors(p: Promise<unknown>) {
      const err = await p.then(() => null, (e) => e);
      expect(err).toBeInstanceOf(AppError);
      return (err as AppError).fieldErrors;
    }

    it("seals secrets, shows which are set but never their values, and keeps them out of the audit log", async () => {
      const input = createConnectorSchema.parse({ kind: "youtube", name: "YouTube", channelId, apiKey: "AIza-geheimer-schluessel", youtubeChannelId: "UC_x5XG1OV2P6uZZ5FSM9Ttw" });
      const { connector } = await createConnector(t.db, null, input, NOW, local);
      expect(connector).toMatchObject({ kind: "youtube", secrets: ["apiKey"], youtubeChannelId: "UC_x5XG1OV2P6uZZ5FSM9Ttw", nextRunAt: NOW });
      expect(JSON.stringify(connector)).not.toContain("geheimer");
      const [row] = await t.db.select().from(connectors).where(eq(connectors.id, connector.id));
      expect(JSON.stringify(row.secrets)).not.toContain("geheimer");
      expect(connectorSecrets(row)).toEqual({ apiKey: "AIza-geheimer-schluessel" });
      const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "connector"), eq(auditLog.entityId, String(connector.id))));
      expect(JSON.stringify(audit)).not.toContain("geheimer");
      // A sealed secret moved to another connector does not open there.
      const other = await newFeed("Anderer");
      expect(() => connectorSecrets({ id: other.id, secrets: row.secrets })).toThrow();
      // Replacing it: the new value, still not in the log.
      await updateConnector(t.db, null, connector.id, updateConnectorSchema.parse({ apiKey: "AIza-neuer-schluessel" }), NOW, local);
      const [after] = await t.db.select().from(connectors).where(eq(connectors.id, connector.id));
      expect(connectorSecrets(after).apiKey).toBe("AIza-neuer-schluessel");
      const log = await t.db.select().from(auditLog).where(eq(auditLog.entityType, "connector"));
      expect(JSON.stringify(log)).not.toContain("neuer-schluessel");
      expect(JSON.stringify(log)).toContain("secretsReplaced");
    });

    it("gives a generic webhook connector a signing secret once and refuses SSRF addresses with a field error", async () => {
      const { connector, signingSecret } = await createConnector(t.db, null, createConnectorSchema.parse({ kind: "webhook", name: "Listening-Suite", channelId }), NOW, local);
      expect(signingSecret).toMatch(/^whsec_/);
      expect(connector.secrets).toEqual([]);
      expect(connector.nextRunAt).toBeNull();
      const forbidden = { url: ["connectors.errors.urlForbidden"] };
      const input = (url: string) => createConnectorSchema.parse({ kind: "feed", name: "x", channelId, url });
      expect(await fieldErrors(createConnector(t.db, null, input("http://169.254.169.254/latest/meta-data/"), NOW, local))).toEqual(forbidden);
      expect(await fieldErrors(createConnector(t.db, null, input(`${base}/feed`), NOW, { allowPrivateNetworks: false }))).toEqual(forbidden);
      expect(await fieldErrors(createConnector(t.db, null, { ...input(`${base}/feed`), channelId: 999_999 }, NOW, local))).toEqual({ channelId: ["connectors.errors.channel"] });
      // A PATCH cannot take a feed's address away.
      const f = await newFeed();
      expect(await fieldErrors(updateConnector(t.db, null, f.id, { url: null }, NOW, local))).toEqual({ url: ["connectors.errors.feedUrl"] });
    });

    it("stores a feed's items once, routed by the rules, and a re-poll stores nothing", async () => {
      const c = await newFeed();
      feed.items = [
        { id: "c1", title: "Von: Jürgen", text: "Das Getriebe macht ein lautes Geräusch." },
        { id: "c2", title: "Von: Maria", text: "Tolle Anleitung, danke!" },
      ];
      expect(await runConnector(t.db, c.id, "schedule", NOW, { fetch: local })).toEqual({ outcome: "ok", fetched: 2, created: 2, duplicates: 0 });
      const stored = await t.db.select().from(insights).where(eq(insights.source, connectorSource(c.id))).orderBy(asc(insights.externalId));
      expect(stored.map((i) => [i.externalId, i.channelId, i.category, i.status, i.departmentId, i.authorHandle])).toEqual([
        ["c1", channelId, "product_feedback", "routed", serviceId, "Kundin c1"],
        ["c2", channelId, "product_feedback", "triage", null, "Kundin c2"],
      ]);
      expect(stored[0].text).toBe("Von: Jürgen\n\nDas Getriebe macht ein lautes Geräusch.");
      const [received] = await t.db.select().from(insightEvents).where(and(eq(insightEvents.insightId, stored[0].id), eq(insightEvents.type, "received")));
      expect(received.note).toBe("connector:Produktblog");

      // Unchanged (ETag): 304, nothing stored. Not yet due: a scheduled run leaves it alone.
      expect(await runConnector(t.db, c.id, "schedule", minutes(5), { fetch: local })).toMatchObject({ outcome: "skipped" });
      expect(await runConnector(t.db, c.id, "schedule", minutes(15), { fetch: local })).toEqual({ outcome: "not_modified", fetched: 0, created: 0, duplicates: 0 });
      // Changed: one new item among the known ones.
      feed.version = 2;
      feed.items.push({ id: "c3", title: "Von: Ali", text: "Wann kommt das Update?" });
      expect(await runConnector(t.db, c.id, "manual", minutes(16), { fetch: local })).toEqual({ outcome: "ok", fetched: 3, created: 1, duplicates: 2 });
      const dto = (await getConnector(t.db, c.id))!;
      expect(dto).toMatchObject({ status: "ok", consecutiveFailures: 0, lastSuccessAt: minutes(16), nextRunAt: minutes(31), totals: { runs: 3, fetched: 5, created: 3, duplicates: 2 } });
      const runs = await listConnectorRuns(t.db, c.id);
      expect(runs.map((r) => [r.trigger, r.outcome, r.created])).toEqual([
        ["manual", "ok", 1],
        ["schedule", "not_modified", 0],
        ["schedule", "ok", 2],
      ]);
    });

    it("backs off after failures, says why, pauses after five in a row, and runs again when resumed", async () => {
      const c = await newFeed("Wackliger Feed");
      feed.failing = true;
      let at = NOW;
      for (let failure = 1; failure <= CONNECTOR_PAUSE_AFTER; failure++) {
        const r = await runConnector(t.db, c.id, "schedule", at, { fetch: local });
        expect(r).toMatchObject({ outcome: "failed", errorCode: "http_status", paused: failure === CONNECTOR_PAUSE_AFTER });
        const dto = (await getConnector(t.db, c.id))!;
        expect(dto.consecutiveFailures).toBe(failure);
        expect(dto.lastErrorCode).toBe("http_status");
        if (failure < CONNECTOR_PAUSE_AFTER) {
          expect(dto.status).toBe("failing");
          expect(dto.nextRunAt).toEqual(new Date(at.getTime() + backoffMinutes(15, failure) * 60_000));
          at = dto.nextRunAt!;
        } else {
          expect(dto).toMatchObject({ status: "paused", pausedReason: "failures", nextRunAt: null });
        }
      }
      expect(backoffMinutes(15, 1)).toBe(15);
      expect(backoffMinutes(15, 4)).toBe(120);
      expect(backoffMinutes(15, 20)).toBe(24 * 60);
      expect(backoffMinutes(15, 1, 3600)).toBe(60);
      // The managers are told, once per pause, with a link to the channel.
      const managers = (await t.db.select({ id: users.id }).from(users).where(and(eq(users.role, "manager"), eq(users.active, true)))).map((u) => u.id).sort();
      const event = connectorPaused(c.id, at);
      expect((await notifyConnectorPaused(t.db, event)).told).toBe(managers.length);
      expect((await notifyConnectorPaused(t.db, event)).told).toBe(0);
      const told = await t.db.select({ userId: notifications.userId, data: notifications.data }).from(notifications).where(eq(notifications.eventId, event.id));
      expect(told.map((n) => n.userId).sort()).toEqual(managers);
      expect(told[0].data).toMatchObject({ subject: "Wackliger Feed", href: `/channels/${channelId}` });
      // Paused: no scheduled run, and "run now" says to resume first.
      expect(await runConnector(t.db, c.id, "schedule", minutes(10_000), { fetch: local })).toMatchObject({ outcome: "skipped" });
      expect(await fieldErrors(runConnector(t.db, c.id, "manual", minutes(10_000), { fetch: local }))).toEqual({ paused: ["connectors.errors.pausedRun"] });
      // Resumed and fixed: due at once, and the next run clears the failures.
      feed.failing = false;
      feed.items = [{ id: "w1", title: "Wieder da", text: "Alles gut." }];
      const resumed = await updateConnector(t.db, null, c.id, { paused: false }, minutes(10_000), local);
      expect(resumed).toMatchObject({ status: "ok", consecutiveFailures: 0, nextRunAt: minutes(10_000) });
      expect(await runConnector(t.db, c.id, "schedule", minutes(10_000), { fetch: local })).toMatchObject({ outcome: "ok", created: 1 });
      // Resumed before the job ran: nobody is told of the old pause.
      expect((await notifyConnectorPaused(t.db, connectorPaused(c.id, minutes(1)))).told).toBe(0);
    });

    it("lets only one of two simultaneous runs take a connector", async () => {
      const c = await newFeed("Doppelt");
      feed.items = [{ id: "d1", title: "Einmal", text: "Nur einmal speichern." }];
      const before = requests;
      const results = await Promise.all([runConnector(t.db, c.id, "schedule", NOW, { fetch: local }), runConnector(t.db, c.id, "schedule", NOW, { fetch: local })]);
      expect(results.map((r) => r.outcome).sort()).toEqual(["ok", "skipped"]);
      expect(requests - before).toBe(1);
    });

    it("pauses by hand, lists by channel, and deletes with the run history while the insights stay", async () => {
      const c = await newFeed("Zum Löschen");
      feed.items = [{ id: "x1", title: "Bleibt", text: "Dieser Hinweis bleibt." }];
      await runConnector(t.db, c.id, "manual", NOW, { fetch: local });
      const paused = await updateConnector(t.db, null, c.id, { paused: true }, NOW, local);
      expect(paused).toMatchObject({ status: "paused", pausedReason: "manual", nextRunAt: null });
      const list = await listConnectors(t.db, { channelId });
      expect(list.rows.map((r) => r.id)).toContain(c.id);
      await deleteConnector(t.db, null, c.id);
      expect(await getConnector(t.db, c.id)).toBeNull();
      expect(await listConnectorRuns(t.db, c.id)).toEqual([]);
      expect(await t.db.select().from(insights).where(eq(insights.source, connectorSource(c.id)))).toHaveLength(1);
      await expect(deleteConnector(t.db, null, c.id)).rejects.toMatchObject({ code: "not_found" });
    });
  });
}
