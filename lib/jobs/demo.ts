import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { crisisEvaluateJob } from "./definitions/crisis-evaluate";
import { enqueue } from "./enqueue";
import { JOB_SCHEMA } from "./pg";

/**
 * The demo company's job history: one crisis evaluation that failed after its retries (the
 * database was briefly unreachable), so Admin → Jobs shows what a failure looks like and what
 * "Retry" does. Retrying it runs a real evaluation.
 */
export async function seedDemoJobs(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    const id = await enqueue(tx, crisisEvaluateJob, {});
    if (!id) return;
    const output = JSON.stringify({ name: "Error", message: "Connection terminated due to connection timeout" });
    await tx.execute(sql`
      update ${sql.raw(JOB_SCHEMA)}.job
      set state = 'failed', retry_count = retry_limit, started_on = now() - interval '2 minutes',
          completed_on = now() - interval '1 minute', output = ${output}::jsonb
      where name = ${crisisEvaluateJob.name} and id = ${id}::uuid`);
  });
}
