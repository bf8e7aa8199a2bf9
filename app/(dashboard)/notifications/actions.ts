"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { markNotificationsRead } from "@/db/queries/notifications";
import { action } from "@/lib/actions";

/** Marks all of the signed-in person's notifications read; every person may, for their own. */
export const markAllNotificationsReadAction = action({
  permission: "authenticated",
  schema: z.object({}),
  run: async (_input, { db, user }) => {
    const count = await markNotificationsRead(db, user.id, "all");
    revalidatePath("/notifications");
    return { count };
  },
});
