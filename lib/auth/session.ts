import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { loadSessionState, type SessionUser } from "@/db/queries/auth";
import { can, type Permission } from "@/lib/permissions";
import { sessionExpired } from "@/lib/security/session-policy";
import { authOptions } from "./options";

export type { SessionUser };

/**
 * The signed-in user as the database knows them now, not as the token remembers: a deactivated
 * user or a changed role takes effect on the next request, and a session that was logged out, or
 * whose user's session version moved on (password reset, "sign out everywhere"), or that is older
 * than its absolute lifetime counts as signed out. Cached per request.
 */
const loadSession = cache(async (): Promise<{ user: SessionUser; mustEnrolTwoFactor: boolean } | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  const claims = session?.claims;
  if (!id || !claims?.sid || typeof claims.sessionVersion !== "number") return null;
  if (sessionExpired(claims.signedInAt, new Date())) return null;
  return loadSessionState(await getDb(), { id, sessionVersion: claims.sessionVersion, sid: claims.sid, via: claims.via });
});

/**
 * The signed-in user, or null — also while their role requires two-factor authentication they
 * have not set up yet: until then every page, action and API call treats them as not signed in,
 * except the set-up itself (getUserForTwoFactorSetup).
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const s = await loadSession();
  return s && !s.mustEnrolTwoFactor ? s.user : null;
});

/** The signed-in user for the two-factor page and its actions, whether or not they must set it up first. */
export async function getUserForTwoFactorSetup(): Promise<{ user: SessionUser; mustEnrol: boolean } | null> {
  const s = await loadSession();
  return s ? { user: s.user, mustEnrol: s.mustEnrolTwoFactor } : null;
}

export async function requireUser(): Promise<SessionUser> {
  const s = await loadSession();
  if (!s) redirect("/login");
  if (s.mustEnrolTwoFactor) redirect("/two-factor");
  return s.user;
}

/** For pages and layouts: anonymous → login, missing permission → the 403 page. */
export async function requirePagePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) forbidden();
  return user;
}
