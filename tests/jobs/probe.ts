import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { defineJob } from "@/lib/jobs/define";

/**
 * Jobs for the tests of the queue itself: their handlers leave a row in `job_probe`, which
 * survives the process that ran them, so a test can count runs across processes and restarts.
 */
export async function createProbeTable(db: Database) {
  await db.execute(sql`create table if not exists job_probe (key text not null, pid integer not null, at timestamptz not null default now())`);
}

export async function probeRuns(db: Database, key: string): Promise<number> {
  const r = await db.execute(sql`select count(*) as n from job_probe where key = ${key}`);
  return Number((r.rows[0] as { n: string | number }).n);
}

export const probeRecordJob = defineJob<{ key: string }>({
  name: "test.record",
  retry: { limit: 2, delaySeconds: 1, backoff: false },
  expireInSeconds: 2,
  pollingIntervalSeconds: 0.5,
  handler: async ({ key }, { db }) => {
    await db.execute(sql`insert into job_probe (key, pid) values (${key}, ${process.pid})`);
  },
});

/** Never finishes in the process that was killed; records like test.record once a survivor retries it. */
export const probeHangJob = defineJob<{ key: string; hangInPid?: number }>({
  name: "test.hang",
  retry: { limit: 2, delaySeconds: 1, backoff: false },
  expireInSeconds: 2,
  pollingIntervalSeconds: 0.5,
  handler: async ({ key, hangInPid }, { db }) => {
    if (hangInPid === process.pid) {
      console.log("started");
      await new Promise(() => {});
    }
    await db.execute(sql`insert into job_probe (key, pid) values (${key}, ${process.pid})`);
  },
});

export const probeScheduledJob = defineJob<Record<string, never>>({
  name: "test.every-minute",
  schedule: { cron: "* * * * *", tz: "UTC" },
  pollingIntervalSeconds: 0.5,
  handler: async (_data, { db }) => {
    await db.execute(sql`insert into job_probe (key, pid) values ('scheduled', ${process.pid})`);
  },
});
