import { ready } from "@/db";
import { DEMO_LOGINS, DEMO_PASSWORD } from "@/db/seed";
import { env } from "@/lib/env";

/** Opens the database, applies migrations, seeds an empty database, and prints where to log in. */
export async function startServer(): Promise<void> {
  try {
    const started = Date.now();
    const { conn, seeded } = await ready();
    const where = conn.kind === "pglite" ? `embedded PGlite in ${env.PGLITE_DIR}` : "PostgreSQL";
    console.log(
      `Database ready (${where}), migrated${seeded ? " and seeded with the demo company" : ""} in ${Date.now() - started} ms.`,
    );
    if (env.SEED_DEMO) {
      console.log(`Demo logins (password "${DEMO_PASSWORD}"):`);
      for (const l of DEMO_LOGINS) console.log(`  ${l.email.padEnd(26)} ${l.label}`);
    }
  } catch (err) {
    console.error(`Cannot start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
