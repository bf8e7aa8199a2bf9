import crypto from "node:crypto";

/**
 * A stable per-author alias for people who must not see commenters' handles (GDPR data
 * minimisation for departments): an HMAC of the normalised handle with a server secret, so the
 * same author always gets the same alias, and the handle cannot be recovered or guessed by
 * hashing candidate names without the secret. Six hex digits keep collisions rare at the volume
 * of one company's social channels.
 */
export function authorAlias(handle: string, secret: string): string {
  const normalised = handle.trim().replace(/^@/, "").toLowerCase();
  return crypto.createHmac("sha256", secret).update(`author:${normalised}`).digest("hex").slice(0, 6).toUpperCase();
}
