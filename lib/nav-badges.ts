import "server-only";
import { getDb } from "@/db";
import { countOpenAlerts } from "@/db/queries/alerts";
import type { SessionUser } from "@/lib/auth/session";
import { alertScope } from "@/lib/kpis/scope";
import { can, type NavKey } from "@/lib/permissions";

/**
 * Counts shown next to navigation entries (e.g. open alerts). Capabilities register their
 * counters here as they are built; a section without one shows no badge.
 */
export async function getNavBadges(user: SessionUser): Promise<Partial<Record<NavKey, number>>> {
  const badges: Partial<Record<NavKey, number>> = {};
  // Open alerts that nobody has acknowledged yet, in the part of the company the user looks after.
  if (can(user.role, "alerts:read")) badges.alerts = await countOpenAlerts(await getDb(), alertScope(user));
  return badges;
}
