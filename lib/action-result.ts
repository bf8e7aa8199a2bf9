import type { ErrorCode, FieldErrors } from "./errors";

/** What every server action returns; safe to import from client components. */
export type ActionResult<T = unknown> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; error: ErrorCode; message?: string; fieldErrors?: FieldErrors; values?: Record<string, string> };

/** Lists (`x[]` fields) come back in `values` joined with this separator, which no form value contains. */
export const ECHO_LIST_SEPARATOR = "\n";

/** The echoed entries of a list field (ticked boxes), or undefined when nothing was echoed. */
export function echoedList(values: Record<string, string> | undefined, key: string): string[] | undefined {
  const v = values?.[key];
  return v === undefined ? undefined : v === "" ? [] : v.split(ECHO_LIST_SEPARATOR);
}
