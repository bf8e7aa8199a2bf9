import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, nextAttemptAt, RETRY_DELAYS_MS } from "./retry";

describe("webhook retry schedule", () => {
  const now = new Date(Date.UTC(2026, 5, 1, 12));
  it("grows with every attempt and spreads over more than 24 hours", () => {
    const delays = RETRY_DELAYS_MS.map((_, i) => nextAttemptAt(i + 1, now)!.getTime() - now.getTime());
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]);
    expect(delays.reduce((a, b) => a + b, 0)).toBeGreaterThan(24 * 3_600_000);
  });
  it("gives up after the last attempt", () => {
    expect(nextAttemptAt(MAX_ATTEMPTS, now)).toBeNull();
    expect(nextAttemptAt(MAX_ATTEMPTS - 1, now)).not.toBeNull();
  });
});
