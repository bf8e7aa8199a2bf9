import { z } from "zod";
import type { Executor } from "@/db/client";
import { isWebhookDomainEvent, subscribedWebhookEvents, webhookEventsFor } from "@/db/queries/webhook-events";
import { type DeliveryOutcome, deliverWebhook, dueWebhookDeliveries, enqueueWebhookEvent } from "@/db/queries/webhooks";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { defineBatchSubscriber, defineJob } from "../define";
import { enqueue, enqueueMany } from "../enqueue";

/**
 * Outbound webhooks in three jobs. Nothing here runs in the request that caused an event: the
 * request only writes the domain event's job (`emit`), so a slow or dead endpoint never delays or
 * fails routing, resolving, a KPI import or publishing.
 *
 * - `webhooks.dispatch` takes the domain events that are webhook events (up to 100 of one emit per
 *   job, so an intake batch adds a few jobs, not one per insight), records one delivery per event
 *   and subscribed endpoint (`enqueueWebhookEvent`, idempotent on the event id) and, in the same
 *   transaction, one `webhooks.deliver` job per delivery.
 * - `webhooks.deliver` makes one attempt (`deliverWebhook`); when it failed and another is due
 *   later, it schedules itself again for that moment instead of throwing (the retry schedule is
 *   the delivery's own, lib/webhooks/retry.ts, not pg-boss's).
 * - `webhooks.sweep` (every minute) sends deliveries that are overdue without a job, e.g. one whose
 *   follow-up job was never written because the process died between the attempt and the enqueue.
 *
 * Two jobs for one delivery (a sweep and a late job, or two instances) never send it twice:
 * `deliverWebhook` first claims the row with a conditional update (pending, due, not locked), and
 * only the claimer sends; the other is `skipped`.
 */

/**
 * A delivery is only the sweep's business once its attempt is this much overdue: until then its
 * own job (due at the same moment) is expected to take it.
 */
export const SWEEP_GRACE_MS = 2 * 60_000;
/** Deliveries one sweep sends at most, and how many at once (each may wait up to 10 s for its receiver). */
const SWEEP_LIMIT = 50;
const SWEEP_PARALLEL = 4;

const deliveryData = z.object({ deliveryId: z.number().int().positive() });

export const webhooksDeliverJob = defineJob<{ deliveryId: number }>({
  name: "webhooks.deliver",
  parse: (d) => deliveryData.parse(d),
  // Retries here are for the app's own faults (database unreachable); a failing receiver is not a
  // failed job but a delivery scheduled again.
  retry: { limit: 5, delaySeconds: 30, backoff: true },
  expireInSeconds: 2 * 60,
  pollingIntervalSeconds: 1,
  handler: ({ deliveryId }, { db, now }) => deliverAndReschedule(db, deliveryId, now),
});

/** One attempt; a failure with another attempt to come gets its job at that moment. */
export async function deliverAndReschedule(db: Executor, deliveryId: number, now: Date): Promise<DeliveryOutcome> {
  const outcome = await deliverWebhook(db, deliveryId, now);
  if (outcome.outcome === "retry") await enqueue(db, webhooksDeliverJob, { deliveryId }, { startAfter: outcome.retryAt });
  return outcome;
}

export const webhooksDispatchJob = defineBatchSubscriber({
  name: "webhooks.dispatch",
  on: WEBHOOK_EVENTS,
  batch: 100,
  // Only events some active endpoint subscribed to become jobs (one look at the endpoint table per emit).
  accepts: subscribedWebhookEvents,
  retry: { limit: 8, delaySeconds: 30, backoff: true },
  expireInSeconds: 2 * 60,
  pollingIntervalSeconds: 1,
  handler: ({ events }, { db, now }) =>
    db.transaction(async (tx) => {
      const inputs = await webhookEventsFor(tx, events.filter(isWebhookDomainEvent));
      const deliveryIds: number[] = [];
      for (const input of inputs) deliveryIds.push(...(await enqueueWebhookEvent(tx, input, now)).deliveryIds);
      await enqueueMany(tx, webhooksDeliverJob, deliveryIds.map((deliveryId) => ({ deliveryId })));
      return { events: events.length, deliveries: deliveryIds.length };
    }),
});

export const webhooksSweepJob = defineJob<Record<string, never>>({
  name: "webhooks.sweep",
  schedule: { cron: "* * * * *" },
  policy: "stately",
  retry: { limit: 3, delaySeconds: 10, backoff: true },
  expireInSeconds: 5 * 60,
  handler: (_data, { db, now }) => sweepWebhookDeliveries(db, now),
});

/**
 * Sends the deliveries that are overdue by more than the grace period: their job was lost (or the
 * workers are far behind — then the job, coming later, finds the delivery sent and skips it).
 * Each failure is rescheduled like a job's.
 */
export async function sweepWebhookDeliveries(db: Executor, now: Date): Promise<{ found: number; sent: number }> {
  const lost = await dueWebhookDeliveries(db, new Date(now.getTime() - SWEEP_GRACE_MS), SWEEP_LIMIT);
  const started = performance.now();
  let sent = 0;
  let next = 0;
  const worker = async () => {
    while (next < lost.length) {
      const id = lost[next++];
      // Each attempt at its own moment: its claim (held for the request's timeout) and its next
      // attempt are reckoned from when it is made, not from when the sweep began.
      const at = new Date(now.getTime() + Math.round(performance.now() - started));
      const out = await deliverAndReschedule(db, id, at);
      if (out.outcome !== "skipped") sent++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(SWEEP_PARALLEL, lost.length) }, worker));
  return { found: lost.length, sent };
}
