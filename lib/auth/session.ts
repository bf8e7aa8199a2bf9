import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { loadSessionUser, type SessionUser } from "@/db/queries/auth";
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
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  const claims = session?.claims;
  if (!id || !claims?.sid || typeof claims.sessionVersion !== "number") return null;
  if (sessionExpired(claims.signedInAt, new Date())) return null;
  return loadSessionUser(await getDb(), { id, sessionVersion: claims.sessionVersion, sid: claims.sid });
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/** For pages and layouts: anonymous → login, missing permission → the 403 page. */
export async function requirePagePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) forbidden();
  return user;
}
