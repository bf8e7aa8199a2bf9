import { asc, count, desc, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import { type CappedCount, capCount, type CursorKey, type KeysetPage, type PageRequest, toKeysetPage } from "@/lib/pagination/cursor";

/**
 * Keyset pagination over a list sorted by (sortColumn desc, id desc), which an index ending in
 * (sortColumn, id) serves in either direction: a page is one ordered index range, however deep
 * the user has paged, and rows inserted meanwhile neither shift nor repeat a page.
 */
export function keysetCondition(sortColumn: AnyColumn, idColumn: AnyColumn, req: PageRequest | null, type: "timestamptz" | "date"): SQL | undefined {
  if (!req) return undefined;
  const [value, id] = req.key;
  const op = req.direction === "after" ? sql`<` : sql`>`;
  return sql`(${sortColumn}, ${idColumn}) ${op} (${value}::${sql.raw(type)}, ${id})`;
}

/** Newest first; a `before` page reads upwards from its cursor and is reversed afterwards. */
export function keysetOrder(sortColumn: AnyColumn, idColumn: AnyColumn, req: PageRequest | null): SQL[] {
  return req?.direction === "before" ? [asc(sortColumn), asc(idColumn)] : [desc(sortColumn), desc(idColumn)];
}

/** The sort key as the database prints it (microseconds and offset included), for the next cursor. */
export const sortKeyText = (column: AnyColumn) => sql<string>`${column}::text`.as("sort_key");

/**
 * Counts matching rows up to `cap` + 1 and stops there: above the cap the answer is "more than
 * cap", which costs at most cap index entries instead of a scan of everything that matches.
 */
export async function cappedCount(db: Executor, table: PgTable, where: SQL | undefined, cap: number): Promise<CappedCount> {
  const limited = db.select({ one: sql`1`.as("one") }).from(table).where(where).limit(cap + 1).as("capped");
  const [{ n }] = await db.select({ n: count() }).from(limited);
  return capCount(n, cap);
}

/**
 * One page of a keyset list: fetches pageSize + 1 rows for the request — when paging back up
 * reaches the top, the first page as it is now — counts the matches up to the cap, and builds
 * the cursors to the neighbouring pages. Queries run one after the other: `db` may be a
 * transaction, whose one connection runs one query at a time.
 */
export async function keysetPage<T>(
  db: Executor,
  opts: {
    req: PageRequest | null;
    pageSize: number;
    fetch: (req: PageRequest | null) => Promise<T[]>;
    keyOf: (row: T) => CursorKey;
    count: { table: PgTable; where: SQL | undefined; cap: number };
  },
): Promise<KeysetPage<T>> {
  let effective = opts.req;
  let fetched = await opts.fetch(effective);
  if (effective?.direction === "before" && fetched.length <= opts.pageSize) {
    effective = null;
    fetched = await opts.fetch(null);
  }
  const counted = await cappedCount(db, opts.count.table, opts.count.where, opts.count.cap);
  return toKeysetPage(fetched, effective, opts.pageSize, opts.keyOf, counted);
}
