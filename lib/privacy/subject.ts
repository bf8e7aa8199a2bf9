// A data subject's handle: how it is checked, compared, masked and hashed. Pure; the searching and
// erasing are db/queries/subject-requests.ts.
import crypto from "node:crypto";

export const HANDLE_MAX = 200;

/**
 * The handle as entered, without a leading "@" and surrounding space. Null when it cannot be a
 * handle: empty, too long, or with quotes, backslashes or control characters (no platform allows
 * them, and they would make the search and the erasure ambiguous).
 */
export function normalizeHandle(input: string): string | null {
  const h = input.trim().replace(/^@+/, "");
  if (h.length < 2 || h.length > HANDLE_MAX) return null;
  if (/["\\\u0000-\u001f\u007f]/.test(h)) return null;
  return h;
}

/** How the handle may be stored on an insight: as typed on the platform, with or without the "@". */
export function handleVariants(h: string): string[] {
  return [h, `@${h}`];
}

/** "jana_k" → "j***k": enough to tell requests apart in the list, not enough to be the handle. */
export function maskHandle(h: string): string {
  const chars = [...h];
  return chars.length <= 2 ? "***" : `${chars[0]}***${chars[chars.length - 1]}`;
}

/** The handle's keyed hash (per platform, case-folded): finds an earlier request about the same author without keeping the handle. */
export function hashHandle(platform: string, h: string, key: string): string {
  return crypto.createHmac("sha256", key).update(`${platform}\n${h.toLowerCase()}`).digest("base64url");
}

const escapeRegex = (h: string) => h.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The handle as a whole word in a text, whatever its case: "jana_k" is found in "@jana_k danke"
 * and in "instagram.com/jana_k/", not in "jana_kraus". For PostgreSQL's `~*` …
 */
export function pgHandleRegex(h: string): string {
  return `(^|[^[:alnum:]_])${escapeRegex(h)}($|[^[:alnum:]_])`;
}

/** … and for replacing it in a string in JavaScript. */
export function handlePattern(h: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegex(h)}(?![\\p{L}\\p{N}_])`, "giu");
}

export const ERASED = "[gelöscht]";

/** Every string in a JSON value with the handle replaced by ERASED; keys and structure stay. */
export function scrubJson(value: unknown, pattern: RegExp): unknown {
  if (typeof value === "string") return value.replace(pattern, ERASED);
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, pattern));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubJson(v, pattern)]));
  return value;
}
