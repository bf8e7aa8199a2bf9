import { storeIntegrationScores } from "@/db/queries/integration-score";
import { defineJob } from "../define";

/** Nightly: this month's integration score per department (the overview shows its trend month by month). */
export const integrationScoreJob = defineJob<Record<string, never>>({
  name: "integration.score",
  schedule: { cron: "15 3 * * *" },
  policy: "stately",
  retry: { limit: 3, delaySeconds: 300, backoff: true },
  expireInSeconds: 30 * 60,
  handler: async (_data, { db, now }) => {
    const r = await storeIntegrationScores(db, now);
    return { ...r };
  },
});
