import type { Role } from "@/db/schema";
import type { SignoffFunction, SignoffState, VersionStatus } from "@/lib/guidelines/lifecycle";
import { can } from "@/lib/permissions";

/** Drafts and reviews are the central unit's and the signing functions' business; readers see what is published. */
export function seesWorkInProgress(role: Role): boolean {
  return can(role, "guidelines:write") || can(role, "guidelines:signoff");
}

/**
 * Coverage numbers are for those who oversee (central unit, IT, department heads, management);
 * names of pending people only for roles with `guidelines:coverage_names`.
 */
export function seesCoverage(role: Role): boolean {
  return can(role, "guidelines:coverage_names") || can(role, "overview:read");
}

/**
 * Recording a sign-off on behalf of a function (legal, data protection, works council) is the
 * central unit's fallback for signatories without a login; it always names where the decision is
 * documented.
 */
export function recordsOnBehalf(role: Role): boolean {
  return can(role, "guidelines:signoff");
}

interface OpenVersion {
  status: VersionStatus;
  requiredSignoffs: readonly SignoffFunction[];
  signoffs: readonly { signatoryId: number | null }[];
}

/** The functions a person signs for themselves in a version: those it requires that they hold, only while it is in review. */
export function ownSignoffFunctions(v: Pick<OpenVersion, "status" | "requiredSignoffs">, held: readonly SignoffFunction[]): SignoffFunction[] {
  return v.status === "in_review" ? v.requiredSignoffs.filter((f) => held.includes(f)) : [];
}

/**
 * Whether a person who holds sign-off functions, but does not otherwise see work in progress, may
 * read an unpublished version: while it is in review or approved and needs one of their functions,
 * or when they signed it themselves (a rejection sends it back to draft; they still see what they
 * rejected). Nothing else unpublished is theirs to read.
 */
export function concernsSigner(v: OpenVersion, signer: { id: number; signoffFunctions: readonly SignoffFunction[] }): boolean {
  if (v.status === "published" || v.status === "archived") return false;
  if ((v.status === "in_review" || v.status === "approved") && v.requiredSignoffs.some((f) => signer.signoffFunctions.includes(f))) return true;
  return v.status === "draft" && v.signoffs.some((s) => s.signatoryId === signer.id);
}

/**
 * The function the sign-off form starts with: the first one offered that has not decided in the
 * current review round, so nobody signs twice for a function by accident. Null when all have.
 */
export function defaultSignoffFunction(offered: readonly SignoffFunction[], state: Pick<SignoffState, "decisions">): SignoffFunction | null {
  return offered.find((f) => state.decisions[f] === undefined) ?? null;
}
