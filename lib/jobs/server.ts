import "server-only";
import { getConnection } from "@/db";
import { env } from "@/lib/env";
import { JobRunner } from "./runner";

// One runner per server process, kept on globalThis like the database (route bundles are loaded
// separately, and development reloads modules).
const store = globalThis as unknown as { __jobRunner?: Promise<JobRunner> };

/** Starts this instance's workers and schedules (called once at server start, after migrations). */
export function startJobs(): Promise<JobRunner> {
  if (!store.__jobRunner) {
    store.__jobRunner = (async () => {
      const runner = new JobRunner({ conn: await getConnection(), work: env.JOBS_WORK });
      return runner.start();
    })().catch((err) => {
      store.__jobRunner = undefined;
      throw err;
    });
  }
  return store.__jobRunner;
}

/** Stops taking jobs and lets running ones finish briefly (SIGTERM). */
export async function stopJobs(): Promise<void> {
  const running = store.__jobRunner;
  store.__jobRunner = undefined;
  if (running) await (await running).stop({ timeoutMs: 8_000 });
}
