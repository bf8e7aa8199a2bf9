import { notifyGuidelinePublished, remindUnacknowledgedGuidelines } from "@/db/queries/notifications";
import { defineJob, defineSubscriber } from "../define";
import { enqueueMailSending } from "../mail";

/** A published guideline version tells everyone it applies to. */
export const notifyGuidelineJob = defineSubscriber({
  name: "notify.guideline",
  on: ["guideline.published"],
  retry: { limit: 8, delaySeconds: 30, backoff: true },
  handler: (event, { db }) => notifyGuidelinePublished(db, event, { afterQueue: enqueueMailSending }),
});

/**
 * Every hour: whoever was told of a guideline a week ago and has not acknowledged it gets the one
 * reminder (keyed per version and person, so an hourly run reminds each person once).
 */
export const guidelineReminderJob = defineJob<Record<string, never>>({
  name: "guidelines.remind",
  schedule: { cron: "17 * * * *" },
  policy: "stately",
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  expireInSeconds: 10 * 60,
  handler: async (_data, { db, now }) => {
    const r = await remindUnacknowledgedGuidelines(db, now, { afterQueue: enqueueMailSending });
    return { reminded: r.told, mails: r.mailIds.length };
  },
});
