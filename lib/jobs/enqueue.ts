import PgBoss from "pg-boss";
import type { Executor } from "@/db/client";
import { type AnyJob, DEFAULT_RETRY, type JobDefinition } from "./define";
import type { DomainEvent } from "./events";
import { executorDb, JOB_SCHEMA } from "./pg";
import { appJobs } from "./registry";

export interface EnqueueOptions {
  /** Not before this moment. */
  startAfter?: Date;
  /** With `singletonSeconds`: at most one job per key and time slot (a second send returns null). */
  singletonKey?: string;
  singletonSeconds?: number;
}

// pg-boss builds the statements; every call names the connection (options.db), so this instance
// never opens one of its own and needs no start.
let sender: PgBoss | null = null;
function boss(): PgBoss {
  sender ??= new PgBoss({
    schema: JOB_SCHEMA,
    db: {
      executeSql: () => {
        throw new Error("lib/jobs: every call passes its own db");
      },
    },
  });
  return sender;
}

/** The queue's settings, as pg-boss stores them (applied by the runner at start and on first use). */
export function queueOptions(job: AnyJob): PgBoss.Queue {
  const retry = job.retry ?? DEFAULT_RETRY;
  return {
    name: job.name,
    policy: job.policy ?? "standard",
    retryLimit: retry.limit,
    retryDelay: retry.delaySeconds,
    retryBackoff: retry.backoff,
    expireInSeconds: job.expireInSeconds ?? 15 * 60,
  };
}

/**
 * Puts a job into its queue through `ex`: pass the transaction of the change that causes it, and
 * the job exists exactly when that change commits (no job for a rolled-back change, no change
 * without its job). Pass the database handle after commit for a job on its own. Returns the job id,
 * or null when a singleton or `stately` queue already holds one.
 */
export async function enqueue<T extends object>(
  ex: Executor,
  job: JobDefinition<T>,
  data: T,
  opts: EnqueueOptions = {},
): Promise<string | null> {
  const db = executorDb(ex);
  const send = () => boss().send(job.name, data, { ...opts, db });
  const id = await send();
  if (id !== null || opts.singletonKey || job.policy === "stately") return id;
  // Null without a reason to dedupe: the queue does not exist yet (a database no runner has
  // started on). Create it in the same transaction and send again.
  if (await queueExists(ex, job.name)) return null;
  await new PgBoss({ schema: JOB_SCHEMA, db }).createQueue(job.name, queueOptions(job));
  return send();
}

/** Several jobs of one queue in one statement (plus one that makes sure the queue exists). */
export async function enqueueMany<T extends object>(ex: Executor, job: JobDefinition<T>, data: readonly T[]): Promise<void> {
  if (!data.length) return;
  await ensureQueues(ex, [job]);
  await boss().insert(
    data.map((d) => ({ name: job.name, data: d })),
    { db: executorDb(ex) },
  );
}

/** Creates the queues of these jobs that do not exist yet (a database no runner has started on), in `ex`'s transaction. */
async function ensureQueues(ex: Executor, jobs: readonly AnyJob[]): Promise<void> {
  const names = [...new Set(jobs.map((j) => j.name))];
  const db = executorDb(ex);
  const { rows } = await db.executeSql(`select name from ${JOB_SCHEMA}.queue where name = any($1::text[])`, [names]);
  const existing = new Set(rows.map((r) => String(r.name)));
  for (const job of jobs.filter((j, i) => !existing.has(j.name) && jobs.findIndex((k) => k.name === j.name) === i)) {
    await new PgBoss({ schema: JOB_SCHEMA, db }).createQueue(job.name, queueOptions(job));
  }
}

async function queueExists(ex: Executor, name: string): Promise<boolean> {
  const { rows } = await executorDb(ex).executeSql(`select 1 from ${JOB_SCHEMA}.queue where name = $1`, [name]);
  return rows.length > 0;
}

let subscribersOn = true;

/**
 * For the notification benchmark only: with `false`, events reach no subscriber (as if nothing
 * listened: no notifications, no webhooks), so intake can be timed with and without them.
 */
export function setEventSubscribers(on: boolean): void {
  subscribersOn = on;
}

/** Every job that takes events of this type. */
export function subscribersOf(type: DomainEvent["type"]): AnyJob[] {
  return subscribersOn ? appJobs().filter((j) => j.on?.includes(type)) : [];
}

/**
 * Hands domain events to their subscribers (see lib/jobs/events.ts): one job per event and
 * subscriber (per list of up to `batch` events for a batch subscriber), written through `ex` — call it in the transaction that recorded the events. However
 * many events, one statement writes all their jobs (an intake batch of 1,000 routed insights must
 * not cost 1,000 round trips), after one that makes sure their queues exist (and one per
 * subscriber with an `accepts` filter).
 */
export async function emit(ex: Executor, events: readonly DomainEvent[]): Promise<void> {
  if (!events.length || !subscribersOn) return;
  const types = [...new Set(events.map((e) => e.type))];
  const wanted = new Map<AnyJob, ReadonlySet<DomainEvent["type"]>>();
  for (const job of appJobs()) {
    const mine = types.filter((t) => job.on?.includes(t));
    if (!mine.length) continue;
    const accepted = job.accepts ? await job.accepts(ex, mine) : mine;
    if (accepted.length) wanted.set(job, new Set(accepted));
  }
  const jobs: { job: AnyJob; data: object }[] = [];
  for (const [job, set] of wanted) {
    const mine = events.filter((e) => set.has(e.type));
    if (job.batch) {
      for (let i = 0; i < mine.length; i += job.batch) jobs.push({ job, data: { events: mine.slice(i, i + job.batch) } });
    } else {
      for (const event of mine) jobs.push({ job, data: event });
    }
  }
  if (!jobs.length) return;
  await ensureQueues(ex, [...wanted.keys()]);
  await boss().insert(
    jobs.map(({ job, data }) => ({ name: job.name, data })),
    { db: executorDb(ex) },
  );
}
