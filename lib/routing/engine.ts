import type { InsightCategory, Platform, Sentiment } from "@/db/schema";
import { foldKeyword, matchableText } from "./text";

/**
 * The routing engine: an ordered list of rules, the first active rule whose conditions all hold
 * wins; no match means the insight waits in triage.
 *
 * A rule's conditions (an empty list means "any"):
 * - categories, sentiments, languages: the insight's value is one of the listed values;
 * - platforms / channel ids: the insight comes from one of the platforms OR one of the channels
 *   (a rule listing both catches either);
 * - keywords: `any` — at least one keyword occurs, `all` — every keyword occurs. Matching is
 *   case- and umlaut-insensitive ("Lösung" = "loesung") and word-ish: a keyword matches at the
 *   start of a word, so "liefer" catches "Lieferzeit" but "art" does not catch "Smartphone";
 *   a keyword of several words ("nicht lieferbar") must occur as that sequence.
 */
export interface RuleSpec {
  id: number;
  active: boolean;
  position: number;
  categories: readonly InsightCategory[];
  platforms: readonly Platform[];
  channelIds: readonly number[];
  keywords: readonly string[];
  keywordMode: "any" | "all";
  sentiments: readonly Sentiment[];
  languages: readonly string[];
  departmentId: number;
  slaHours: number;
}

export interface InsightFacts {
  category: InsightCategory;
  platform: Platform | null;
  channelId: number | null;
  text: string;
  sentiment: Sentiment;
  language: string | null;
}

export interface RouteDecision {
  ruleId: number;
  departmentId: number;
  slaHours: number;
  slaDueAt: Date;
}

export interface CompiledRule {
  spec: RuleSpec;
  test: (facts: InsightFacts, text: () => string) => boolean;
}

const setOrNull = <T>(xs: readonly T[]) => (xs.length ? new Set(xs) : null);

export function compileRule(spec: RuleSpec): CompiledRule {
  const categories = setOrNull(spec.categories);
  const sentiments = setOrNull(spec.sentiments);
  const languages = setOrNull(spec.languages.map((l) => l.toLowerCase()));
  const platforms = setOrNull(spec.platforms);
  const channels = setOrNull(spec.channelIds);
  const needles = spec.keywords.map(foldKeyword).filter(Boolean).map((k) => ` ${k}`);
  const all = spec.keywordMode === "all";
  return {
    spec,
    test(f, text) {
      if (categories && !categories.has(f.category)) return false;
      if (sentiments && !sentiments.has(f.sentiment)) return false;
      if (languages && !(f.language && languages.has(f.language.toLowerCase()))) return false;
      if (platforms || channels) {
        const byPlatform = platforms !== null && f.platform !== null && platforms.has(f.platform);
        const byChannel = channels !== null && f.channelId !== null && channels.has(f.channelId);
        if (!byPlatform && !byChannel) return false;
      }
      if (needles.length) {
        const haystack = text();
        return all ? needles.every((n) => haystack.includes(n)) : needles.some((n) => haystack.includes(n));
      }
      return true;
    },
  };
}

/** Compile once per batch: sets and folded keywords are built here, not per insight. */
export function compileRules(specs: readonly RuleSpec[]): CompiledRule[] {
  return specs
    .filter((s) => s.active)
    .sort((a, b) => a.position - b.position || a.id - b.id)
    .map(compileRule);
}

/** Whether one rule's conditions hold, regardless of whether it is active or earlier rules win. */
export function ruleMatches(rule: CompiledRule, facts: InsightFacts): boolean {
  let folded: string | undefined;
  return rule.test(facts, () => (folded ??= matchableText(facts.text)));
}

/** The first matching rule's department and SLA due time, or null when the insight goes to triage. */
export function route(rules: readonly CompiledRule[], facts: InsightFacts, now: Date): RouteDecision | null {
  let folded: string | undefined;
  const text = () => (folded ??= matchableText(facts.text));
  for (const rule of rules) {
    if (rule.test(facts, text)) {
      const { id, departmentId, slaHours } = rule.spec;
      return { ruleId: id, departmentId, slaHours, slaDueAt: new Date(now.getTime() + slaHours * 3_600_000) };
    }
  }
  return null;
}
