/**
 * When a login is refused before the password is even checked.
 *
 * Two counters over one window (defaults: 15 minutes):
 * - per e-mail and address (default 5): one address guessing at one account;
 * - per account from every address together (default 20): an attacker rotating addresses (or
 *   forging X-Forwarded-For where the app is reachable directly) cannot get more guesses than
 *   this. The price is that anyone can lock an account for the rest of the window by failing 20
 *   times, and the owner has to wait it out — the lock lasts minutes, a guessed password lasts
 *   until someone notices.
 * A successful login resets the counters it belongs to (its pair, and the account's).
 */
export interface ThrottlePolicy {
  /** Failures allowed per e-mail and address within the window. */
  maxAttempts: number;
  /** Failures allowed per account, from all addresses, within the window. */
  maxAttemptsPerAccount: number;
  windowMinutes: number;
}

export interface FailureCounts {
  /** Failures of this e-mail from this address. */
  pair: number;
  /** Failures of this e-mail from any address. */
  account: number;
}

export function isThrottled(counts: FailureCounts, policy: ThrottlePolicy): boolean {
  return counts.pair >= policy.maxAttempts || counts.account >= policy.maxAttemptsPerAccount;
}

export function windowStart(now: Date, policy: ThrottlePolicy): Date {
  return new Date(now.getTime() - policy.windowMinutes * 60_000);
}
