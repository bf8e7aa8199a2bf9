import { describe, expect, it } from "vitest";
import { generateToken, hashToken, looksLikeToken, parseBearer } from "./tokens";

describe("API tokens", () => {
  it("generates distinct well-formed tokens whose prefix is their visible start", () => {
    const a = generateToken();
    const b = generateToken();
    expect(a.token).not.toBe(b.token);
    expect(looksLikeToken(a.token)).toBe(true);
    expect(a.token.startsWith(`${a.prefix}_`)).toBe(true);
    expect(a.prefix).toMatch(/^smc_[0-9a-f]{8}$/);
  });

  it("hashes deterministically and never returns the token itself", () => {
    const { token } = generateToken();
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token.slice(13));
    expect(hashToken(`${token}x`)).not.toBe(hashToken(token));
  });

  it.each([
    ["Bearer abc", "abc"],
    ["bearer abc ", "abc"],
    ["Bearer  smc_1_2", "smc_1_2"],
  ])("reads %j", (header, expected) => {
    expect(parseBearer(header)).toBe(expected);
  });

  it.each([null, undefined, "", "Basic abc", "Bearer", "Bearer a b", "abc"])("rejects %j", (header) => {
    expect(parseBearer(header as string | null | undefined)).toBeNull();
  });

  it("rejects tokens of the wrong shape", () => {
    expect(looksLikeToken("smc_zzzzzzzz_" + "a".repeat(43))).toBe(false);
    expect(looksLikeToken("xyz_12345678_" + "a".repeat(43))).toBe(false);
    expect(looksLikeToken("smc_12345678_" + "a".repeat(42))).toBe(false);
  });
});
