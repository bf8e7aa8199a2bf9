import crypto from "node:crypto";
import { Webhook } from "standardwebhooks";

/**
 * Secrets and signatures per the Standard Webhooks specification
 * (https://www.standardwebhooks.com): a secret is `whsec_` + base64 of 24–64 random bytes, and
 * every request carries `webhook-id`, `webhook-timestamp` and `webhook-signature: v1,<base64>`
 * (HMAC-SHA256 of `id.timestamp.body`). Receivers verify with any Standard Webhooks library.
 */

const SECRET = /^whsec_([A-Za-z0-9+/]+={0,2})$/;

export function generateWebhookSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString("base64")}`;
}

export function isValidWebhookSecret(s: string): boolean {
  const m = SECRET.exec(s);
  if (!m || m[1].length % 4 !== 0) return false;
  const bytes = Buffer.from(m[1], "base64").length;
  return bytes >= 24 && bytes <= 64;
}

/** The headers of one signed request; `id` stays the same across retries so receivers can drop repeats. */
export function signedHeaders(secret: string, id: string, at: Date, body: string): Record<string, string> {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, body),
  };
}
