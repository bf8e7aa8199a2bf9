import PgBoss from "pg-boss";
import type { Connection } from "@/db/client";
import { connectionDb, JOB_SCHEMA } from "./pg";

/**
 * Creates pg-boss's schema (`pgboss`) in a fresh database or upgrades it to this pg-boss version,
 * and creates the app's queues, so every migrated database can take jobs (also inside a
 * transaction) before any worker has started. pg-boss guards its install with an advisory lock.
 */
export async function installJobSchema(conn: Connection): Promise<void> {
  const boss = new PgBoss({ db: connectionDb(conn), schema: JOB_SCHEMA, migrate: true, schedule: false, supervise: false });
  await boss.start();
  try {
    // Loaded here, not at the top: the job modules import query modules, which import db/client.
    const [{ appJobs }, { queueOptions }] = await Promise.all([import("./registry"), import("./enqueue")]);
    for (const job of appJobs()) {
      await boss.createQueue(job.name, queueOptions(job));
      await boss.updateQueue(job.name, queueOptions(job));
    }
  } finally {
    await boss.stop({ graceful: false, close: false });
  }
}
