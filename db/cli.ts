/* Command-line entry for migrate and seed; opens the database the same way the app does. */
import { migrateDatabase, MIGRATION_LOCK_KEY, openFromEnv } from "./client";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from "./seed";

async function main() {
  const cmd = process.argv[2];
  if (cmd !== "migrate" && cmd !== "seed") {
    console.error("usage: tsx db/cli.ts migrate|seed");
    process.exit(2);
  }
  const url = process.env.DATABASE_URL || undefined;
  const conn = await openFromEnv({ databaseUrl: url, pgliteDir: process.env.PGLITE_DIR || "./data/pglite" });
  try {
    // Under the lock app instances take when they migrate at start, so a migration run by hand
    // while a server starts (or two at once) waits instead of racing.
    await conn.withLock(MIGRATION_LOCK_KEY, async () => {
      await migrateDatabase(conn);
      console.log(`Migrated ${conn.kind} database.`);
      if (cmd === "seed") {
        await seedDemo(conn.db, new Date());
        console.log(`Seeded the demo company. Logins (password "${DEMO_PASSWORD}"):`);
        for (const l of DEMO_LOGINS) console.log(`  ${l.email.padEnd(28)} ${l.label}`);
      }
    });
  } finally {
    await conn.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
