import { runDerivedKpis } from "@/db/queries/derived-kpis";
import { defineJob } from "../define";

/**
 * Hourly: the values of KPIs derived from the insight flow, for the running and the previous
 * period, through the measurement write path (so thresholds raise alerts as for entered values).
 */
export const kpisDeriveJob = defineJob<Record<string, never>>({
  name: "kpis.derive",
  schedule: { cron: "15 * * * *" },
  policy: "stately",
  retry: { limit: 3, delaySeconds: 120, backoff: true },
  expireInSeconds: 30 * 60,
  handler: async (_data, { db, now }) => {
    const run = await runDerivedKpis(db, now);
    return { ...run };
  },
});
