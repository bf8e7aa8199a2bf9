import { notifyInsightEvent } from "@/db/queries/notifications";
import { defineSubscriber } from "../define";

/**
 * Tells people about insight events in the app (the bell and /notifications): a routed insight its
 * department's head, an SLA running short the head, an overdue one the central unit. Idempotent
 * per person and event, so a retry tells nobody twice.
 */
export const notifyInsightJob = defineSubscriber({
  name: "notify.insight",
  on: ["insight.routed", "insight.sla_due_soon", "insight.sla_overdue"],
  retry: { limit: 8, delaySeconds: 30, backoff: true },
  handler: (event, { db }) => notifyInsightEvent(db, event),
});
