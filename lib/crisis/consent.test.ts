import { describe, expect, it } from "vitest";
import { foldText } from "@/lib/routing/text";
import { consentState, matchesSelection, mayBeBriefed } from "./consent";

const now = new Date("2026-06-01T12:00:00Z");
const before = new Date("2026-01-01T00:00:00Z");
const after = new Date("2026-12-31T00:00:00Z");

describe("advocate consent", () => {
  it("is valid from the day it was given until revoked or expired", () => {
    expect(consentState({ consentAt: before, consentExpiresAt: null, consentRevokedAt: null }, now)).toBe("valid");
    expect(consentState({ consentAt: before, consentExpiresAt: after, consentRevokedAt: null }, now)).toBe("valid");
    expect(consentState({ consentAt: null, consentExpiresAt: null, consentRevokedAt: null }, now)).toBe("missing");
    expect(consentState({ consentAt: after, consentExpiresAt: null, consentRevokedAt: null }, now)).toBe("missing");
  });

  it("excludes at once when revoked or expired, the moment included", () => {
    expect(consentState({ consentAt: before, consentExpiresAt: null, consentRevokedAt: now }, now)).toBe("revoked");
    expect(consentState({ consentAt: before, consentExpiresAt: now, consentRevokedAt: null }, now)).toBe("expired");
    expect(mayBeBriefed({ consentAt: before, consentExpiresAt: now, consentRevokedAt: null }, now)).toBe(false);
    // A revocation recorded for later does not count yet.
    expect(mayBeBriefed({ consentAt: before, consentExpiresAt: null, consentRevokedAt: after }, now)).toBe(true);
  });

  it("selects by platform, language and topic, each only when given", () => {
    const a = { platforms: [{ platform: "linkedin", handle: "jw" }], languages: ["de"], topics: ["Getriebe", "Ausbildung"] };
    expect(matchesSelection(a, {}, foldText)).toBe(true);
    expect(matchesSelection(a, { platform: "linkedin", language: "de", topic: "getriebe" }, foldText)).toBe(true);
    expect(matchesSelection(a, { platform: "x" }, foldText)).toBe(false);
    expect(matchesSelection(a, { language: "en" }, foldText)).toBe(false);
    expect(matchesSelection(a, { topic: "Rückruf" }, foldText)).toBe(false);
  });
});
