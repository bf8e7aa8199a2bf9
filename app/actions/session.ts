"use server";

import { z } from "zod";
import { bumpSessionVersion } from "@/db/queries/auth";
import { action } from "@/lib/actions";

/**
 * "Sign out everywhere": every session of the caller ends on every device, including cookies
 * copied elsewhere. The caller's browser then signs out through next-auth to drop its cookie.
 */
export const signOutEverywhereAction = action({
  permission: "authenticated",
  schema: z.object({}),
  run: async (_input, { user, db }) => {
    await bumpSessionVersion(db, user.id);
  },
});
