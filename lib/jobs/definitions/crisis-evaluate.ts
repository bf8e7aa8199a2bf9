import { evaluateCrisis } from "@/db/queries/crisis";
import { defineJob } from "../define";

/**
 * The crisis early warning on a clock: intake re-evaluates it when negative insights arrive, this
 * run also when none do, so a spike that has ended resolves its alert within minutes.
 */
export const crisisEvaluateJob = defineJob<Record<string, never>>({
  name: "crisis.evaluate",
  schedule: { cron: "*/5 * * * *" },
  policy: "stately",
  retry: { limit: 3, delaySeconds: 20, backoff: true },
  expireInSeconds: 5 * 60,
  handler: async (_data, { db, now }) => evaluateCrisis(db, now),
});
