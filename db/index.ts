import "server-only";
import { env } from "@/lib/env";
import { type Connection, openFromEnv } from "./client";
import { prepareDatabase } from "./prepare";

type Ready = { conn: Connection; seeded: boolean };

// One instance per server process: Next loads route bundles separately, so the cache lives on
// globalThis (and survives hot reloads in development).
const store = globalThis as unknown as { __dbReady?: Promise<Ready> };

async function init(): Promise<Ready> {
  const conn = await openFromEnv({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  const { seeded } = await prepareDatabase(conn, { seed: env.SEED_DEMO });
  return { conn, seeded };
}

export function ready(): Promise<Ready> {
  if (!store.__dbReady) {
    store.__dbReady = init().catch((err) => {
      store.__dbReady = undefined;
      throw err;
    });
  }
  return store.__dbReady;
}

export async function getDb() {
  return (await ready()).conn.db;
}

export async function getConnection() {
  return (await ready()).conn;
}

export type { Database } from "./client";
