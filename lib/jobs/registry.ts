import type { AnyJob } from "./define";
import { connectorsPollJob } from "./definitions/connectors-poll";
import { crisisEvaluateJob } from "./definitions/crisis-evaluate";
import { crisisStepsOverdueJob } from "./definitions/crisis-steps";
import { integrationScoreJob } from "./definitions/integration-score";
import { kpisDeriveJob } from "./definitions/kpis-derive";
import { mailDigestJob } from "./definitions/mail-digest";
import { mailSendJob } from "./definitions/mail-send";
import { notifyAlertJob } from "./definitions/notify-alert";
import { notifyConnectorJob } from "./definitions/notify-connector";
import { guidelineReminderJob, notifyGuidelineJob } from "./definitions/notify-guideline";
import { notifyInsightJob } from "./definitions/notify-insight";
import { retentionSweepJob } from "./definitions/retention";
import { slaSweepJob } from "./definitions/sla-sweep";
import { webhooksDeliverJob, webhooksDispatchJob, webhooksSweepJob } from "./definitions/webhooks-dispatch";

const added: AnyJob[] = [];

/**
 * Every job the app runs: add new ones to this list. A function, not a constant: job modules
 * import query modules that may emit events, which reads this list, and a module cycle must not
 * see it half-built.
 */
export function appJobs(): readonly AnyJob[] {
  return [crisisEvaluateJob, slaSweepJob, notifyInsightJob, notifyAlertJob, notifyGuidelineJob, guidelineReminderJob, mailSendJob, mailDigestJob, webhooksDispatchJob, webhooksDeliverJob, webhooksSweepJob, connectorsPollJob, notifyConnectorJob, crisisStepsOverdueJob, retentionSweepJob, kpisDeriveJob, integrationScoreJob, ...added];
}

/** Adds a job while the process runs (tests); returns how to take it out again. */
export function registerJob(job: AnyJob): () => void {
  if (!added.includes(job)) added.push(job);
  return () => {
    const i = added.indexOf(job);
    if (i >= 0) added.splice(i, 1);
  };
}
