import { usersWithPendingDigest, writeDigest } from "@/db/queries/notifications";
import { defineJob } from "../define";
import { enqueueMailSending } from "../mail";

/**
 * Each morning, one mail per person with everything they chose to hear of as a digest since the
 * last one. Each person's digest is written and marked done in one transaction, so a retry after
 * a crash mails nobody twice and forgets nobody.
 */
export const mailDigestJob = defineJob<Record<string, never>>({
  name: "mail.digest",
  schedule: { cron: "0 7 * * *" },
  policy: "stately",
  retry: { limit: 5, delaySeconds: 60, backoff: true },
  expireInSeconds: 30 * 60,
  handler: async (_data, { db }) => {
    let mails = 0;
    for (;;) {
      const userIds = await usersWithPendingDigest(db);
      if (!userIds.length) break;
      for (const userId of userIds) {
        if ((await writeDigest(db, userId, { afterQueue: enqueueMailSending })) !== null) mails++;
      }
    }
    return { mails };
  },
});
