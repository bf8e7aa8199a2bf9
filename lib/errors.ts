import type { z } from "zod";

/** Stable error codes shared by server actions and the HTTP API. */
export type ErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "validation_failed"
  | "conflict"
  | "rate_limited"
  | "invalid_token"
  | "bad_request"
  | "payload_too_large"
  | "unavailable"
  | "internal";

const STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  invalid_token: 401,
  forbidden: 403,
  not_found: 404,
  validation_failed: 422,
  conflict: 409,
  rate_limited: 429,
  bad_request: 400,
  payload_too_large: 413,
  unavailable: 503,
  internal: 500,
};

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;
  constructor(code: ErrorCode, message?: string, fieldErrors?: FieldErrors) {
    super(message ?? code);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export function statusFor(code: ErrorCode): number {
  return STATUS[code];
}

/** Flattens zod issues into `{ "a.b": ["message"] }`, the shape forms and API clients read. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** A Postgres unique violation, from either driver. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = (err as { cause?: unknown })?.cause ?? err;
  const code = (e as { code?: string })?.code;
  if (code !== "23505") return false;
  if (!constraint) return true;
  return (e as { constraint?: string }).constraint === constraint;
}
