/**
 * The job queue across processes: instances that start together, share one PostgreSQL, or die by
 * kill -9. Child processes stand in for app servers (tests/jobs/child.ts).
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Connection, migrateDatabase, openPglite, openPostgres } from "../client";
import { prepareDatabase } from "../prepare";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { JobRunner } from "@/lib/jobs/runner";
import { createProbeTable, probeHangJob, probeRecordJob, probeRuns, probeScheduledJob } from "@/tests/jobs/probe";

// tsx as a loader of this node process, not its CLI: the CLI runs the script in a grandchild,
// which a kill of the child would leave running.
const TSX_LOADER = ["--require", "tsx/preflight", "--import", "tsx"];

/** Starts a child "server" and resolves once it printed `line` (with the rest of that line). */
function startChild(args: string[], line: RegExp): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  const child = spawn(process.execPath, [...TSX_LOADER, "tests/jobs/child.ts", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new Error(`child timed out: ${out}${err}`)), 45_000);
    child.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      const m = out.match(line);
      if (m) {
        clearTimeout(timer);
        resolve({ child, match: m });
      }
    });
    child.stderr!.on("data", (b: Buffer) => (err += b.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`child exited (${code}): ${out}${err}`));
    });
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

const jobState = async (conn: Connection, id: string) =>
  ((await conn.db.execute(sql`select state::text as state from pgboss.job where id = ${id}::uuid`)).rows[0] as { state: string } | undefined)?.state;

/** Advances the queue's clock without sleeping: the active attempt started long ago, waiting retries are due. */
const ageJobs = (conn: Connection) =>
  conn.db.execute(sql`
    update pgboss.job set started_on = now() - interval '1 hour' where state = 'active';
  `);
const makeRetriesDue = (conn: Connection) => conn.db.execute(sql`update pgboss.job set start_after = now() where state = 'retry'`);

for (const backend of availableBackends()) {
  describe(`jobs survive kill -9 on ${backend}`, () => {
    let dir: string | null = null;
    let pgTest: TestDb | null = null;
    let target = "";
    const open = () => (backend === "pglite" ? openPglite(dir!) : openPostgres(target, 2));

    beforeAll(async () => {
      if (backend === "pglite") {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-kill-"));
        target = dir;
        const c = await openPglite(dir);
        await migrateDatabase(c);
        await createProbeTable(c.db);
        await c.close();
      } else {
        pgTest = await createTestDb("postgres");
        await createProbeTable(pgTest.db);
        target = pgTest.url!;
      }
    });
    afterAll(async () => {
      await pgTest?.dispose();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it("runs a job after restart that was enqueued before the process was killed", async () => {
      const { child, match } = await startChild([target, "record", "before-kill"], /enqueued ([0-9a-f-]{36})/);
      await killHard(child);
      const conn = await open();
      try {
        expect(await jobState(conn, match[1])).toBe("created");
        const runner = await new JobRunner({ conn, jobs: [probeRecordJob, probeHangJob], work: false, schedule: false }).start();
        expect(await runner.drain()).toEqual({ completed: 1, failed: 0 });
        await runner.stop({ graceful: false });
        expect(await probeRuns(conn.db, "before-kill")).toBe(1);
        expect(await jobState(conn, match[1])).toBe("completed");
      } finally {
        await conn.close();
      }
    });

    it("retries a job whose worker was killed mid-run, once its attempt expired", async () => {
      const { child, match } = await startChild([target, "hang", "mid-run"], /enqueued ([0-9a-f-]{36})[\s\S]*started/);
      await killHard(child);
      const conn = await open();
      try {
        expect(await jobState(conn, match[1])).toBe("active");
        const runner = await new JobRunner({ conn, jobs: [probeRecordJob, probeHangJob], work: false, schedule: false }).start();
        await ageJobs(conn);
        await runner.boss.expire();
        expect(await jobState(conn, match[1])).toBe("retry");
        await makeRetriesDue(conn);
        expect(await runner.drain()).toEqual({ completed: 1, failed: 0 });
        await runner.stop({ graceful: false });
        expect(await probeRuns(conn.db, "mid-run")).toBe(1);
      } finally {
        await conn.close();
      }
    });
  });
}

describe.skipIf(!availableBackends().includes("postgres"))("several instances on one PostgreSQL", () => {
  it("migrate and seed once when two start at the same moment", async () => {
    const t = await createTestDb("postgres", { migrate: false });
    const a = await openPostgres(t.url!, 4);
    const b = await openPostgres(t.url!, 4);
    try {
      const results = await Promise.all([prepareDatabase(a, { seed: true }), prepareDatabase(b, { seed: true })]);
      // One of them seeded, the other found the company there.
      expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
      const journal = JSON.parse(fs.readFileSync(path.join("db", "migrations", "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
      const applied = await t.db.execute(sql`select count(*) as n from drizzle.__drizzle_migrations`);
      expect(Number((applied.rows[0] as { n: string }).n)).toBe(journal.entries.length);
      const admins = await t.db.execute(sql`select count(*) as n from users where email = 'admin@example.com'`);
      expect(Number((admins.rows[0] as { n: string }).n)).toBe(1);
      const queues = await t.db.execute(sql`select count(*) as n from pgboss.queue where name in ('crisis.evaluate', 'sla.sweep')`);
      expect(Number((queues.rows[0] as { n: string }).n)).toBe(2);
    } finally {
      await a.close();
      await b.close();
      await t.dispose();
    }
  });

  it("runs a scheduled job once per tick, not once per instance", async () => {
    const t = await createTestDb("postgres");
    await createProbeTable(t.db);
    const a = await openPostgres(t.url!, 3);
    const b = await openPostgres(t.url!, 3);
    // The schedule hands its tick over through pg-boss's internal queue; poll that every second.
    const boss = { cronWorkerIntervalSeconds: 1 };
    const instances = [a, b].map((conn) => new JobRunner({ conn, jobs: [probeScheduledJob], boss }));
    try {
      // Both start at once; each checks the schedules on start, and "* * * * *" is due at once.
      await Promise.all(instances.map((r) => r.start()));
      const deadline = Date.now() + 20_000;
      while ((await probeRuns(t.db, "scheduled")) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      expect(await probeRuns(t.db, "scheduled")).toBe(1);
      // Give the other instance time to (wrongly) fire the same tick: it polls twice a second.
      await new Promise((r) => setTimeout(r, 3_000));
      expect(await probeRuns(t.db, "scheduled")).toBe(1);
      const jobs = await t.db.execute(sql`select count(*) as n from pgboss.job where name = 'test.every-minute'`);
      expect(Number((jobs.rows[0] as { n: string }).n)).toBe(1);
    } finally {
      await Promise.all(instances.map((r) => r.stop({ graceful: false })));
      await a.close();
      await b.close();
      await t.dispose();
    }
  });
});
