/**
 * The life of one guideline version: draft → in_review → approved → published → archived.
 * Sign-offs (legal, data protection, works council) are given per version while it is in review;
 * a rejection sends the version back to draft, and only a version whose required sign-offs are all
 * approved may be approved and published.
 */

import type { SignoffDecision, SignoffFunction, VersionStatus } from "@/lib/enums";

export { SIGNOFF_FUNCTIONS, VERSION_STATUSES } from "@/lib/enums";
export type { SignoffDecision, SignoffFunction, VersionStatus } from "@/lib/enums";

/** What a person can do to a version; `supersede` happens only when a newer version is published. */
export const VERSION_EVENTS = ["submit", "withdraw", "approve", "reject", "publish", "archive", "supersede"] as const;
export type VersionEvent = (typeof VERSION_EVENTS)[number];

const TRANSITIONS: Record<VersionEvent, { from: readonly VersionStatus[]; to: VersionStatus }> = {
  submit: { from: ["draft"], to: "in_review" },
  // The author pulls a version back to change it before the reviewers are done.
  withdraw: { from: ["in_review", "approved"], to: "draft" },
  approve: { from: ["in_review"], to: "approved" },
  reject: { from: ["in_review"], to: "draft" },
  publish: { from: ["approved"], to: "published" },
  archive: { from: ["published"], to: "archived" },
  supersede: { from: ["published"], to: "archived" },
};

export interface SignoffRecord {
  function: SignoffFunction;
  decision: SignoffDecision;
  /** The review round of the version the sign-off was given in. */
  reviewRound: number;
}

export interface SignoffState {
  /** The decision that counts per function (the latest in the current review round), if any. */
  decisions: Partial<Record<SignoffFunction, SignoffDecision>>;
  missing: SignoffFunction[];
  allApproved: boolean;
}

/** A version that was never submitted is in round 0; each submission for review starts the next round. */
export const NOT_SUBMITTED_ROUND = 0;

export function nextReviewRound(current: number): number {
  return Math.max(current, NOT_SUBMITTED_ROUND) + 1;
}

/**
 * Which sign-offs count for a version: only those given in its current review round, since an edit
 * after a rejection changes the text the earlier approvals were for. Rounds are numbers the version
 * carries, never clock readings. `signoffs` come in the order they were recorded; within the round
 * the latest decision per function counts.
 */
export function signoffState(
  required: readonly SignoffFunction[],
  signoffs: readonly SignoffRecord[],
  currentRound: number,
): SignoffState {
  const decisions: Partial<Record<SignoffFunction, SignoffDecision>> = {};
  if (currentRound > NOT_SUBMITTED_ROUND) {
    for (const s of signoffs) if (s.reviewRound === currentRound) decisions[s.function] = s.decision;
  }
  const missing = required.filter((f) => decisions[f] !== "approved");
  return { decisions, missing, allApproved: missing.length === 0 };
}

export type TransitionResult =
  | { ok: true; to: VersionStatus }
  | { ok: false; reason: "invalid_transition" | "signoffs_missing" };

/** Whether `event` may happen to a version in `from`, given its sign-offs; the pure rule the database layer enforces. */
export function transition(from: VersionStatus, event: VersionEvent, signoffs?: SignoffState): TransitionResult {
  const t = TRANSITIONS[event];
  if (!t.from.includes(from)) return { ok: false, reason: "invalid_transition" };
  if ((event === "approve" || event === "publish") && !signoffs?.allApproved) {
    return { ok: false, reason: "signoffs_missing" };
  }
  return { ok: true, to: t.to };
}

/** The events a person may choose for a version right now (supersede is automatic, never offered). */
export function availableEvents(status: VersionStatus, signoffs: SignoffState): VersionEvent[] {
  return VERSION_EVENTS.filter(
    (e) => e !== "supersede" && e !== "reject" && transition(status, e, signoffs).ok,
  );
}

/** A sign-off can be recorded only during review, and only for a function the guideline requires. */
export function canRecordSignoff(status: VersionStatus, required: readonly SignoffFunction[], fn: SignoffFunction): boolean {
  return status === "in_review" && required.includes(fn);
}

/** Only drafts are edited; everything later is a record of what was reviewed or published. */
export function isEditable(status: VersionStatus): boolean {
  return status === "draft";
}

/** A new version starts only when no version is still being worked on (draft, in review, approved). */
export function canStartNewVersion(statuses: readonly VersionStatus[]): boolean {
  return !statuses.some((s) => s === "draft" || s === "in_review" || s === "approved");
}
