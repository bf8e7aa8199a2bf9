// Two-factor authentication for local accounts: time-based one-time passwords (RFC 6238, the
// codes of authenticator apps) and single-use recovery codes. The arithmetic is otpauth's; here
// are the rules around it: which codes count, replay, and the shape of recovery codes.
import crypto from "node:crypto";
import { Secret, TOTP } from "otpauth";

export const TOTP_ISSUER = "Social-Media-Koordination";
const PERIOD_SECONDS = 30;
/** One step either side: the phone's clock may be 30 s off. */
const WINDOW = 1;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, account: string): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label: account, secret: Secret.fromBase32(secret), digits: 6, period: PERIOD_SECONDS, algorithm: "SHA1" });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, account: string): string {
  return totp(secret, account).toString();
}

/** The code for `at` (tests, and the enrolment check of the test suite). */
export function totpCode(secret: string, at: Date): string {
  return totp(secret, "").generate({ timestamp: at.getTime() });
}

/**
 * Checks a six-digit code. A code counts once: its time step must be later than `lastStep`, the
 * step of the last code accepted for this account, so a code seen over someone's shoulder cannot
 * be used again within its 90 seconds. Returns the step to store.
 */
export function checkTotp(secret: string, code: string, at: Date, lastStep: number | null): { ok: true; step: number } | { ok: false } {
  if (!/^\d{6}$/.test(code)) return { ok: false };
  const delta = totp(secret, "").validate({ token: code, timestamp: at.getTime(), window: WINDOW });
  if (delta === null) return { ok: false };
  const step = Math.floor(at.getTime() / 1000 / PERIOD_SECONDS) + delta;
  if (lastStep !== null && step <= lastStep) return { ok: false };
  return { ok: true, step };
}

export type SecondFactor = { kind: "totp"; code: string } | { kind: "recovery"; code: string } | null;

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/**
 * What someone typed into the code field: six digits (spaces allowed, as apps group them "123 456")
 * or a recovery code "abcde-fghjk" (case and the hyphen do not matter). Null for anything else.
 */
export function parseSecondFactor(input: string): SecondFactor {
  const t = input.replace(/\s+/g, "");
  if (/^\d{6}$/.test(t)) return { kind: "totp", code: t };
  const r = t.toLowerCase().replace(/-/g, "");
  if (r.length === 10 && [...r].every((c) => RECOVERY_ALPHABET.includes(c))) return { kind: "recovery", code: r };
  return null;
}

/** Ten recovery codes, about 49 bits each, shown once as "abcde-fghjk". */
export function newRecoveryCodes(n = 10): string[] {
  return Array.from({ length: n }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[crypto.randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** The form a recovery code is hashed and compared in: lower case, no hyphen or spaces. */
export function normalRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}
