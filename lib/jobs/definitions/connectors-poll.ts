import { and, asc, inArray, lte, ne } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { runConnector } from "@/db/queries/connector-runs";
import { connectors } from "@/db/schema";
import { POLLED_CONNECTOR_KINDS } from "@/lib/enums";
import { defineJob } from "../define";

/** Connectors one round runs at most, and how many at once (each may wait up to 20 s for its source). */
export const POLL_ROUND_LIMIT = 500;
export const POLL_PARALLEL = 8;

/** The polled connectors due at `now`, longest waiting first. */
export async function dueConnectors(db: Executor, now: Date, limit = POLL_ROUND_LIMIT): Promise<number[]> {
  const rows = await db
    .select({ id: connectors.id })
    .from(connectors)
    .where(and(ne(connectors.status, "paused"), lte(connectors.nextRunAt, now), inArray(connectors.kind, [...POLLED_CONNECTOR_KINDS])))
    .orderBy(asc(connectors.nextRunAt), asc(connectors.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * One scheduling round: every due connector runs, POLL_PARALLEL at a time. Each run claims its
 * connector first, so a round on another instance (or a "run now") never fetches it twice; a
 * connector's failure is its own (recorded on it), never the round's.
 */
export async function pollConnectors(db: Executor, now: Date): Promise<{ due: number; ran: number; failed: number }> {
  const due = await dueConnectors(db, now);
  const started = performance.now();
  let next = 0;
  let ran = 0;
  let failed = 0;
  const worker = async () => {
    while (next < due.length) {
      const id = due[next++];
      const at = new Date(now.getTime() + Math.round(performance.now() - started));
      try {
        const r = await runConnector(db, id, "schedule", at);
        if (r.outcome !== "skipped") ran++;
        if (r.outcome === "failed") failed++;
      } catch (err) {
        // A fault of the app (database), not of the source: the next round tries again.
        failed++;
        console.error(`connector ${id}: run failed`, err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(POLL_PARALLEL, due.length) }, worker));
  return { due: due.length, ran, failed };
}

export const connectorsPollJob = defineJob<Record<string, never>>({
  name: "connectors.poll",
  schedule: { cron: "* * * * *" },
  policy: "stately",
  retry: { limit: 2, delaySeconds: 30, backoff: true },
  expireInSeconds: 15 * 60,
  handler: (_data, { db, now }) => pollConnectors(db, now),
});
