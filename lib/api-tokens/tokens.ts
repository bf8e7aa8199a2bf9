// Server code: generating and hashing tokens needs node:crypto, which a browser bundle would have to
// replace by a large polyfill. Client code takes the scopes from ./scopes.ts; the lint rule
// (eslint/client-boundary.mjs) reports a client component that reaches this module.
import crypto from "node:crypto";

export { API_SCOPES, type ApiScope } from "./scopes";

const PREFIX = "smc";

/**
 * A new token: `smc_<8 hex id>_<43 chars of base64url secret>`. The id part is stored in clear so
 * people can tell tokens apart; only a hash of the whole token is stored.
 */
export function generateToken(): { token: string; prefix: string } {
  const id = crypto.randomBytes(4).toString("hex");
  const secret = crypto.randomBytes(32).toString("base64url");
  const token = `${PREFIX}_${id}_${secret}`;
  return { token, prefix: `${PREFIX}_${id}` };
}

/** Tokens carry 256 bits of randomness, so a fast hash is enough (no password stretching needed). */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

const TOKEN_RE = /^smc_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;

export function looksLikeToken(s: string): boolean {
  return TOKEN_RE.test(s);
}

/** The token from an `Authorization: Bearer …` header, or null when the header is absent or malformed. */
export function parseBearer(header: string | null | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1] : null;
}
