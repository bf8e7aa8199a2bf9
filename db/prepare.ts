import { type Connection, migrateDatabase, MIGRATION_LOCK_KEY } from "./client";
import { seedIfEmpty } from "./seed";

/**
 * Brings a database up to date before the app serves: migrations (ours and pg-boss's), then the
 * demo company into an empty database. Several instances may start at the same moment against one
 * PostgreSQL: they take turns under an advisory lock, so the migrations run once and the second
 * instance finds them applied and the database seeded.
 */
export async function prepareDatabase(conn: Connection, opts: { seed: boolean }): Promise<{ seeded: boolean }> {
  return conn.withLock(MIGRATION_LOCK_KEY, async () => {
    await migrateDatabase(conn);
    const seeded = opts.seed ? await seedIfEmpty(conn.db) : false;
    return { seeded };
  });
}
