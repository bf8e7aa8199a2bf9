import { AppError } from "@/lib/errors";

/**
 * Keyset (cursor) pagination. A cursor is the sort key of a page's first or last row, as
 * base64url-encoded JSON: `[sortValue, id]`, where sortValue is a timestamp or a date as the
 * database prints it. It is opaque to users; a cursor that does not decode to that shape is a
 * clear "bad_request", never a database error.
 */
export type CursorKey = [sortValue: string, id: number];

/** Which way to page from a cursor: `after` = further down the list (older), `before` = back up (newer). */
export type CursorDirection = "after" | "before";
export interface PageRequest {
  direction: CursorDirection;
  key: CursorKey;
}

/** Lists count at most this many matching rows and then say "more than 10,000". */
export const COUNT_CAP = 10_000;

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

function validSortValue(v: string): boolean {
  const m = TIMESTAMP.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1 || day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59)) return false;
  return true;
}

export function decodeCursor(cursor: string): CursorKey {
  const bad = () => new AppError("bad_request", "invalid cursor");
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad();
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw bad();
  }
  if (
    !Array.isArray(key) ||
    key.length !== 2 ||
    typeof key[0] !== "string" ||
    !validSortValue(key[0]) ||
    !Number.isSafeInteger(key[1]) ||
    key[1] < 1
  ) {
    throw bad();
  }
  return [key[0], key[1]];
}

/** The page request of `?after=…` / `?before=…` (after wins if both are given); null for the first page. */
export function pageRequest(params: { after?: string | null; before?: string | null }): PageRequest | null {
  if (params.after) return { direction: "after", key: decodeCursor(params.after) };
  if (params.before) return { direction: "before", key: decodeCursor(params.before) };
  return null;
}

/** A capped count: `total` is at most `cap`, and `more` says there are more matching rows than that. */
export interface CappedCount {
  total: number;
  more: boolean;
}

export function capCount(n: number, cap: number): CappedCount {
  return n > cap ? { total: cap, more: true } : { total: n, more: false };
}

/** One page of a keyset-paginated list, newest first. */
export interface KeysetPage<T> {
  rows: T[];
  pageSize: number;
  /** Matching rows, counted up to the cap. */
  count: CappedCount;
  /** Cursor of the page above (newer rows); null on the first page. */
  newer: string | null;
  /** Cursor of the page below (older rows); null on the last page. */
  older: string | null;
}

/**
 * Turns the rows a keyset query fetched (pageSize + 1 of them, in the query's order) into a page:
 * rows in list order and the cursors to the neighbours. `before` queries run in ascending order,
 * so their rows are reversed here.
 */
export function toKeysetPage<T>(
  fetched: T[],
  req: PageRequest | null,
  pageSize: number,
  keyOf: (row: T) => CursorKey,
  count: CappedCount,
): KeysetPage<T> {
  const extra = fetched.length > pageSize;
  let rows = fetched.slice(0, pageSize);
  if (req?.direction === "before") rows = rows.reverse();
  const hasNewer = req?.direction === "before" ? extra : req !== null;
  const hasOlder = req?.direction === "before" ? true : extra;
  return {
    rows,
    pageSize,
    count,
    newer: hasNewer && rows.length ? encodeCursor(keyOf(rows[0])) : null,
    older: hasOlder && rows.length ? encodeCursor(keyOf(rows[rows.length - 1])) : null,
  };
}

/**
 * The cursor of a page's URL (`?after=` / `?before=`), checked: a page given a broken or
 * tampered link shows the first page and says so instead of failing.
 */
export function cursorParams(sp: Record<string, string | string[] | undefined>): { after?: string; before?: string; invalid: boolean } {
  const one = (k: string) => {
    const v = sp[k];
    return (Array.isArray(v) ? v[0] : v) || undefined;
  };
  const after = one("after");
  const before = one("before");
  try {
    pageRequest({ after, before });
    return after ? { after, invalid: false } : { before, invalid: false };
  } catch {
    return { invalid: true };
  }
}
