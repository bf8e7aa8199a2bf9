import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/**
 * The personal link an advocate gets with a briefing: `/brief/<recipient>.<expiry>.<signature>`.
 * Single-purpose (it names one briefing's recipient and nothing else), expiring, and signed with
 * a key derived from the app's secret, so it cannot be guessed or altered; it reveals nothing
 * about other advocates. A forged link answers 403, an expired one 410.
 */
export const BRIEFING_LINK_DAYS = 14;

const INFO = "crisis-briefing-link";

function keyFrom(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", Buffer.from(secret, "utf8"), Buffer.alloc(0), INFO, 32));
}

function signature(key: Buffer, recipientId: number, expiresAt: number): string {
  return createHmac("sha256", key).update(`brief:${recipientId}:${expiresAt}`).digest("base64url");
}

export function signBriefingToken(secret: string, recipientId: number, expiresAt: Date): string {
  const exp = Math.floor(expiresAt.getTime() / 1000);
  return `${recipientId}.${exp}.${signature(keyFrom(secret), recipientId, exp)}`;
}

export type BriefingTokenCheck = { ok: true; recipientId: number; expiresAt: Date } | { ok: false; reason: "forged" | "expired" };

/** Checks shape and signature first (a forged link never learns whether it would have expired), then the expiry. */
export function verifyBriefingToken(secret: string, token: string, now: Date): BriefingTokenCheck {
  const m = /^(\d{1,12})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return { ok: false, reason: "forged" };
  const recipientId = Number(m[1]);
  const exp = Number(m[2]);
  const expected = Buffer.from(signature(keyFrom(secret), recipientId, exp));
  const given = Buffer.from(m[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "forged" };
  if (exp * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, recipientId, expiresAt: new Date(exp * 1000) };
}
