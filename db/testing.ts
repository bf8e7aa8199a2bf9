/**
 * Fresh databases for integration tests: an in-memory PGlite always, and a throwaway database on
 * a real PostgreSQL server when TEST_DATABASE_URL (or DATABASE_URL) points at one. Each suite
 * runs against every backend that is available.
 */
import crypto from "node:crypto";
import pg from "pg";
import { type Connection, migrateDatabase, openPglite, openPostgres } from "./client";

export type Backend = "pglite" | "postgres";

export function serverUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/**
 * PGlite always, PostgreSQL when a server is configured; TEST_BACKENDS ("pglite", "postgres" or
 * both, comma-separated) narrows that (the calendar-edge passes of `npm test` split the backends
 * between them). Never empty: with nothing left, PGlite.
 */
export function availableBackends(): Backend[] {
  const all: Backend[] = serverUrl() ? ["pglite", "postgres"] : ["pglite"];
  const wanted = (process.env.TEST_BACKENDS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const picked = wanted.length ? all.filter((b) => wanted.includes(b)) : all;
  return picked.length ? picked : ["pglite"];
}

export interface TestDb extends Connection {
  dispose: () => Promise<void>;
  /** The throwaway database's URL on PostgreSQL, for a second connection (another "instance"). */
  url?: string;
}

/** With `migrate: false` the database is left empty, for tests of the migrations themselves. */
export async function createTestDb(backend: Backend, opts: { migrate?: boolean } = {}): Promise<TestDb> {
  const migrate = opts.migrate ?? true;
  if (backend === "pglite") {
    const conn = await openPglite(null);
    if (migrate) await migrateDatabase(conn);
    return { ...conn, dispose: conn.close };
  }
  const base = serverUrl();
  if (!base) throw new Error("no PostgreSQL URL for integration tests");
  const name = `test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const conn = await openPostgres(url.toString(), 4);
  if (migrate) await migrateDatabase(conn);
  return {
    ...conn,
    url: url.toString(),
    dispose: async () => {
      await conn.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
