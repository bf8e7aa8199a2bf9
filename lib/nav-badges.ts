import "server-only";
import { getDb } from "@/db";
import { countPendingGuidelines } from "@/db/queries/guidelines";
import type { SessionUser } from "@/lib/auth/session";
import { can, type NavKey } from "@/lib/permissions";

/**
 * Counts shown next to navigation entries (e.g. open alerts). Capabilities register their
 * counters here as they are built; a section without one shows no badge.
 */
export async function getNavBadges(user: SessionUser): Promise<Partial<Record<NavKey, number>>> {
  const badges: Partial<Record<NavKey, number>> = {};
  if (can(user.role, "guidelines:acknowledge")) {
    // Guidelines waiting for this person's acknowledgment.
    badges.guidelines = await countPendingGuidelines(await getDb(), user);
  }
  return badges;
}
