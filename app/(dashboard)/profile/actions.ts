"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { saveNotificationPreferences } from "@/db/queries/notifications";
import { action } from "@/lib/actions";
import { NOTIFICATION_DELIVERIES, SWITCHABLE_NOTIFICATION_KINDS, type SwitchableNotificationKind } from "@/lib/enums";

const delivery = z.enum(NOTIFICATION_DELIVERIES, { message: "validation.notificationDelivery" });

/** Every kind must be answered: a form that left one out was not this page's. */
const schema = z.object(Object.fromEntries(SWITCHABLE_NOTIFICATION_KINDS.map((k) => [k, delivery])) as Record<SwitchableNotificationKind, typeof delivery>);

/** Saves the signed-in person's own e-mail choices; every person may, for themselves only. */
export const saveNotificationPreferencesAction = action({
  permission: "authenticated",
  schema,
  run: async (input, { db, user }) => {
    const changed = await saveNotificationPreferences(db, user.id, input);
    revalidatePath("/profile");
    return { changed: changed.length };
  },
});
