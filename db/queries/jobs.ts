import { sql } from "drizzle-orm";
import cronParser from "cron-parser";
import PgBoss from "pg-boss";
import type { Executor } from "../client";
import { recordAudit } from "./audit";
import { AppError } from "@/lib/errors";
import { executorDb, JOB_SCHEMA } from "@/lib/jobs/pg";

/** Job states pg-boss keeps, in the order Admin → Jobs shows them. */
export const JOB_STATES = ["created", "retry", "active", "completed", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface QueueSummary {
  name: string;
  counts: Record<JobState, number>;
}

export interface ScheduleSummary {
  name: string;
  cron: string;
  timezone: string;
  nextRunAt: Date | null;
}

export interface FailedJob {
  id: string;
  queue: string;
  error: string;
  attempts: number;
  createdAt: Date;
  failedAt: Date | null;
}

export interface JobsOverview {
  queues: QueueSummary[];
  schedules: ScheduleSummary[];
  failures: FailedJob[];
}

const S = sql.raw(JOB_SCHEMA);
/** pg-boss's own queues (the schedule's hand-over) are machinery, not the app's work. */
const INTERNAL = "__pgboss__%";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What Admin → Jobs shows: each queue with its jobs per state (completed ones stay in the queue
 * for 12 hours, then pg-boss archives them), the schedules with their next run after `now`, and
 * the most recent failures with pg-boss's error text.
 */
export async function jobsOverview(db: Executor, now: Date, opts: { failures?: number } = {}): Promise<JobsOverview> {
  const limit = Math.min(Math.max(opts.failures ?? 20, 1), 100);
  const [counts, schedules, failures] = await Promise.all([
    db.execute(sql`
      select q.name, j.state::text as state, count(j.id) as n
      from ${S}.queue q left join ${S}.job j on j.name = q.name
      where q.name not like ${INTERNAL}
      group by q.name, j.state
      order by q.name`),
    db.execute(sql`select name, cron, timezone from ${S}.schedule where name not like ${INTERNAL} order by name`),
    db.execute(sql`
      select id::text as id, name, output, retry_count, created_on, completed_on
      from ${S}.job
      where state = 'failed' and name not like ${INTERNAL}
      order by completed_on desc nulls last, id
      limit ${limit}`),
  ]);

  const queues = new Map<string, QueueSummary>();
  for (const r of counts.rows as { name: string; state: string | null; n: string | number }[]) {
    const q = queues.get(r.name) ?? { name: r.name, counts: { created: 0, retry: 0, active: 0, completed: 0, failed: 0 } };
    if (r.state && (JOB_STATES as readonly string[]).includes(r.state)) q.counts[r.state as JobState] += Number(r.n);
    queues.set(r.name, q);
  }

  return {
    queues: [...queues.values()],
    schedules: (schedules.rows as { name: string; cron: string; timezone: string | null }[]).map((r) => ({
      name: r.name,
      cron: r.cron,
      timezone: r.timezone ?? "UTC",
      nextRunAt: nextRun(r.cron, r.timezone ?? "UTC", now),
    })),
    failures: (failures.rows as { id: string; name: string; output: unknown; retry_count: number; created_on: string | Date; completed_on: string | Date | null }[]).map(
      (r) => ({
        id: r.id,
        queue: r.name,
        error: errorText(r.output),
        attempts: Number(r.retry_count) + 1,
        createdAt: new Date(r.created_on),
        failedAt: r.completed_on ? new Date(r.completed_on) : null,
      }),
    ),
  };
}

function nextRun(cron: string, tz: string, now: Date): Date | null {
  try {
    return cronParser.parseExpression(cron, { tz, currentDate: now }).next().toDate();
  } catch {
    return null;
  }
}

/** pg-boss stores a thrown error as `{ name, message, stack }`; other failures as whatever they were. */
function errorText(output: unknown): string {
  const o = typeof output === "string" ? safeJson(output) : output;
  if (o && typeof o === "object") {
    const rec = o as Record<string, unknown>;
    if (typeof rec.message === "string") return rec.message;
    if (rec.value !== undefined) return typeof rec.value === "string" ? rec.value : JSON.stringify(rec.value);
    return JSON.stringify(o);
  }
  return o == null ? "" : String(o);
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

/**
 * Puts a failed job back into its queue (one more attempt), with its audit entry, in one
 * transaction. Only failed jobs of the app's queues can be retried; anything else is not found.
 */
export async function retryFailedJob(db: Executor, actorId: number, input: { queue: string; id: string }): Promise<void> {
  if (!UUID.test(input.id) || input.queue.startsWith("__pgboss__")) throw new AppError("not_found");
  await db.transaction(async (tx) => {
    const found = await tx.execute(sql`
      select state::text as state, output from ${S}.job where name = ${input.queue} and id = ${input.id}::uuid for update`);
    const row = found.rows[0] as { state: string; output: unknown } | undefined;
    if (!row || row.state !== "failed") throw new AppError("not_found");
    await new PgBoss({ schema: JOB_SCHEMA, db: executorDb(tx) }).retry(input.queue, input.id, { db: executorDb(tx) });
    await recordAudit(tx, {
      actorId,
      action: "job.retry",
      entityType: "job",
      entityId: input.id,
      before: { queue: input.queue, state: "failed", error: errorText(row.output) },
      after: { queue: input.queue, state: "retry" },
    });
  });
}
