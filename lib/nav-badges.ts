import "server-only";
import { getDb } from "@/db";
import { navBadgeCounts } from "@/db/queries/nav-badges";
import type { SessionUser } from "@/lib/auth/session";
import type { NavKey } from "@/lib/permissions";

/** The navigation's counters for the signed-in user, from the server's database. */
export async function getNavBadges(user: SessionUser): Promise<Partial<Record<NavKey, number>>> {
  return navBadgeCounts(await getDb(), user);
}
