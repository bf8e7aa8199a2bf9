/**
 * When a failed delivery is tried again: the schedule the Standard Webhooks specification
 * suggests, growing roughly exponentially (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h) — eight
 * attempts over about 27.5 hours, so a receiver that is down for a day still gets every event.
 */
export const RETRY_DELAYS_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000, 10 * 3_600_000] as const;

/** The first attempt plus one per delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** After `attempts` failed attempts: when to try next, or null when the delivery gives up. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts < 1 || attempts >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + RETRY_DELAYS_MS[attempts - 1]);
}

/** Per attempt: how long to wait for an answer, and how much of it to read. */
export const DELIVERY_TIMEOUT_MS = 10_000;
export const MAX_RESPONSE_BYTES = 64 * 1024;
