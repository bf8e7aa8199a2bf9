import { sweepSla } from "@/db/queries/sla-sweep";
import { defineJob } from "../define";
import { emit } from "../enqueue";

/**
 * Finds insights whose SLA passed 75 % without acceptance or ran out since the last run, records
 * each transition once and emits it (`insight.sla_due_soon`, `insight.sla_overdue`) to whoever
 * subscribes (notifications), in one transaction: a transition is recorded exactly when its
 * follow-up jobs exist. The lists compute "overdue" from the due time when they are read, so they
 * are right without this job; the job is what tells people.
 */
export const slaSweepJob = defineJob<Record<string, never>>({
  name: "sla.sweep",
  schedule: { cron: "* * * * *" },
  policy: "stately",
  retry: { limit: 3, delaySeconds: 10, backoff: true },
  expireInSeconds: 5 * 60,
  handler: (_data, { db, now }) =>
    db.transaction(async (tx) => {
      const events = await sweepSla(tx, now);
      await emit(tx, events);
      return {
        dueSoon: events.filter((e) => e.type === "insight.sla_due_soon").length,
        overdue: events.filter((e) => e.type === "insight.sla_overdue").length,
      };
    }),
});
