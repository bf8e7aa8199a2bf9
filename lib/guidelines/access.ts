import type { Role } from "@/db/schema";
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
