import fs from "node:fs";
import path from "node:path";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as schema from "./schema";
import { installJobSchema } from "../lib/jobs/install";

/**
 * The one connection factory, usable from Next (through db/index.ts) and from scripts and tests.
 * Both drivers expose the same drizzle query API, so queries are written once.
 */
export type Database = ReturnType<typeof drizzlePglite<typeof schema>>;
export type DatabaseKind = "pglite" | "postgres";

/** Rows of a plain SQL statement, as node-postgres and PGlite both return them. */
export interface RawResult {
  rows: Record<string, unknown>[];
  rowCount?: number | null;
}

export interface Connection {
  db: Database;
  kind: DatabaseKind;
  close: () => Promise<void>;
  ping: () => Promise<void>;
  /**
   * Plain SQL outside drizzle, for pg-boss: with values one statement with `$1…` parameters,
   * without values a script of several statements (the last one's rows are returned).
   */
  query: (text: string, values?: unknown[]) => Promise<RawResult>;
  /**
   * Runs `fn` while holding a PostgreSQL session advisory lock, so instances that start at the same
   * moment migrate and seed one after the other. PGlite has one owner process, so it just runs.
   */
  withLock: <T>(key: bigint, fn: () => Promise<T>) => Promise<T>;
}

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

export class DatabaseLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is in use by process ${pid}. ` +
        `Only one process may open it (two writers silently lose data). ` +
        `Stop that process, or point PGLITE_DIR at another directory.`,
    );
    this.name = "DatabaseLockedError";
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Claims a PGlite directory for this process; a stale lock of a dead process is taken over. */
function acquireLock(dir: string): () => void {
  const lockFile = path.join(dir, ".owner.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockFile, "utf8").trim() === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number.parseInt(fs.readFileSync(lockFile, "utf8").trim(), 10);
      if (Number.isFinite(pid) && pid !== process.pid && processAlive(pid)) throw new DatabaseLockedError(dir, pid);
      fs.unlinkSync(lockFile);
    }
  }
  throw new Error(`Could not lock ${dir}`);
}

/** Extensions the migrations create: pg_trgm backs the insight text search (migration 0007). */
const PGLITE_OPTIONS: PGliteOptions = { extensions: { pg_trgm } };

/** A PGlite connection that can also copy out its whole data directory (db/testing.ts keeps a migrated one as a template). */
export type PgliteConnection = Connection & { dumpDataDir: () => Promise<Blob> };

/**
 * An embedded database in `dir`, or in memory with `dir` null. `loadDataDir` starts the in-memory
 * one from a copy made by `dumpDataDir` instead of an empty cluster.
 */
export async function openPglite(dir: string | null, opts: { loadDataDir?: Blob } = {}): Promise<PgliteConnection> {
  let release = () => {};
  let client: PGlite;
  if (dir) {
    const abs = path.resolve(dir);
    fs.mkdirSync(abs, { recursive: true });
    release = acquireLock(abs);
    try {
      client = await PGlite.create(abs, PGLITE_OPTIONS);
    } catch (err) {
      release();
      throw err;
    }
  } else {
    client = await PGlite.create({ ...PGLITE_OPTIONS, loadDataDir: opts.loadDataDir });
  }
  const db = drizzlePglite({ client, schema });
  return {
    db,
    kind: "pglite",
    dumpDataDir: async () => (await client.dumpDataDir("none")) as Blob,
    ping: async () => {
      await client.query("select 1");
    },
    query: async (text, values) => {
      if (values && values.length > 0) {
        const r = await client.query<Record<string, unknown>>(text, values);
        return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
      }
      // exec runs a script (the simple protocol); query would refuse several statements.
      const results = await client.exec(text);
      const last = results.at(-1);
      return { rows: (last?.rows ?? []) as Record<string, unknown>[], rowCount: last?.affectedRows ?? 0 };
    },
    withLock: (_key, fn) => fn(),
    close: async () => {
      await client.close();
      release();
    },
  };
}

export async function openPostgres(url: string, max = 10): Promise<Connection> {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000 });
  // Errors on idle clients would otherwise crash the process; the next query reports them.
  pool.on("error", () => {});
  const db = drizzlePg({ client: pool, schema }) as unknown as Database;
  return {
    db,
    kind: "postgres",
    ping: async () => {
      await pool.query("select 1");
    },
    query: async (text, values) => {
      const r = await pool.query(text, values as unknown[] | undefined);
      // A script of several statements answers with one result per statement.
      const last = Array.isArray(r) ? (r.at(-1) as pg.QueryResult) : r;
      return { rows: last?.rows ?? [], rowCount: last?.rowCount ?? 0 };
    },
    withLock: async (key, fn) => {
      // A session lock needs one connection for its whole life; the work itself may use the pool.
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [key.toString()]);
        try {
          return await fn();
        } finally {
          await client.query("select pg_advisory_unlock($1)", [key.toString()]);
        }
      } finally {
        client.release();
      }
    },
    close: async () => {
      await pool.end();
    },
  };
}

/** The advisory lock key under which instances migrate and seed (any fixed 64-bit number). */
export const MIGRATION_LOCK_KEY = 0x5343_4d49_4752_4154n; // "SCMIGRAT"

/**
 * Applies the committed migrations and installs or upgrades pg-boss's own schema (`pgboss`, kept
 * by pg-boss, not by drizzle), so every migrated database can take jobs, also inside a
 * transaction before any worker has started.
 */
export async function migrateDatabase(conn: Connection): Promise<void> {
  if (conn.kind === "pglite") {
    await migratePglite(conn.db, { migrationsFolder: MIGRATIONS });
  } else {
    await migratePg(conn.db as never, { migrationsFolder: MIGRATIONS });
  }
  await installJobSchema(conn);
}

export async function openFromEnv(opts: { databaseUrl?: string; pgliteDir: string }): Promise<Connection> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.pgliteDir);
}

/** A database handle or an open transaction: query functions accept either, so they compose. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Executor = Database | Tx;
