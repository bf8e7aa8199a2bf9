import crypto from "node:crypto";

/**
 * `Idempotency-Key` of the public API: 1–200 printable ASCII characters (space to tilde). A client
 * sends a fresh key per logical request and the same key when it retries that request.
 */
export const IDEMPOTENCY_KEY = /^[\x20-\x7e]{1,200}$/;

/** How long an answer is kept for retries. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const REPLAYED_HEADER = "Idempotent-Replayed";

/** The header's key; `null` when the request has none; `false` when it has one that is not valid. */
export function parseIdempotencyKey(raw: string | null): string | null | false {
  if (raw === null) return null;
  return IDEMPOTENCY_KEY.test(raw) ? raw : false;
}

/**
 * Fingerprint of a request body, to tell a retry from another request under the same key. The
 * parsed JSON is hashed, so a retry that only differs in whitespace is still the same request.
 */
export function requestHash(body: unknown): string {
  return crypto.createHash("sha256").update(JSON.stringify(body) ?? "").digest("hex");
}
