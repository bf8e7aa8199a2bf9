import { ready } from "@/db";
import { DEMO_LOGINS, DEMO_PASSWORD } from "@/db/seed";
import { env } from "@/lib/env";
import { seedDemoJobs } from "@/lib/jobs/demo";
import { startJobs, stopJobs } from "@/lib/jobs/server";

/**
 * Opens the database, applies migrations, seeds an empty database, starts the background jobs,
 * and prints where to log in.
 */
export async function startServer(): Promise<void> {
  try {
    const started = Date.now();
    const { conn, seeded } = await ready();
    const where = conn.kind === "pglite" ? `embedded PGlite in ${env.PGLITE_DIR}` : "PostgreSQL";
    console.log(
      `Database ready (${where}), migrated${seeded ? " and seeded with the demo company" : ""} in ${Date.now() - started} ms.`,
    );
    if (seeded) await seedDemoJobs(conn.db);
    await startJobs();
    console.log(env.JOBS_WORK ? "Background jobs started." : "Background jobs: this instance only enqueues (JOBS_WORK=false).");
    // Next closes the server on SIGTERM/SIGINT and then exits; stop taking jobs at the same time.
    // A job cut off by the exit is retried after its expiry, so nothing is lost either way.
    for (const sig of ["SIGTERM", "SIGINT"] as const) {
      process.once(sig, () => {
        stopJobs().catch((err) => console.error("Stopping background jobs:", err));
      });
    }
    if (env.SEED_DEMO) {
      console.log(`Demo logins (password "${DEMO_PASSWORD}"):`);
      for (const l of DEMO_LOGINS) console.log(`  ${l.email.padEnd(26)} ${l.label}`);
    }
  } catch (err) {
    console.error(`Cannot start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
