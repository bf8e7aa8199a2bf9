import { notifyConnectorPaused } from "@/db/queries/notifications";
import { defineSubscriber } from "../define";
import { enqueueMailSending } from "../mail";

/** A connector paused after five failures in a row tells the managers. */
export const notifyConnectorJob = defineSubscriber({
  name: "notify.connector",
  on: ["connector.paused"],
  retry: { limit: 8, delaySeconds: 30, backoff: true },
  handler: (event, { db }) => notifyConnectorPaused(db, event, { afterQueue: enqueueMailSending }),
});
