// Works-council mode (BetrVG §87(1) no. 6): a tool that could monitor employees shows figures about
// people below the central unit only for groups large enough that nobody can be singled out.
import type { Role } from "@/lib/enums";

/** The smallest group whose figures are shown while the mode is on. */
export const MIN_GROUP = 5;

/** The central unit (and IT, who run it) keep the per-person view they need to do their job. */
const CENTRAL_ROLES: readonly Role[] = ["admin", "manager"];

/** The smallest group `role` may see figures of; 0 means no limit. */
export function minGroupFor(role: Role, worksCouncilMode: boolean): number {
  return worksCouncilMode && !CENTRAL_ROLES.includes(role) ? MIN_GROUP : 0;
}
