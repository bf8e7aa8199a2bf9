import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { alerts, auditLog } from "../schema";
import { seedFoundation } from "../seed/foundation";
import { ingestBody } from "./insight-intake";
import { jobsOverview, retryFailedJob } from "./jobs";
import { defineJob } from "@/lib/jobs/define";
import { crisisEvaluateJob } from "@/lib/jobs/definitions/crisis-evaluate";
import { enqueue } from "@/lib/jobs/enqueue";
import { JobRunner } from "@/lib/jobs/runner";
import { appJobs } from "@/lib/jobs/registry";

const actor = { via: "api" as const, userId: null, label: "test" };

/** A job whose handler does what the test tells it through its data, and leaves a trace. */
const calls: { key: string; attempt: number }[] = [];
const probeJob = defineJob<{ key: string; failTimes?: number }>({
  name: "test.probe",
  retry: { limit: 2, delaySeconds: 10, backoff: true },
  handler: async (data, { job }) => {
    calls.push({ key: data.key, attempt: job.retryCount });
    if ((data.failTimes ?? 0) > job.retryCount) throw new Error(`probe ${data.key} failed on attempt ${job.retryCount + 1}`);
    return { ok: data.key };
  },
});

async function jobRow(t: TestDb, id: string) {
  const r = await t.db.execute(sql`
    select state::text as state, retry_count, extract(epoch from (start_after - now())) as wait_s, output
    from pgboss.job where id = ${id}::uuid`);
  return r.rows[0] as { state: string; retry_count: number; wait_s: string | number; output: { message?: string } | null };
}

/** Moves every waiting retry to now: the clock of the queue advanced without sleeping. */
const makeRetriesDue = (t: TestDb) => t.db.execute(sql`update pgboss.job set start_after = now() where state = 'retry'`);

for (const backend of availableBackends()) {
  describe(`background jobs on ${backend}`, () => {
    let t: TestDb;
    let runner: JobRunner;
    const T0 = new Date("2025-05-14T10:00:00Z");
    let clock = T0;
    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedFoundation(t.db);
      runner = await new JobRunner({ conn: t, jobs: [...appJobs(), probeJob], clock: () => clock, work: false, schedule: true }).start();
    });
    afterAll(async () => {
      await runner?.stop({ graceful: false });
      await t?.dispose();
    });

    it("installs pg-boss's schema and the app's queues with every migration", async () => {
      const r = await t.db.execute(sql`select name from pgboss.queue order by name`);
      expect((r.rows as { name: string }[]).map((x) => x.name)).toEqual(expect.arrayContaining(["crisis.evaluate", "sla.sweep", "test.probe"]));
    });

    it("keeps the schedules: the crisis check every 5 minutes, the SLA sweep every minute", async () => {
      const s = await runner.boss.getSchedules();
      expect(s.map((x) => [x.name, x.cron])).toEqual(
        expect.arrayContaining([
          ["crisis.evaluate", "*/5 * * * *"],
          ["sla.sweep", "* * * * *"],
        ]),
      );
      const overview = await jobsOverview(t.db, new Date("2025-05-14T10:02:30Z"));
      const crisis = overview.schedules.find((x) => x.name === "crisis.evaluate");
      expect(crisis?.nextRunAt?.toISOString()).toBe("2025-05-14T10:05:00.000Z");
    });

    it("runs a job to completion", async () => {
      const id = await runner.send(probeJob, { key: `a-${backend}` });
      expect(await runner.drain()).toEqual({ completed: 1, failed: 0 });
      expect((await jobRow(t, id!)).state).toBe("completed");
      expect(calls.filter((c) => c.key === `a-${backend}`)).toHaveLength(1);
    });

    it("enqueues inside the caller's transaction: a rolled-back change leaves no job", async () => {
      await expect(
        t.db.transaction(async (tx) => {
          await enqueue(tx, probeJob, { key: `rolled-back-${backend}` });
          throw new Error("abort");
        }),
      ).rejects.toThrow("abort");
      let committed: string | null = null;
      await t.db.transaction(async (tx) => {
        committed = await enqueue(tx, probeJob, { key: `committed-${backend}` });
      });
      expect(committed).toMatch(/^[0-9a-f-]{36}$/);
      await runner.drain();
      expect(calls.map((c) => c.key)).toContain(`committed-${backend}`);
      expect(calls.map((c) => c.key)).not.toContain(`rolled-back-${backend}`);
    });

    it("retries a failing job with exponential backoff, then marks it failed with its error", async () => {
      const id = (await runner.send(probeJob, { key: `b-${backend}`, failTimes: 99 }))!;
      expect(await runner.drain()).toEqual({ completed: 0, failed: 1 });
      let row = await jobRow(t, id);
      // First retry after 10–20 s, the second after 20–40 s (doubling, with jitter).
      expect(row.state).toBe("retry");
      expect(Number(row.wait_s)).toBeGreaterThan(8);
      expect(Number(row.wait_s)).toBeLessThanOrEqual(20);
      expect(await runner.drain()).toEqual({ completed: 0, failed: 0 }); // not due yet
      await makeRetriesDue(t);
      await runner.drain();
      row = await jobRow(t, id);
      expect(row.state).toBe("retry");
      expect(Number(row.wait_s)).toBeGreaterThan(18);
      expect(Number(row.wait_s)).toBeLessThanOrEqual(40);
      await makeRetriesDue(t);
      await runner.drain();
      row = await jobRow(t, id);
      expect(row.state).toBe("failed");
      expect(row.output?.message).toBe(`probe b-${backend} failed on attempt 3`);
      expect(calls.filter((c) => c.key === `b-${backend}`).map((c) => c.attempt)).toEqual([0, 1, 2]);

      const overview = await jobsOverview(t.db, T0);
      expect(overview.queues.find((q) => q.name === "test.probe")?.counts).toMatchObject({ failed: 1 });
      expect(overview.failures[0]).toMatchObject({ id, queue: "test.probe", error: `probe b-${backend} failed on attempt 3`, attempts: 3 });
    });

    it("lets an admin retry a failed job once, with an audit entry", async () => {
      const { failures } = await jobsOverview(t.db, T0);
      const failed = failures.find((f) => f.queue === "test.probe")!;
      await retryFailedJob(t.db, 1, { queue: failed.queue, id: failed.id });
      expect((await jobRow(t, failed.id)).state).toBe("retry");
      await expect(retryFailedJob(t.db, 1, { queue: failed.queue, id: failed.id })).rejects.toMatchObject({ code: "not_found" });
      await expect(retryFailedJob(t.db, 1, { queue: "test.probe", id: "not-a-uuid" })).rejects.toMatchObject({ code: "not_found" });
      const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, "job.retry"));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorId: 1, entityType: "job", entityId: failed.id });
    });

    it("resolves an ended crisis spike on the scheduled evaluation, without a new insight", async () => {
      const spikeAt = new Date("2025-05-14T08:00:00Z");
      const items = Array.from({ length: 12 }, (_, i) => ({
        source: "jobs-test",
        externalId: `spike-${i}`,
        occurredAt: spikeAt.toISOString(),
        text: `Unzumutbar, das Produkt ist gefährlich! (${i})`,
        category: "complaint",
        platform: "facebook",
        sentiment: "negative",
        language: "de",
      }));
      await ingestBody(t.db, actor, items, spikeAt);
      const open = () => t.db.select().from(alerts).where(eq(alerts.kind, "crisis"));
      expect((await open())[0]).toMatchObject({ status: "open" });

      // Two hours later the spike is still inside the 6-hour window: the alert stays.
      clock = new Date("2025-05-14T10:00:00Z");
      await runner.send(crisisEvaluateJob, {});
      await runner.drain();
      expect((await open())[0]).toMatchObject({ status: "open" });

      // Seven hours later it has left the window: the scheduled run resolves it.
      clock = new Date("2025-05-14T15:00:00Z");
      await runner.send(crisisEvaluateJob, {});
      await runner.drain();
      const [resolved] = await open();
      expect(resolved).toMatchObject({ status: "resolved" });
      expect(resolved.resolvedAt?.toISOString()).toBe(clock.toISOString());
      clock = T0;
    });
  });
}
