import { describe, expect, it } from "vitest";
import { compileRules, route, ruleMatches, compileRule, type InsightFacts, type RuleSpec } from "./engine";
import { foldText, matchableText } from "./text";

const now = new Date("2025-03-10T08:00:00Z");

function rule(id: number, over: Partial<RuleSpec> = {}): RuleSpec {
  return {
    id,
    active: true,
    position: id,
    categories: [],
    platforms: [],
    channelIds: [],
    keywords: [],
    keywordMode: "any",
    sentiments: [],
    languages: [],
    departmentId: 100 + id,
    slaHours: 24,
    ...over,
  };
}

function facts(over: Partial<InsightFacts> = {}): InsightFacts {
  return { category: "question", platform: "facebook", channelId: 7, text: "Hallo", sentiment: "neutral", language: "de", ...over };
}

describe("routing engine", () => {
  it("lets the first matching rule win, in position order, and computes the SLA due time", () => {
    const rules = compileRules([
      rule(1, { position: 2, categories: ["question"], departmentId: 20, slaHours: 48 }),
      rule(2, { position: 1, categories: ["question"], departmentId: 10, slaHours: 8 }),
    ]);
    expect(route(rules, facts(), now)).toEqual({
      ruleId: 2,
      departmentId: 10,
      slaHours: 8,
      slaDueAt: new Date("2025-03-10T16:00:00Z"),
    });
  });

  it("skips inactive rules", () => {
    const rules = compileRules([rule(1, { active: false }), rule(2, { categories: ["question"] })]);
    expect(route(rules, facts(), now)?.ruleId).toBe(2);
  });

  it("returns null (triage) when no rule matches or there are no rules", () => {
    expect(route(compileRules([rule(1, { categories: ["complaint"] })]), facts(), now)).toBeNull();
    expect(route([], facts(), now)).toBeNull();
  });

  it("matches on category", () => {
    const r = compileRule(rule(1, { categories: ["complaint", "service_request"] }));
    expect(ruleMatches(r, facts({ category: "complaint" }))).toBe(true);
    expect(ruleMatches(r, facts({ category: "praise" }))).toBe(false);
  });

  it("matches on platform or channel, either one sufficing when both are listed", () => {
    const byPlatform = compileRule(rule(1, { platforms: ["xing", "linkedin"] }));
    expect(ruleMatches(byPlatform, facts({ platform: "xing" }))).toBe(true);
    expect(ruleMatches(byPlatform, facts({ platform: "facebook" }))).toBe(false);
    expect(ruleMatches(byPlatform, facts({ platform: null }))).toBe(false);
    const both = compileRule(rule(2, { platforms: ["xing"], channelIds: [7] }));
    expect(ruleMatches(both, facts({ platform: "facebook", channelId: 7 }))).toBe(true);
    expect(ruleMatches(both, facts({ platform: "xing", channelId: null }))).toBe(true);
    expect(ruleMatches(both, facts({ platform: "facebook", channelId: 8 }))).toBe(false);
  });

  it("matches keywords with any/all, case- and umlaut-insensitive, at word starts", () => {
    const any = compileRule(rule(1, { keywords: ["Lieferzeit", "Getriebe"], keywordMode: "any" }));
    expect(ruleMatches(any, facts({ text: "Die LIEFERZEITEN sind zu lang" }))).toBe(true);
    expect(ruleMatches(any, facts({ text: "Nichts davon" }))).toBe(false);
    const all = compileRule(rule(2, { keywords: ["Lieferzeit", "Getriebe"], keywordMode: "all" }));
    expect(ruleMatches(all, facts({ text: "Lieferzeit für das Getriebe?" }))).toBe(true);
    expect(ruleMatches(all, facts({ text: "Lieferzeit?" }))).toBe(false);
    const umlaut = compileRule(rule(3, { keywords: ["Lösung", "Straße"] }));
    expect(ruleMatches(umlaut, facts({ text: "Gibt es eine LOESUNG?" }))).toBe(true);
    expect(ruleMatches(umlaut, facts({ text: "in der Strasse" }))).toBe(true);
    const ascii = compileRule(rule(4, { keywords: ["Gebuehr"] }));
    expect(ruleMatches(ascii, facts({ text: "Die Gebühren!" }))).toBe(true);
    const wordStart = compileRule(rule(5, { keywords: ["art"] }));
    expect(ruleMatches(wordStart, facts({ text: "Mein Smartphone" }))).toBe(false);
    expect(ruleMatches(wordStart, facts({ text: "Artikel 5" }))).toBe(true);
    const phrase = compileRule(rule(6, { keywords: ["nicht lieferbar"] }));
    expect(ruleMatches(phrase, facts({ text: "Das Teil ist NICHT   lieferbar." }))).toBe(true);
    expect(ruleMatches(phrase, facts({ text: "lieferbar, nicht wahr" }))).toBe(false);
  });

  it("matches on sentiment and language", () => {
    const r = compileRule(rule(1, { sentiments: ["negative"], languages: ["en"] }));
    expect(ruleMatches(r, facts({ sentiment: "negative", language: "EN" }))).toBe(true);
    expect(ruleMatches(r, facts({ sentiment: "negative", language: "de" }))).toBe(false);
    expect(ruleMatches(r, facts({ sentiment: "negative", language: null }))).toBe(false);
    expect(ruleMatches(r, facts({ sentiment: "positive", language: "en" }))).toBe(false);
  });

  it("requires every condition of a rule together", () => {
    const r = compileRule(rule(1, { categories: ["complaint"], platforms: ["facebook"], keywords: ["defekt"], sentiments: ["negative"] }));
    const hit = facts({ category: "complaint", platform: "facebook", text: "Motor defekt", sentiment: "negative" });
    expect(ruleMatches(r, hit)).toBe(true);
    expect(ruleMatches(r, { ...hit, platform: "x" })).toBe(false);
    expect(ruleMatches(r, { ...hit, text: "alles gut" })).toBe(false);
  });

  it("ignores keywords that fold to nothing, and an unconditioned rule catches everything", () => {
    expect(ruleMatches(compileRule(rule(1, { keywords: ["  ", "!!"] })), facts())).toBe(true);
    expect(route(compileRules([rule(1)]), facts({ category: "praise" }), now)?.ruleId).toBe(1);
  });
});

describe("text folding", () => {
  it("folds case, umlauts, ß and accents", () => {
    expect(foldText("Größe ÄÖÜ Café")).toBe("groesse aeoeue cafe");
    expect(matchableText("Hallo, Welt!  Öl?")).toBe(" hallo welt oel ");
  });
});
