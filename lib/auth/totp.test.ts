import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkTotp, newRecoveryCodes, normalRecoveryCode, newTotpSecret, parseSecondFactor, totpCode, totpUri } from "./totp";

const AT = new Date("2026-07-01T10:00:10Z");
const step = (d: Date) => Math.floor(d.getTime() / 30_000);

describe("TOTP", () => {
  const secret = newTotpSecret();

  it("accepts the current code, and one step either side for a phone's clock", () => {
    expect(checkTotp(secret, totpCode(secret, AT), AT, null)).toEqual({ ok: true, step: step(AT) });
    const before = new Date(AT.getTime() - 30_000);
    expect(checkTotp(secret, totpCode(secret, before), AT, null)).toEqual({ ok: true, step: step(before) });
    expect(checkTotp(secret, totpCode(secret, new Date(AT.getTime() - 90_000)), AT, null)).toEqual({ ok: false });
  });

  it("accepts a code once: no replay of its step or an earlier one", () => {
    const code = totpCode(secret, AT);
    const first = checkTotp(secret, code, AT, null);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(checkTotp(secret, code, AT, first.step)).toEqual({ ok: false });
    const later = new Date(AT.getTime() + 30_000);
    expect(checkTotp(secret, totpCode(secret, later), later, first.step).ok).toBe(true);
  });

  it("refuses wrong codes and anything that is not six digits", () => {
    const right = totpCode(secret, AT);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0");
    expect(checkTotp(secret, wrong, AT, null)).toEqual({ ok: false });
    expect(checkTotp(secret, "12345", AT, null)).toEqual({ ok: false });
    expect(checkTotp(secret, `${right} `, AT, null)).toEqual({ ok: false });
  });

  it("builds the URI authenticator apps read", () => {
    expect(totpUri(secret, "anna@example.com")).toMatch(
      new RegExp(`^otpauth://totp/Social-Media-Koordination:anna%40example\\.com\\?issuer=Social-Media-Koordination&secret=${secret}&`),
    );
  });
});

describe("second factor input", () => {
  it("reads six digits with spaces, and recovery codes in any case with or without the hyphen", () => {
    expect(parseSecondFactor(" 123 456 ")).toEqual({ kind: "totp", code: "123456" });
    expect(parseSecondFactor("ABCDE-FGHJK")).toEqual({ kind: "recovery", code: "abcdefghjk" });
    expect(parseSecondFactor("abcdefghjk")).toEqual({ kind: "recovery", code: "abcdefghjk" });
    expect(parseSecondFactor("abcde-fghi1")).toBeNull(); // i and 1 are not in the alphabet
    expect(parseSecondFactor("")).toBeNull();
  });

  it("never throws and only returns well-formed factors (fuzz)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const f = parseSecondFactor(s);
        if (f) expect(f.code).toMatch(f.kind === "totp" ? /^\d{6}$/ : /^[a-z2-9]{10}$/);
      }),
    );
  });

  it("recovery codes are distinct, readable, and compare the same however they are typed", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) {
      expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      expect(parseSecondFactor(c)?.kind).toBe("recovery");
    }
    expect(normalRecoveryCode(codes[0].toUpperCase().replace("-", " "))).toBe(codes[0].replace("-", ""));
  });
});
