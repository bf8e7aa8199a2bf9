/**
 * Outbound webhooks end to end, on every backend: the app's own write paths (intake, accepting
 * and resolving an insight, a KPI value past its threshold, publishing a guideline) emit domain
 * events; the jobs (`webhooks.dispatch`, `webhooks.deliver`, `webhooks.sweep`, run with
 * `JobRunner.drain()` on a test clock) turn them into signed requests to a real HTTP receiver on
 * 127.0.0.1 that verifies each signature with the `standardwebhooks` library. Also: retries on the
 * delivery's schedule, pseudonymised authors, no double delivery by job and sweep, and no jobs
 * at all while nobody subscribed.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { businessProcesses, departments, routingRules, users, webhookDeliveries, webhookEndpoints } from "../schema";
import { seedFoundation } from "../seed/foundation";
import { changeVersionStatus, createGuideline } from "./guidelines";
import { acceptInsight, closeLoop, resolveInsight } from "./insight-actions";
import { ingestBody } from "./insight-intake";
import { createKpi } from "./kpis";
import { recordMeasurements } from "./measurements";
import { createWebhookEndpoint, enqueueWebhookEvent } from "./webhooks";
import { env, pseudonymSecret } from "@/lib/env";
import { authorAlias } from "@/lib/insights/pseudonym";
import { SWEEP_GRACE_MS, sweepWebhookDeliveries, webhooksDeliverJob } from "@/lib/jobs/definitions/webhooks-dispatch";
import { enqueue } from "@/lib/jobs/enqueue";
import { JOB_SCHEMA } from "@/lib/jobs/pg";
import { JobRunner } from "@/lib/jobs/runner";
import { addDays, periodStart, todayIn } from "@/lib/kpis/periods";
import { webhookPayloads } from "@/lib/webhooks/api";
import type { WebhookEventType } from "@/lib/webhooks/events";
import { RETRY_DELAYS_MS } from "@/lib/webhooks/retry";

interface Received {
  path: string;
  id: string;
  type: string;
  body: Record<string, unknown>;
  verified: boolean;
}

let server: http.Server;
let base: string;
let received: Received[] = [];
const secrets = new Map<string, string>();
/** Paths that answer 500 this many more times before they answer 204. */
const failuresLeft = new Map<string, number>();
const wasPrivate = env.ALLOW_PRIVATE_NETWORKS;

beforeAll(async () => {
  // The receiver runs on loopback, which only ALLOW_PRIVATE_NETWORKS lets through.
  env.ALLOW_PRIVATE_NETWORKS = true;
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      const raw = Buffer.concat(chunks).toString("utf8");
      const headers = req.headers as Record<string, string>;
      let verified = false;
      try {
        new Webhook(secrets.get(path)!).verify(raw, headers);
        verified = true;
      } catch {
        verified = false;
      }
      const body = JSON.parse(raw) as Record<string, unknown>;
      received.push({ path, id: headers["webhook-id"], type: String(body.type), body, verified });
      const fails = failuresLeft.get(path) ?? 0;
      if (fails > 0) {
        failuresLeft.set(path, fails - 1);
        res.statusCode = 500;
        res.end("busy");
        return;
      }
      res.statusCode = verified ? 204 : 401;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  env.ALLOW_PRIVATE_NETWORKS = wasPrivate;
  await new Promise<void>((r) => server.close(() => r()));
});

for (const backend of availableBackends()) {
  describe(`outbound webhooks from the app's events on ${backend}`, () => {
    let t: TestDb;
    let runner: JobRunner;
    // pg-boss decides by the database's clock when a job is due, so each test's clock starts half
    // a minute past the real time (nothing here depends on the date; receivers accept timestamps
    // within 5 minutes): a retry's job, due 5 s after that, waits for pg-boss as it waits for the
    // handlers, however slow the machine, until a test moves both on (`advance`).
    let T0 = new Date();
    let clock = T0;
    let service: number;
    let head: { id: number; role: "department_head"; departmentId: number };
    let managerId: number;
    let seq = 0;

    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedFoundation(t.db);
      [{ id: service }] = await t.db.select({ id: departments.id }).from(departments).where(eq(departments.slug, "kundenservice"));
      const [h] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "head.service@example.com"));
      head = { id: h.id, role: "department_head", departmentId: service };
      [{ id: managerId }] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "manager@example.com"));
      await t.db.insert(routingRules).values({ name: "Reklamationen", position: 1, departmentId: service, keywords: ["reklamation"], slaHours: 8 });
      runner = await new JobRunner({ conn: t, clock: () => clock, work: false, schedule: false }).start();
    });
    afterAll(async () => {
      await runner?.stop({ graceful: false });
      await t?.dispose();
    });
    beforeEach(async () => {
      // Each test listens with endpoints of its own.
      await t.db.update(webhookEndpoints).set({ disabledAt: clock, disabledReason: "test over" });
      received = [];
      T0 = new Date(Date.now() + 30_000);
      clock = T0;
    });

    async function endpoint(events: WebhookEventType[], opts: { internalCrm?: boolean; failures?: number } = {}) {
      const path = `/hook-${++seq}`;
      const created = await createWebhookEndpoint(t.db, null, { url: `${base}${path}`, events, internalCrm: opts.internalCrm });
      secrets.set(path, created.secret);
      if (opts.failures) failuresLeft.set(path, opts.failures);
      return { ...created, path };
    }
    const post = (text: string, authorHandle = "@kunde.meier") =>
      ingestBody(
        t.db,
        { via: "api", userId: null, label: "test" },
        { source: "wh-test", externalId: `wh-${++seq}`, platform: "forum", occurredAt: new Date(Date.now() - 60_000).toISOString(), text, category: "complaint", authorHandle },
        clock,
      );
    const at = (path: string) => received.filter((r) => r.path === path);
    const jobsOf = async (name: string) =>
      Number(
        ((await t.db.execute(sql`select count(*) as n from ${sql.raw(JOB_SCHEMA)}.job where name = ${name}`)).rows[0] as { n: string | number }).n,
      );
    /** Moves the clock on, and lets pg-boss (which goes by the database's clock) see the waiting delivery jobs as due too. */
    async function advance(ms: number) {
      clock = new Date(clock.getTime() + ms);
      await t.db.execute(sql`update ${sql.raw(JOB_SCHEMA)}.job set start_after = now() where name = 'webhooks.deliver' and state = 'created'`);
    }

    it("tells a receiver about an insight posted, accepted, resolved and its loop closed, signed, while a dead endpoint holds nothing up", async () => {
      const ep = await endpoint(["insight.created", "insight.routed", "insight.status_changed"]);
      // Nothing listens on port 9: every attempt there fails, and no action may notice.
      const dead = await createWebhookEndpoint(t.db, null, { url: "http://127.0.0.1:9/dead", events: ["insight.created", "insight.status_changed"] });
      const intake = await post("Reklamation: das Getriebe ist defekt");
      const id = intake.items[0].id!;
      expect(intake.items[0].departmentId).toBe(service);
      await acceptInsight(t.db, head, id, clock);
      await resolveInsight(t.db, head, id, { note: "Getriebe getauscht", externalReference: "SAP-4711" }, clock);
      await closeLoop(t.db, { id: managerId, role: "manager", departmentId: null }, id, clock);
      // The actions are done; nothing has been sent yet, only jobs wait.
      expect(at(ep.path)).toEqual([]);
      const drained = await runner.drain();
      expect(drained.failed).toBe(0);

      const got = at(ep.path);
      expect(got.every((r) => r.verified)).toBe(true);
      expect(got.map((r) => r.type).sort()).toEqual(["insight.created", "insight.routed", "insight.status_changed", "insight.status_changed", "insight.status_changed"]);
      for (const r of got) expect(() => webhookPayloads[r.type as WebhookEventType].parse(r.body)).not.toThrow();
      const created = got.find((r) => r.type === "insight.created")!.body.data as Record<string, unknown>;
      expect(created.insight).toMatchObject({ id, status: "routed", category: "complaint", departmentId: service });
      expect(String((created.insight as { url: string }).url)).toMatch(new RegExp(`/insights/${id}$`));
      const routed = got.find((r) => r.type === "insight.routed")!.body.data as Record<string, unknown>;
      expect(routed).toMatchObject({ insight: { id, status: "routed", departmentId: service }, fromDepartmentId: null });
      const changes = got.filter((r) => r.type === "insight.status_changed").map((r) => r.body.data as Record<string, unknown>);
      expect(changes.map((c) => [c.change, (c.insight as { status: string }).status, c.externalRef])).toEqual(
        expect.arrayContaining([
          ["accepted", "accepted", null],
          ["resolved", "resolved", "SAP-4711"],
          ["loop_closed", "resolved", "SAP-4711"],
        ]),
      );
      // The dead endpoint's deliveries wait for their next attempt; no job failed for it.
      const deadOnes = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, dead.id));
      expect(deadOnes.length).toBe(4);
      expect(deadOnes.every((d) => d.status === "pending" && d.attempts === 1 && d.lastStatusCode === null)).toBe(true);
      // One webhook id per happening; a second drain sends nothing again.
      expect(new Set(got.map((r) => r.id)).size).toBe(got.length);
      await runner.drain();
      expect(at(ep.path).length).toBe(got.length);
    });

    it("sends the author's alias, and the handle only to an endpoint marked as internal CRM", async () => {
      const plain = await endpoint(["insight.created"]);
      const crm = await endpoint(["insight.created"], { internalCrm: true });
      await post("Frage zur Lieferung", "@anna.schmidt");
      await runner.drain();
      const alias = authorAlias("@anna.schmidt", pseudonymSecret());
      const [p] = at(plain.path);
      const [c] = at(crm.path);
      expect((p.body.data as { author: unknown }).author).toEqual({ alias });
      expect(JSON.stringify(p.body)).not.toContain("anna.schmidt");
      expect((c.body.data as { author: unknown }).author).toEqual({ alias, handle: "@anna.schmidt" });
    });

    it("sends alert.opened, alert.escalated and alert.resolved as a KPI value crosses its thresholds and recovers", async () => {
      const ep = await endpoint(["alert.opened", "alert.escalated", "alert.resolved"]);
      await t.db.insert(businessProcesses).values({ departmentId: service, name: `Service ${++seq}` }).onConflictDoNothing();
      const [proc] = await t.db.select({ id: businessProcesses.id }).from(businessProcesses).where(eq(businessProcesses.departmentId, service)).limit(1);
      const kpi = await createKpi(t.db, managerId, {
        businessProcessId: proc.id,
        name: `Antwortquote ${seq}`,
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
      const write = (value: number) => recordMeasurements(t.db, { userId: managerId, scope: { all: true } }, [{ kpiId: kpi.id, measuredOn: lastMonth, value }], "manual", today);
      await write(75);
      await write(60);
      await write(95);
      await runner.drain();
      const got = at(ep.path);
      expect(got.every((r) => r.verified)).toBe(true);
      expect(got.map((r) => r.type).sort()).toEqual(["alert.escalated", "alert.opened", "alert.resolved"]);
      const opened = got.find((r) => r.type === "alert.opened")!.body.data as { alert: Record<string, unknown> };
      expect(opened.alert).toMatchObject({ kind: "threshold", severity: "warning", status: "open", kpiId: kpi.id, departmentId: service });
      expect(opened.alert.url).toMatch(new RegExp(`/kpis/${kpi.id}$`));
      const resolved = got.find((r) => r.type === "alert.resolved")!.body.data as { alert: Record<string, unknown> };
      expect(resolved.alert).toMatchObject({ id: opened.alert.id, status: "resolved" });
    });

    it("announces a published guideline version", async () => {
      const ep = await endpoint(["guideline.published"]);
      const g = await createGuideline(t.db, managerId, {
        title: "Antwortzeiten im Netz",
        scope: "company",
        departmentIds: [],
        channelIds: [],
        requiredSignoffs: [],
        bodyMd: "# Regeln",
        changeNote: "Erste Fassung",
      });
      await changeVersionStatus(t.db, managerId, g.versionId, "submit");
      await changeVersionStatus(t.db, managerId, g.versionId, "approve");
      await runner.drain();
      expect(at(ep.path)).toEqual([]);
      await changeVersionStatus(t.db, managerId, g.versionId, "publish");
      await runner.drain();
      const [r] = at(ep.path);
      expect(r.verified).toBe(true);
      expect(r.body).toMatchObject({ type: "guideline.published", data: { guideline: { id: g.id, versionId: g.versionId, title: "Antwortzeiten im Netz" } } });
    });

    it("delivers on the retry after a 500, scheduled by the delivery's own backoff", async () => {
      const ep = await endpoint(["insight.created"], { failures: 1 });
      const intake = await post("Frage zum Ersatzteil");
      await runner.drain();
      expect(at(ep.path).length).toBe(1);
      const [d] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, ep.id));
      expect(d).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500 });
      expect(d.nextAttemptAt!.getTime()).toBe(clock.getTime() + RETRY_DELAYS_MS[0]);
      // The next attempt waits as a job of its own, for that moment; nothing happens before it.
      const waiting = (await t.db.execute(sql`
        select start_after from ${sql.raw(JOB_SCHEMA)}.job where name = 'webhooks.deliver' and state = 'created' and data->>'deliveryId' = ${String(d.id)}`)).rows as { start_after: string | Date }[];
      expect(waiting.map((w) => new Date(w.start_after).getTime())).toEqual([d.nextAttemptAt!.getTime()]);
      await runner.drain();
      expect(at(ep.path).length).toBe(1);

      await advance(RETRY_DELAYS_MS[0]);
      await runner.drain();
      const got = at(ep.path);
      expect(got.length).toBe(2);
      expect(got[1].id).toBe(got[0].id);
      expect(got[1].verified).toBe(true);
      const [after] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, d.id));
      expect(after).toMatchObject({ status: "succeeded", attempts: 2 });
      expect((got[1].body.data as { insight: { id: number } }).insight.id).toBe(intake.items[0].id);
    });

    it("sends a delivery whose job was lost from the sweep, and never twice when job and sweep meet", async () => {
      const ep = await endpoint(["insight.created"]);
      // Lost: a delivery recorded, its job never written (the process died in between).
      await enqueueWebhookEvent(t.db, { type: "insight.created", id: `lost-${++seq}`, data: { insight: { id: 1 } } }, clock);
      expect(await sweepWebhookDeliveries(t.db, clock)).toEqual({ found: 0, sent: 0 });
      await advance(SWEEP_GRACE_MS + 1_000);
      expect(await sweepWebhookDeliveries(t.db, clock)).toEqual({ found: 1, sent: 1 });
      expect(await sweepWebhookDeliveries(t.db, clock)).toEqual({ found: 0, sent: 0 });
      expect(at(ep.path).map((r) => r.id)).toEqual([`lost-${seq}`]);

      // A delivery whose job is late (workers busy): at last job and sweeps run at the same moment.
      received = [];
      clock = T0;
      const { deliveryIds } = await enqueueWebhookEvent(t.db, { type: "insight.created", id: `late-${++seq}`, data: { insight: { id: 2 } } }, clock);
      expect(deliveryIds.length).toBe(1);
      await enqueue(t.db, webhooksDeliverJob, { deliveryId: deliveryIds[0] });
      clock = new Date(T0.getTime() + SWEEP_GRACE_MS + 1_000);
      await Promise.all([runner.drain(), sweepWebhookDeliveries(t.db, clock), sweepWebhookDeliveries(t.db, clock)]);
      await runner.drain();
      expect(at(ep.path).map((r) => r.id)).toEqual([`late-${seq}`]);
      const [done] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryIds[0]));
      expect(done).toMatchObject({ status: "succeeded", attempts: 1 });
    });

    it("writes no webhook jobs while no endpoint subscribed to the event", async () => {
      await endpoint(["guideline.published"]);
      const before = await jobsOf("webhooks.dispatch");
      await post("Reklamation ohne Zuhörer");
      expect(await jobsOf("webhooks.dispatch")).toBe(before);
      await endpoint(["insight.routed"]);
      await post("Reklamation mit Zuhörer");
      // Routed, not created: only the routed event has a listener.
      expect(await jobsOf("webhooks.dispatch")).toBe(before + 1);
      await runner.drain();
    });

    it("hands an intake batch to webhooks in a few jobs, not one per insight, and still delivers each", async () => {
      const ep = await endpoint(["insight.created"]);
      const before = await jobsOf("webhooks.dispatch");
      const batch = Array.from({ length: 150 }, (_, i) => ({
        source: "wh-batch",
        externalId: `b-${seq}-${i}`,
        platform: "forum",
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        text: `Frage ${i} zur Lieferung`,
        category: "question",
      }));
      const intake = await ingestBody(t.db, { via: "api", userId: null, label: "test" }, batch, clock);
      expect(intake.created).toBe(150);
      expect(await jobsOf("webhooks.dispatch")).toBe(before + 2);
      expect((await runner.drain()).failed).toBe(0);
      const got = at(ep.path);
      expect(got.length).toBe(150);
      expect(got.every((r) => r.verified && r.type === "insight.created")).toBe(true);
      expect(new Set(got.map((r) => (r.body.data as { insight: { id: number } }).insight.id))).toEqual(new Set(intake.items.map((i) => i.id)));
    });
  });
}
