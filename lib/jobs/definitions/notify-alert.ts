import { notifyAlertEvent } from "@/db/queries/notifications";
import { defineSubscriber } from "../define";
import { enqueueMailSending } from "../mail";

/**
 * A KPI alert that opens or becomes critical tells the KPI's department head and the managers (as
 * each chose); the crisis alert tells managers, the communications head and the executives, always
 * by e-mail at once. Idempotent per person and event.
 */
export const notifyAlertJob = defineSubscriber({
  name: "notify.alert",
  on: ["alert.opened", "alert.escalated"],
  retry: { limit: 8, delaySeconds: 30, backoff: true },
  handler: (event, { db }) => notifyAlertEvent(db, event, { afterQueue: enqueueMailSending }),
});
