import { ready } from "@/db";
import { DEMO_LOGINS, DEMO_PASSWORD } from "@/db/seed";
import { env } from "@/lib/env";
import { applySsoPreset } from "@/db/queries/sso";
import { parseGroupMap } from "@/lib/auth/group-map";
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
    await presetSso(conn.db);
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

/** OIDC_GROUP_MAP / OIDC_DEFAULT_ROLE preset Admin → Single sign-on whenever their content changed. */
async function presetSso(db: Parameters<typeof applySsoPreset>[0]): Promise<void> {
  const raw = env.OIDC_GROUP_MAP?.trim() ?? "";
  if (!raw && !env.OIDC_DEFAULT_ROLE) return;
  const result = await applySsoPreset(db, {
    map: raw ? parseGroupMap(raw) : new Map(),
    defaultRole: env.OIDC_DEFAULT_ROLE ?? null,
    source: JSON.stringify([raw, env.OIDC_DEFAULT_ROLE ?? null]),
  });
  if (result.applied) console.log(`Single sign-on: OIDC_GROUP_MAP applied (${result.groups} groups).`);
  for (const u of result.unknownDepartments) console.warn(`Single sign-on: OIDC_GROUP_MAP names an unknown department, skipped: ${u}`);
}
