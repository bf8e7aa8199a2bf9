import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./negotiate";

describe("negotiateLocale", () => {
  it.each([
    [undefined, "de"],
    ["", "de"],
    ["en-US,en;q=0.9", "en"],
    ["de-DE,de;q=0.9,en;q=0.8", "de"],
    ["fr-FR,fr;q=0.9", "de"],
    ["fr-FR,fr;q=0.9,en;q=0.5", "en"],
    ["en;q=0.4,de;q=0.8", "de"],
    ["de;q=0.4,en;q=0.8", "en"],
    ["de-AT", "de"],
    ["EN-gb", "en"],
    ["*", "de"],
    ["en;q=0,de;q=0", "de"],
    ["en;q=0", "de"],
    ["en, de", "en"],
    ["de, en", "de"],
    [";;,,;q=,en;q=abc", "en"],
  ])("%s → %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it("answers a supported locale for any header, never throws", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (h) => {
        expect(["de", "en"]).toContain(negotiateLocale(h));
      }),
    );
  });
});
