/**
 * How long one sign-in lasts, counted from the sign-in itself. next-auth re-issues the cookie with
 * a fresh expiry whenever /api/auth/session is read, so without an absolute limit a copied cookie
 * could be kept alive for ever — and a logged-out session id would have to be remembered for ever.
 */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** Seconds since the epoch, as JWT times are written. */
export function epochSeconds(d: Date): number {
  return Math.floor(d.getTime() / 1000);
}

export function sessionExpired(signedInAt: number | undefined, now: Date): boolean {
  if (typeof signedInAt !== "number" || !Number.isFinite(signedInAt)) return true;
  return epochSeconds(now) >= signedInAt + SESSION_MAX_AGE_SECONDS;
}

/** When nothing can use a session any more, so its logout record can go. */
export function sessionEnd(signedInAt: number): Date {
  return new Date((signedInAt + SESSION_MAX_AGE_SECONDS) * 1000);
}
