import type { Database, Executor } from "@/db/client";
import type { DomainEvent, DomainEventType } from "./events";

/** What a handler gets besides its data. */
export interface JobContext {
  db: Database;
  /** The runner's clock (fixed in tests), read once when the job starts. */
  now: Date;
  job: { id: string; name: string; retryCount: number };
}

export interface RetryPolicy {
  /** Attempts after the first one; after the last the job is `failed` and shown under Admin → Jobs. */
  limit: number;
  /** Seconds before the first retry; with `backoff` each further retry waits about twice as long (with jitter). */
  delaySeconds: number;
  backoff: boolean;
}

export interface JobDefinition<T extends object = object> {
  /** Queue name, `area.verb` (e.g. `crisis.evaluate`); stable, since queued jobs carry it. */
  name: string;
  /** Runs one job. Throwing fails the attempt (retried per `retry`); make it idempotent, a retry may repeat it. */
  handler: (data: T, ctx: JobContext) => Promise<unknown>;
  /** Checks a job's data before the handler runs (the queue outlives code changes). */
  parse?: (data: unknown) => T;
  retry?: RetryPolicy;
  /** An attempt still running after this long counts as failed (e.g. its process was killed) and is retried. */
  expireInSeconds?: number;
  /**
   * `standard` keeps every job; `stately` keeps at most one waiting and one running job per queue,
   * which suits sweeps: a schedule that fires while the last run is still waiting adds nothing.
   */
  policy?: "standard" | "stately";
  /** Cron expression (5 fields, minute precision) in `tz` (default Europe/Berlin); runs once per tick across all instances. */
  schedule?: { cron: string; tz?: string };
  /**
   * Domain events this job takes (lib/jobs/events.ts): `emit` enqueues one job per event and
   * subscriber, with the event as its data, in the emitter's transaction.
   */
  on?: readonly DomainEventType[];
  /**
   * Of the event types an `emit` carries that this job takes, those it wants now (read through the
   * emitter's transaction, once per `emit`): a subscriber with nobody to tell (no webhook endpoint
   * for the type) adds no jobs to a busy write path. Default: all of them.
   */
  accepts?: (ex: Executor, types: readonly DomainEventType[]) => Promise<readonly DomainEventType[]>;
  /**
   * With `on`: take the events of one `emit` in lists of up to this many (`{ events }`) instead of
   * one job per event — for a subscriber whose work per event is small next to a job's own cost,
   * so a 1,000-item intake batch writes a few jobs, not 1,000.
   */
  batch?: number;
  /** How often an idle worker looks for new jobs of this queue (seconds, at least 0.5). */
  pollingIntervalSeconds?: number;
}

// Handlers take their own data type; lists of definitions hold any of them.
export type AnyJob = JobDefinition<any>;

export const DEFAULT_RETRY: RetryPolicy = { limit: 5, delaySeconds: 30, backoff: true };

/** Declares a job: its queue, handler, retries and optional schedule. Register it in lib/jobs/registry.ts. */
export function defineJob<T extends object>(def: JobDefinition<T>): JobDefinition<T> {
  if (!/^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/.test(def.name)) throw new Error(`Job name "${def.name}" must look like area.verb`);
  return def;
}

/** The event a subscriber to `E` receives. */
export type EventOf<E extends DomainEventType> = DomainEvent & { type: E };

/** Declares a job that takes domain events: its data is the event. */
export function defineSubscriber<E extends DomainEventType>(
  def: Omit<JobDefinition<EventOf<E>>, "on" | "schedule" | "batch"> & { on: readonly E[] },
): JobDefinition<EventOf<E>> {
  return defineJob(def);
}

/** Declares a job that takes domain events in lists: its data is `{ events }`, up to `batch` of one `emit`, in order. */
export function defineBatchSubscriber<E extends DomainEventType>(
  def: Omit<JobDefinition<{ events: EventOf<E>[] }>, "on" | "schedule" | "batch"> & { on: readonly E[]; batch: number },
): JobDefinition<{ events: EventOf<E>[] }> {
  if (!(def.batch >= 1)) throw new Error(`Job "${def.name}": batch must be at least 1`);
  return defineJob(def);
}
