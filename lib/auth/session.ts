import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { loadSessionUser, type SessionUser } from "@/db/queries/auth";
import { can, type Permission } from "@/lib/permissions";
import { authOptions } from "./options";

export type { SessionUser };

/**
 * The signed-in user as the database knows them now, not as the token remembers: a deactivated
 * user or a changed role takes effect on the next request. Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  return loadSessionUser(await getDb(), id);
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
