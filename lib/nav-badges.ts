import "server-only";
import { getDb } from "@/db";
import { insightBadgeCount } from "@/db/queries/insights";
import type { SessionUser } from "@/lib/auth/session";
import { can, type NavKey } from "@/lib/permissions";

/**
 * Counts shown next to navigation entries (e.g. open alerts). Capabilities register their
 * counters here as they are built; a section without one shows no badge.
 */
export async function getNavBadges(user: SessionUser): Promise<Partial<Record<NavKey, number>>> {
  const badges: Partial<Record<NavKey, number>> = {};
  if (can(user.role, "insights:read")) {
    // Triage for the central unit, newly routed for a department head.
    const n = await insightBadgeCount(await getDb(), user);
    if (n > 0) badges.insights = n;
  }
  return badges;
}
