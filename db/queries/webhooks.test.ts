/**
 * Outbound webhooks against a real HTTP receiver on 127.0.0.1 that checks every signature with
 * the `standardwebhooks` library, on every backend: fan-out to subscribed endpoints once per
 * event, signed delivery, the attempt log and retry schedule for a failing, slow or oversized
 * receiver, disabling after the last attempt, manual redelivery, pseudonymised authors, and the
 * SSRF guard at creation and at delivery.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, webhookAttempts, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { availableBackends, createTestDb, type TestDb } from "@/db/testing";
import { AppError } from "@/lib/errors";
import { authorAlias } from "@/lib/insights/pseudonym";
import { pseudonymSecret } from "@/lib/env";
import type { WebhookEventType } from "@/lib/webhooks/events";
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from "@/lib/webhooks/retry";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  deliverWebhook,
  dueWebhookDeliveries,
  enableWebhookEndpoint,
  enqueueWebhookEvent,
  listWebhookDeliveries,
  listWebhookEndpoints,
  redeliverWebhook,
} from "./webhooks";

interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
}

const local = { allowPrivateNetworks: true };

let server: http.Server;
let base: string;
const received: Received[] = [];
const secrets = new Map<string, string>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      received.push({ path, headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString("utf8") });
      if (path.startsWith("/fail")) {
        res.statusCode = 500;
        res.end("kaputt");
      } else if (path.startsWith("/slow")) {
        setTimeout(() => res.end("late"), 1_500);
      } else if (path.startsWith("/big")) {
        res.end(Buffer.alloc(200 * 1024, 120));
      } else {
        // A receiver as a customer would write it: verify, then 204.
        try {
          new Webhook(secrets.get(path)!).verify(Buffer.concat(chunks).toString("utf8"), req.headers as Record<string, string>);
          res.statusCode = 204;
        } catch {
          res.statusCode = 401;
        }
        res.end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

for (const backend of availableBackends()) {
  describe(`outbound webhooks on ${backend}`, () => {
    let t: TestDb;
    let seq = 0;
    beforeAll(async () => {
      t = await createTestDb(backend);
    });
    afterAll(async () => {
      await t?.dispose();
    });

    async function endpoint(path: string, events: WebhookEventType[] = ["insight.created"], internalCrm = false) {
      const p = `${path}-${++seq}`;
      const created = await createWebhookEndpoint(t.db, null, { url: `${base}${p}`, events: [...events], internalCrm }, local);
      secrets.set(p, created.secret);
      return { ...created, path: p };
    }
    const event = (data: Record<string, unknown> = {}, authorHandle: string | null | undefined = "@kunde.meier") => ({
      type: "insight.created" as const,
      id: `insight.created:${++seq}`,
      data: { insight: { id: seq, category: "complaint" }, ...data },
      authorHandle,
    });
    /** The delivery of an event to one endpoint. */
    async function deliveryFor(endpointId: number, eventId: string) {
      const [row] = await t.db
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.eventId, eventId)));
      return row.id;
    }
    async function fieldErrors(p: Promise<unknown>) {
      const err = await p.then(() => null, (e) => e);
      expect(err).toBeInstanceOf(AppError);
      return (err as AppError).fieldErrors;
    }

    it("generates a Standard Webhooks secret and refuses bad settings with field errors", async () => {
      const created = await endpoint("/ok");
      expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
      expect(await fieldErrors(createWebhookEndpoint(t.db, null, { url: `${base}/x`, events: ["insight.created"], secret: "geheim" }, local))).toEqual({
        secret: ["admin.webhooks.errors.secret"],
      });
      expect(await fieldErrors(createWebhookEndpoint(t.db, null, { url: `${base}/x`, events: [] }, local))).toEqual({ events: ["admin.webhooks.errors.eventsRequired"] });
      expect(await fieldErrors(createWebhookEndpoint(t.db, null, { url: "ftp://example.com/", events: ["alert.opened"] }, local))).toEqual({
        url: ["admin.webhooks.errors.urlScheme"],
      });
    });

    it("refuses 127.0.0.1 without ALLOW_PRIVATE_NETWORKS and 169.254.169.254 always", async () => {
      const forbidden = { url: ["admin.webhooks.errors.urlForbidden"] };
      expect(await fieldErrors(createWebhookEndpoint(t.db, null, { url: `${base}/ok`, events: ["alert.opened"] }, { allowPrivateNetworks: false }))).toEqual(forbidden);
      expect(await fieldErrors(createWebhookEndpoint(t.db, null, { url: "http://169.254.169.254/latest/meta-data/", events: ["alert.opened"] }, local))).toEqual(forbidden);
      expect(await fieldErrors(createWebhookEndpoint(t.db, null, { url: "http://[::ffff:169.254.169.254]/", events: ["alert.opened"] }, local))).toEqual(forbidden);
    });

    it("delivers a signed event once per subscribed endpoint, with the alias and the handle only for an internal CRM", async () => {
      const plain = await endpoint("/ok");
      const crm = await endpoint("/ok", ["insight.created"], true);
      const other = await endpoint("/ok", ["alert.opened"]);
      const now = new Date();
      const e = event();
      const { deliveryIds } = await enqueueWebhookEvent(t.db, e, now);
      const again = await enqueueWebhookEvent(t.db, e, now);
      expect(again.deliveryIds).toEqual(deliveryIds);
      const rows = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, e.id));
      const endpointsHit = rows.map((r) => r.endpointId);
      expect(endpointsHit).toContain(plain.id);
      expect(endpointsHit).toContain(crm.id);
      expect(endpointsHit).not.toContain(other.id);
      expect(new Set(endpointsHit).size).toBe(endpointsHit.length);

      const before = received.length;
      for (const id of deliveryIds) expect((await deliverWebhook(t.db, id, now, local)).outcome).toBe("succeeded");
      // Delivered once: a second call (a retried job) sends nothing.
      expect((await deliverWebhook(t.db, deliveryIds[0], now, local)).outcome).toBe("skipped");
      const got = received.slice(before).filter((r) => r.path === plain.path || r.path === crm.path);
      expect(got).toHaveLength(2);
      const alias = authorAlias("@kunde.meier", pseudonymSecret());
      for (const r of got) {
        expect(r.headers["webhook-id"]).toBe(e.id);
        expect(r.headers["webhook-signature"]).toMatch(/^v1,/);
        const payload = new Webhook(secrets.get(r.path)!).verify(r.body, r.headers) as { type: string; data: { author: unknown; insight: unknown } };
        expect(payload.type).toBe("insight.created");
        expect(payload.data.insight).toEqual(e.data.insight);
        expect(payload.data.author).toEqual(r.path === crm.path ? { alias, handle: "@kunde.meier" } : { alias });
        if (r.path === plain.path) expect(r.body).not.toContain("kunde.meier");
      }
      const [listed] = (await listWebhookEndpoints(t.db)).rows.filter((x) => x.id === plain.id);
      expect(listed).not.toHaveProperty("secret");
      expect(listed.lastDelivery).toMatchObject({ status: "succeeded", statusCode: 204 });
      const log = await listWebhookDeliveries(t.db, plain.id);
      expect(log.rows[0].log).toEqual([expect.objectContaining({ statusCode: 204, error: null })]);
    });

    it("records a failing attempt and backs off: 500, timeout, oversized answer", async () => {
      const now = new Date();
      const cases: [string, RegExp, number | null][] = [
        ["/fail", /HTTP 500: kaputt/, 500],
        ["/slow", /no answer within 300 ms/, null],
        ["/big", /larger than 1024 bytes/, null],
      ];
      for (const [path, message, code] of cases) {
        const ep = await endpoint(path);
        const e = event();
        const { deliveryIds } = await enqueueWebhookEvent(t.db, e, now);
        const mine = { id: await deliveryFor(ep.id, e.id) };
        expect(deliveryIds).toContain(mine.id);
        const out = await deliverWebhook(t.db, mine.id, now, { ...local, timeoutMs: 300, maxResponseBytes: 1024 });
        expect(out).toMatchObject({ outcome: "retry", statusCode: code, retryAt: new Date(now.getTime() + RETRY_DELAYS_MS[0]) });
        expect((out as { error: string }).error).toMatch(message);
        const [attempt] = await t.db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, mine.id));
        expect(attempt).toMatchObject({ statusCode: code, error: expect.stringMatching(message) });
        expect(attempt.durationMs).toBeGreaterThanOrEqual(0);
        // Not due before the backoff has passed; due afterwards.
        expect(await deliverWebhook(t.db, mine.id, now, local)).toEqual({ outcome: "skipped", reason: "not_due" });
        expect(await dueWebhookDeliveries(t.db, new Date(now.getTime() + RETRY_DELAYS_MS[0]))).toContain(mine.id);
      }
    });

    it("gives up after the last attempt over more than 24 hours, disables the endpoint and tells the admins", async () => {
      const ep = await endpoint("/fail", ["alert.opened"]);
      const start = new Date();
      const eventId = `alert.opened:${++seq}`;
      await enqueueWebhookEvent(t.db, { type: "alert.opened", id: eventId, data: { alert: { id: 1 } } }, start);
      const id = await deliveryFor(ep.id, eventId);
      let now = start;
      let out = await deliverWebhook(t.db, id, now, local);
      for (let i = 1; i < MAX_ATTEMPTS; i++) {
        expect(out.outcome).toBe("retry");
        now = (out as { retryAt: Date }).retryAt;
        out = await deliverWebhook(t.db, id, now, local);
      }
      expect(out).toMatchObject({ outcome: "failed", statusCode: 500, endpointDisabled: true });
      expect(now.getTime() - start.getTime()).toBeGreaterThan(24 * 3_600_000);
      const [row] = await t.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, ep.id));
      expect(row.disabledAt).toEqual(now);
      expect(row.disabledReason).toMatch(/8 failed attempts in a row/);
      const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "webhook.disable"), eq(auditLog.entityId, String(ep.id))));
      expect(audit).toHaveLength(1);
      expect((await listWebhookEndpoints(t.db)).rows.find((r) => r.id === ep.id)?.status).toBe("disabled");
      expect(await t.db.$count(webhookAttempts, eq(webhookAttempts.deliveryId, id))).toBe(MAX_ATTEMPTS);

      // A disabled endpoint gets no new events and no redelivery until it is enabled again.
      await enqueueWebhookEvent(t.db, { type: "alert.opened", id: `alert.opened:${++seq}`, data: {} }, now);
      expect(await t.db.$count(webhookDeliveries, and(eq(webhookDeliveries.endpointId, ep.id), eq(webhookDeliveries.eventId, `alert.opened:${seq}`)))).toBe(0);
      await expect(redeliverWebhook(t.db, null, id, now)).rejects.toMatchObject({ code: "conflict" });
      await enableWebhookEndpoint(t.db, null, ep.id, now);
      // Fixed receiver (same endpoint, now pointing at the verifying path): redeliver succeeds.
      await t.db.update(webhookEndpoints).set({ url: `${base}${ep.path.replace("/fail", "/ok")}` }).where(eq(webhookEndpoints.id, ep.id));
      secrets.set(ep.path.replace("/fail", "/ok"), ep.secret);
      // (The receiver checks the signature's timestamp against its own clock.)
      const real = new Date();
      await redeliverWebhook(t.db, null, id, real);
      expect(await deliverWebhook(t.db, id, real, local)).toMatchObject({ outcome: "succeeded", statusCode: 204 });
      const [after] = await t.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, ep.id));
      expect(after.consecutiveFailures).toBe(0);
    });

    it("checks the address again at delivery", async () => {
      const ep = await endpoint("/ok", ["guideline.published"]);
      const now = new Date();
      const eventId = `g:${++seq}`;
      await enqueueWebhookEvent(t.db, { type: "guideline.published", id: eventId, data: {} }, now);
      const deliveryIds = [await deliveryFor(ep.id, eventId)];
      const out = await deliverWebhook(t.db, deliveryIds[0], now, { allowPrivateNetworks: false });
      expect(out).toMatchObject({ outcome: "retry", statusCode: null, error: expect.stringMatching(/127\.0\.0\.1 \(loopback\), which is not allowed/) });
      // Metadata addresses stay refused even with private networks allowed.
      await t.db.update(webhookEndpoints).set({ url: "http://169.254.169.254/latest/meta-data/" }).where(eq(webhookEndpoints.id, ep.id));
      const later = new Date(now.getTime() + RETRY_DELAYS_MS[0]);
      expect(await deliverWebhook(t.db, deliveryIds[0], later, local)).toMatchObject({ outcome: "retry", error: expect.stringMatching(/metadata/) });
    });

    it("deletes an endpoint with its deliveries and log", async () => {
      const ep = await endpoint("/ok", ["alert.resolved"]);
      const now = new Date();
      const eventId = `a:${++seq}`;
      await enqueueWebhookEvent(t.db, { type: "alert.resolved", id: eventId, data: {} }, now);
      const deliveryIds = [await deliveryFor(ep.id, eventId)];
      await deliverWebhook(t.db, deliveryIds[0], now, local);
      await deleteWebhookEndpoint(t.db, null, ep.id);
      expect(await t.db.$count(webhookDeliveries, eq(webhookDeliveries.endpointId, ep.id))).toBe(0);
      expect(await t.db.$count(webhookAttempts, eq(webhookAttempts.deliveryId, deliveryIds[0]))).toBe(0);
      await expect(deleteWebhookEndpoint(t.db, null, ep.id)).rejects.toMatchObject({ code: "not_found" });
    });
  });
}
