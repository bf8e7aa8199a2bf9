import { notifyInsightEvent } from "@/db/queries/notifications";
import { defineSubscriber } from "../define";
import { enqueueMailSending } from "../mail";

/**
 * Tells people about insight events in the app (the bell and /notifications) and by e-mail as
 * each chose (at once, daily digest, or not at all): a routed insight its department's head, an
 * SLA running short the head, an overdue one the central unit. Idempotent per person and event,
 * so a retry tells and mails nobody twice; the mails' sending is a job of its own (mail.send).
 */
export const notifyInsightJob = defineSubscriber({
  name: "notify.insight",
  on: ["insight.routed", "insight.sla_due_soon", "insight.sla_overdue"],
  retry: { limit: 8, delaySeconds: 30, backoff: true },
  handler: (event, { db }) => notifyInsightEvent(db, event, { afterQueue: enqueueMailSending }),
});
