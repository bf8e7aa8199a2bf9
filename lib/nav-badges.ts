import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { NavKey } from "@/lib/permissions";

/**
 * Counts shown next to navigation entries (e.g. open alerts). Capabilities register their
 * counters here as they are built; a section without one shows no badge.
 */
export async function getNavBadges(_user: SessionUser): Promise<Partial<Record<NavKey, number>>> {
  return {};
}
