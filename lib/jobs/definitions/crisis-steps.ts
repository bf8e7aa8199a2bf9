import { notifyOverdueCrisisSteps } from "@/db/queries/notifications";
import { defineJob } from "../define";
import { enqueueMailSending } from "../mail";

/**
 * Every minute: steps of active crises that passed their due time undone tell whoever they are for
 * and the crisis's lead, once per due time. The room marks them overdue as it is read; this job is
 * what tells people.
 */
export const crisisStepsOverdueJob = defineJob<Record<string, never>>({
  name: "crisis.overdue",
  schedule: { cron: "* * * * *" },
  policy: "stately",
  retry: { limit: 3, delaySeconds: 10, backoff: true },
  expireInSeconds: 5 * 60,
  handler: async (_data, { db, now }) => {
    const r = await notifyOverdueCrisisSteps(db, now, { afterQueue: enqueueMailSending });
    return { told: r.told, mails: r.mailIds.length };
  },
});
