import "server-only";
import { getDb } from "@/db";
import { type NavCounts, navCounts } from "@/db/queries/nav-badges";
import type { SessionUser } from "@/lib/auth/session";

/** The navigation's counters and the bell's unread count for the signed-in user, from the server's database. */
export async function getNavCounts(user: SessionUser): Promise<NavCounts> {
  return navCounts(await getDb(), user);
}
