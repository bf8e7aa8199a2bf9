import { describe, expect, it } from "vitest";
import { isThrottled, windowStart } from "./login-throttle";

const policy = { maxAttempts: 5, maxAttemptsPerAccount: 20, windowMinutes: 15 };

describe("isThrottled", () => {
  it("lets the fifth failure of a pair through and refuses after it", () => {
    expect(isThrottled({ pair: 4, account: 4 }, policy)).toBe(false);
    expect(isThrottled({ pair: 5, account: 5 }, policy)).toBe(true);
  });

  it("refuses once the account has 20 failures, however they are spread over addresses", () => {
    expect(isThrottled({ pair: 1, account: 19 }, policy)).toBe(false);
    expect(isThrottled({ pair: 0, account: 20 }, policy)).toBe(true);
  });
});

describe("windowStart", () => {
  it("is the window length before now", () => {
    expect(windowStart(new Date("2026-11-30T10:15:00Z"), policy).toISOString()).toBe("2026-11-30T10:00:00.000Z");
  });
});
