import { type InsightNotificationEvent, notifyInsightEvent } from "@/db/queries/notifications";
import { defineBatchSubscriber } from "../define";
import { enqueueMailSending } from "../mail";

/**
 * Tells people about insight events in the app (the bell and /notifications) and by e-mail as
 * each chose (at once, daily digest, or not at all): a routed insight its department's head, an
 * SLA running short the head, an overdue one the central unit. Idempotent per person and event,
 * so a retry tells and mails nobody twice; the mails' sending is a job of its own (mail.send).
 * Takes the events of one emit in lists of up to 100, so an intake batch of 100 routed insights
 * adds one job to the intake's transaction, not 100; each event is told in its own transaction,
 * and a retry after a failure in the middle skips those already told.
 */
export const notifyInsightJob = defineBatchSubscriber({
  name: "notify.insight",
  on: ["insight.routed", "insight.sla_due_soon", "insight.sla_overdue"],
  batch: 100,
  retry: { limit: 8, delaySeconds: 30, backoff: true },
  expireInSeconds: 5 * 60,
  // Jobs queued before events came in lists carry one event; the queue outlives code changes.
  parse: (data) => {
    const d = data as { events?: unknown; type?: unknown };
    if (Array.isArray(d?.events)) return d as { events: InsightNotificationEvent[] };
    if (typeof d?.type === "string") return { events: [d as InsightNotificationEvent] };
    throw new Error("notify.insight: expected { events: [...] }");
  },
  handler: async ({ events }, { db }) => {
    let told = 0;
    let mails = 0;
    for (const event of events) {
      const r = await notifyInsightEvent(db, event, { afterQueue: enqueueMailSending });
      told += r.told;
      mails += r.mailIds.length;
    }
    return { events: events.length, told, mails };
  },
});
