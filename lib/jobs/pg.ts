import { type SQL, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Connection, Executor } from "@/db/client";

/** pg-boss keeps its tables in a schema of its own, apart from the app's (drizzle never sees it). */
export const JOB_SCHEMA = "pgboss";

/** pg-boss's `db` option over one of our connections: the app's pool on PostgreSQL, the embedded client on PGlite. */
export function connectionDb(conn: Connection): PgBoss.Db {
  return { executeSql: (text, values) => conn.query(text, values) };
}

/**
 * pg-boss's `db` option over a drizzle handle or an open transaction: a job sent through it is
 * written in that transaction, so it exists exactly when the caller's change commits. (On PGlite,
 * going around an open transaction would also wait for it to end: one connection, one transaction.)
 */
export function executorDb(ex: Executor): PgBoss.Db {
  return {
    executeSql: async (text, values = []) => {
      const res = await ex.execute(positional(text, values));
      return { rows: res.rows as Record<string, unknown>[] };
    },
  };
}

/** pg-boss's `$1…` statements as drizzle SQL, each value bound as one parameter (arrays stay arrays). */
function positional(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 0) chunks.push(sql.raw(part));
    else chunks.push(sql`${sql.param(values[Number(part) - 1])}`);
  });
  return sql.join(chunks, sql.raw(""));
}
