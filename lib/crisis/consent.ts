/**
 * An advocate may be briefed only with a consent on record that is neither revoked nor expired,
 * checked on the server at the moment of the briefing: a consent revoked a minute ago excludes
 * them at once, whatever a list on someone's screen still shows.
 */
export type ConsentState = "valid" | "expired" | "revoked" | "missing";

export interface ConsentRecord {
  consentAt: Date | null;
  consentExpiresAt: Date | null;
  consentRevokedAt: Date | null;
}

export function consentState(a: ConsentRecord, now: Date): ConsentState {
  if (!a.consentAt || a.consentAt > now) return "missing";
  if (a.consentRevokedAt && a.consentRevokedAt <= now) return "revoked";
  if (a.consentExpiresAt && a.consentExpiresAt <= now) return "expired";
  return "valid";
}

export function mayBeBriefed(a: ConsentRecord, now: Date): boolean {
  return consentState(a, now) === "valid";
}

export interface AdvocateProfile {
  platforms: readonly { platform: string; handle: string }[];
  languages: readonly string[];
  topics: readonly string[];
}

/** Whether an advocate fits a selection: every criterion given must match (topics folded, any of them). */
export function matchesSelection(a: AdvocateProfile, sel: { platform?: string | null; language?: string | null; topic?: string | null }, fold: (s: string) => string): boolean {
  if (sel.platform && !a.platforms.some((p) => p.platform === sel.platform)) return false;
  if (sel.language && !a.languages.includes(sel.language)) return false;
  if (sel.topic) {
    const t = fold(sel.topic).trim();
    if (t && !a.topics.some((x) => fold(x).includes(t))) return false;
  }
  return true;
}
