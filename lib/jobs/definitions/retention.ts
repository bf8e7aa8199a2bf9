import { runRetention } from "@/db/queries/retention";
import { defineJob } from "../define";

/**
 * Nightly: anonymises insights past their category's retention period and deletes audit entries
 * and notifications past theirs (Admin → Datenschutz); each run is recorded in the audit log.
 */
export const retentionSweepJob = defineJob<Record<string, never>>({
  name: "retention.sweep",
  schedule: { cron: "30 2 * * *" },
  policy: "stately",
  retry: { limit: 3, delaySeconds: 300, backoff: true },
  expireInSeconds: 60 * 60,
  handler: async (_data, { db, now }) => {
    const run = await runRetention(db, now);
    return { insights: Object.values(run.insights).reduce((a, b) => a + (b ?? 0), 0), audit: run.auditDeleted, notifications: run.notificationsDeleted };
  },
});
