import type { AnyJob } from "./define";
import { crisisEvaluateJob } from "./definitions/crisis-evaluate";
import { slaSweepJob } from "./definitions/sla-sweep";

/**
 * Every job the app runs. A function, not a constant: job modules import query modules that may
 * emit events, which reads this list, and a module cycle must not see it half-built.
 */
export function appJobs(): readonly AnyJob[] {
  return [crisisEvaluateJob, slaSweepJob];
}
