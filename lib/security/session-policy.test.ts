import { describe, expect, it } from "vitest";
import { epochSeconds, SESSION_MAX_AGE_SECONDS, sessionEnd, sessionExpired } from "./session-policy";

describe("sessionExpired", () => {
  const signIn = epochSeconds(new Date("2026-11-30T08:00:00Z"));

  it("lasts twelve hours from the sign-in, however often the cookie was renewed", () => {
    expect(sessionExpired(signIn, new Date("2026-11-30T19:59:59Z"))).toBe(false);
    expect(sessionExpired(signIn, new Date("2026-11-30T20:00:00Z"))).toBe(true);
  });

  it("treats a token without a sign-in time (issued before this rule) as expired", () => {
    expect(sessionExpired(undefined, new Date())).toBe(true);
  });

  it("ends where the logout record may go", () => {
    expect(sessionEnd(signIn).toISOString()).toBe("2026-11-30T20:00:00.000Z");
    expect(SESSION_MAX_AGE_SECONDS).toBe(43_200);
  });
});
