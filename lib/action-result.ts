import type { ErrorCode, FieldErrors } from "./errors";

/** What every server action returns; safe to import from client components. */
export type ActionResult<T = unknown> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; error: ErrorCode; message?: string; fieldErrors?: FieldErrors; values?: Record<string, string> };
