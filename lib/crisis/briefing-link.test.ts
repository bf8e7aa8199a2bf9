import { describe, expect, it } from "vitest";
import { signBriefingToken, verifyBriefingToken } from "./briefing-link";

const SECRET = "a-test-secret-of-sufficient-length-123456";
const now = new Date("2026-04-01T10:00:00Z");
const later = new Date("2026-04-15T10:00:00Z");

describe("briefing links", () => {
  it("verifies what it signed until it expires", () => {
    const token = signBriefingToken(SECRET, 42, later);
    expect(verifyBriefingToken(SECRET, token, now)).toEqual({ ok: true, recipientId: 42, expiresAt: later });
    expect(verifyBriefingToken(SECRET, token, later)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses another recipient, another expiry, another secret or a changed signature as forged", () => {
    const token = signBriefingToken(SECRET, 42, later);
    const [id, exp, sig] = token.split(".");
    expect(verifyBriefingToken(SECRET, `43.${exp}.${sig}`, now).ok).toBe(false);
    expect(verifyBriefingToken(SECRET, `${id}.${Number(exp) + 86_400}.${sig}`, now)).toEqual({ ok: false, reason: "forged" });
    expect(verifyBriefingToken("another-secret-of-sufficient-length-xyz", token, now)).toEqual({ ok: false, reason: "forged" });
    const flipped = sig.slice(0, -1) + (sig.endsWith("A") ? "B" : "A");
    expect(verifyBriefingToken(SECRET, `${id}.${exp}.${flipped}`, now)).toEqual({ ok: false, reason: "forged" });
    // A forged link does not learn that its expiry has passed.
    expect(verifyBriefingToken(SECRET, `${id}.1.${sig}`, now)).toEqual({ ok: false, reason: "forged" });
  });

  it("refuses anything malformed, whatever it is", () => {
    const junk = ["", ".", "1.2", "1.2.3.4", "x.1.abc", "1.x.abc", "-1.2.abc", "1.2." + "a".repeat(44), "1".repeat(13) + ".2." + "a".repeat(43), "%00.1.2", "1.2.🙂"];
    for (const s of junk) expect(verifyBriefingToken(SECRET, s, now)).toEqual({ ok: false, reason: "forged" });
    // Random strings in the right shape are forged too.
    for (let i = 0; i < 200; i++) {
      const sig = Buffer.from(Array.from({ length: 32 }, () => Math.floor(Math.random() * 256))).toString("base64url");
      expect(verifyBriefingToken(SECRET, `${i}.${Math.floor(later.getTime() / 1000)}.${sig}`, now).ok).toBe(false);
    }
  });
});
