/**
 * Fresh databases for integration tests: an in-memory PGlite always, and a throwaway database on
 * a real PostgreSQL server when TEST_DATABASE_URL (or DATABASE_URL) points at one. Each suite
 * runs against every backend that is available.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
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

/**
 * Where the integration suite's global setup (tests/setup/database-templates.ts) left a migrated
 * database to copy: a PGlite data directory dump and the name of a template database on the
 * PostgreSQL server. Copying one takes a fraction of a second; creating and migrating a database
 * takes seconds, for every test file and backend. Without them (benchmarks, a lone script), each
 * database is migrated afresh.
 */
export const PGLITE_TEMPLATE_ENV = "TEST_PGLITE_TEMPLATE";
export const PG_TEMPLATE_ENV = "TEST_PG_TEMPLATE";

let pgliteTemplate: Promise<Blob> | null = null;
function pgliteTemplateBlob(file: string): Promise<Blob> {
  pgliteTemplate ??= fs.promises.readFile(file).then((buf) => new Blob([buf]));
  return pgliteTemplate;
}

/** With `migrate: false` the database is left empty, for tests of the migrations themselves. */
export async function createTestDb(backend: Backend, opts: { migrate?: boolean } = {}): Promise<TestDb> {
  const migrate = opts.migrate ?? true;
  if (backend === "pglite") {
    const templateFile = migrate ? process.env[PGLITE_TEMPLATE_ENV] : undefined;
    if (templateFile) {
      const conn = await openPglite(null, { loadDataDir: await pgliteTemplateBlob(templateFile) });
      return { ...conn, dispose: conn.close };
    }
    const conn = await openPglite(null);
    if (migrate) await migrateDatabase(conn);
    return { ...conn, dispose: conn.close };
  }
  const base = serverUrl();
  if (!base) throw new Error("no PostgreSQL URL for integration tests");
  const name = `test_${crypto.randomBytes(6).toString("hex")}`;
  const template = migrate ? process.env[PG_TEMPLATE_ENV] : undefined;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(template ? `create database ${name} template ${pg.escapeIdentifier(template)}` : `create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const conn = await openPostgres(url.toString(), 4);
  if (migrate && !template) await migrateDatabase(conn);
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

/**
 * Builds both templates once (PostgreSQL only when a server is configured and wanted) and returns
 * what to hand the test files, and how to remove the templates again.
 */
export async function buildTestDbTemplates(dir: string): Promise<{ env: Record<string, string>; remove: () => Promise<void> }> {
  const env: Record<string, string> = {};
  const removals: (() => Promise<void>)[] = [];
  const backends = availableBackends();
  if (backends.includes("pglite")) {
    const conn = await openPglite(null);
    await migrateDatabase(conn);
    const file = path.join(dir, "pglite-template.tar");
    fs.writeFileSync(file, Buffer.from(await (await conn.dumpDataDir()).arrayBuffer()));
    await conn.close();
    env[PGLITE_TEMPLATE_ENV] = file;
    removals.push(async () => fs.rmSync(file, { force: true }));
  }
  const base = serverUrl();
  if (base && backends.includes("postgres")) {
    const name = `test_template_${crypto.randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    const conn = await openPostgres(url.toString(), 1);
    await migrateDatabase(conn);
    // No connection may stay on a template while databases are copied from it.
    await conn.close();
    env[PG_TEMPLATE_ENV] = name;
    removals.push(async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    });
  }
  return { env, remove: async () => void (await Promise.all(removals.map((r) => r()))) };
}
