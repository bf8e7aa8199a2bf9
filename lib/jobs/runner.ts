import PgBoss from "pg-boss";
import { type Connection, MIGRATION_LOCK_KEY } from "@/db/client";
import type { AnyJob, JobDefinition } from "./define";
import { enqueue, type EnqueueOptions, queueOptions } from "./enqueue";
import { connectionDb, JOB_SCHEMA } from "./pg";
import { appJobs } from "./registry";

export interface JobRunnerOptions {
  conn: Connection;
  /** Default: every job of lib/jobs/registry.ts. */
  jobs?: readonly AnyJob[];
  /** The handlers' clock (`ctx.now`); tests fix it. */
  clock?: () => Date;
  /** Poll the queues and run jobs (default true). An instance with false only enqueues. */
  work?: boolean;
  /** Write the definitions' schedules and take part in firing them (default true). */
  schedule?: boolean;
  onError?: (err: unknown) => void;
  /** pg-boss settings beyond ours (tests shorten its timers). */
  boss?: Partial<PgBoss.ConstructorOptions>;
}

/** Jobs a worker takes per fetch (each still completes or fails on its own). */
const WORK_BATCH = 20;
/** Jobs of one batch that run at the same time. */
const WORK_LANES = 4;

export interface DrainResult {
  completed: number;
  failed: number;
}

/**
 * One process's share of the job queue: pg-boss on the app's own connection (the pool on
 * PostgreSQL, the embedded client on PGlite). Jobs are rows in the database, so they survive
 * restarts and kill -9; workers of several instances take them with SKIP LOCKED, each job once;
 * schedules fire once per tick across instances (pg-boss elects one instance per tick in the
 * database, and the tick's job is a singleton).
 */
export class JobRunner {
  readonly boss: PgBoss;
  private readonly jobs: readonly AnyJob[];
  private readonly byName: Map<string, AnyJob>;
  private readonly clock: () => Date;
  private readonly onError: (err: unknown) => void;
  private started = false;

  constructor(private readonly opts: JobRunnerOptions) {
    this.jobs = opts.jobs ?? appJobs();
    this.byName = new Map(this.jobs.map((j) => [j.name, j]));
    this.clock = opts.clock ?? (() => new Date());
    this.onError = opts.onError ?? ((err) => console.error("Background jobs:", err instanceof Error ? err.message : err));
    this.boss = new PgBoss({
      db: connectionDb(opts.conn),
      schema: JOB_SCHEMA,
      migrate: true,
      schedule: opts.schedule ?? true,
      supervise: true,
      ...opts.boss,
    });
    this.boss.on("error", (err) => this.onError(err));
  }

  async start(): Promise<this> {
    if (this.started) return this;
    // Queues and schedules are written before this instance's timekeeper looks at the schedules
    // (it does so as it starts), by a short-lived pg-boss without timers, under the migrations'
    // advisory lock: two instances creating one queue at once would deadlock in its DDL.
    await this.opts.conn.withLock(MIGRATION_LOCK_KEY, async () => {
      const setup = new PgBoss({ db: connectionDb(this.opts.conn), schema: JOB_SCHEMA, migrate: true, schedule: false, supervise: false });
      await setup.start();
      try {
        for (const job of this.jobs) {
          await setup.createQueue(job.name, queueOptions(job));
          await setup.updateQueue(job.name, queueOptions(job));
        }
        if (this.opts.schedule ?? true) {
          for (const job of this.jobs) {
            if (job.schedule) await setup.schedule(job.name, job.schedule.cron, {}, { tz: job.schedule.tz ?? "Europe/Berlin" });
            else await setup.unschedule(job.name);
          }
        }
      } finally {
        await setup.stop({ graceful: false, close: false });
      }
    });
    await this.boss.start();
    if (this.opts.work ?? true) {
      for (const job of this.jobs) {
        // pg-boss waits its polling interval after every fetch, jobs found or not: fetching one at a
        // time would run one job per interval (notifications for a batch of 1,000 insights would
        // take half an hour). So take up to WORK_BATCH at once, run them WORK_LANES at a time,
        // settle each on its own (one failing job must not fail the others), and when the batch
        // was full, look again at once.
        const workerId: string = await this.boss.work<object>(
          job.name,
          { batchSize: WORK_BATCH, includeMetadata: true, pollingIntervalSeconds: job.pollingIntervalSeconds ?? 2 },
          async (batch) => {
            // A few at a time: most jobs wait on a mail server or a webhook receiver, not on us.
            let next = 0;
            const lane = async () => {
              while (next < batch.length) {
                const j = batch[next++];
                try {
                  const output = await this.run(job, j);
                  await this.boss.complete(job.name, j.id, output && typeof output === "object" ? output : { value: output ?? null });
                } catch (err) {
                  // Recorded on the job (Admin → Jobs shows it) and retried per the job's policy.
                  await this.boss.fail(job.name, j.id, err instanceof Error ? err : { message: String(err) });
                }
              }
            };
            await Promise.all(Array.from({ length: Math.min(WORK_LANES, batch.length) }, lane));
            if (batch.length === WORK_BATCH) this.boss.notifyWorker(workerId);
          },
        );
      }
    }
    this.started = true;
    return this;
  }

  /**
   * Stops taking jobs and waits up to `timeoutMs` for running ones. A job cut off by the process
   * ending anyway stays `active` until its expiry and is then retried: none is lost.
   */
  async stop(opts: { graceful?: boolean; timeoutMs?: number } = {}): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: opts.graceful ?? true, timeout: opts.timeoutMs ?? 10_000, close: false, wait: true });
  }

  /** Enqueues on this runner's database (outside any transaction; see `enqueue` for inside one). */
  send<T extends object>(job: JobDefinition<T>, data: T, opts?: EnqueueOptions) {
    return enqueue(this.opts.conn.db, job, data, opts);
  }

  /**
   * Runs every job that is due now, queue by queue, until none is left, in this process and
   * without waiting for pollers: what tests use instead of sleeping. A failed attempt is recorded
   * as pg-boss records it (retry with backoff, or failed); its retry is not due yet, so it does not
   * run again here.
   */
  async drain(opts: { maxJobs?: number } = {}): Promise<DrainResult> {
    const max = opts.maxJobs ?? 1000;
    const out: DrainResult = { completed: 0, failed: 0 };
    for (let found = true; found && out.completed + out.failed < max; ) {
      found = false;
      for (const job of this.jobs) {
        const [j] = await this.boss.fetch<object>(job.name, { batchSize: 1, includeMetadata: true });
        if (!j) continue;
        found = true;
        try {
          const output = await this.run(job, j);
          await this.boss.complete(job.name, j.id, output && typeof output === "object" ? output : { value: output ?? null });
          out.completed++;
        } catch (err) {
          await this.boss.fail(job.name, j.id, err instanceof Error ? err : { message: String(err) });
          out.failed++;
        }
      }
    }
    return out;
  }

  private async run(job: AnyJob, j: PgBoss.JobWithMetadata<object>): Promise<unknown> {
    const data = job.parse ? job.parse(j.data) : j.data;
    return job.handler(data, { db: this.opts.conn.db, now: this.clock(), job: { id: j.id, name: j.name, retryCount: j.retryCount } });
  }

  definition(name: string): AnyJob | undefined {
    return this.byName.get(name);
  }
}
