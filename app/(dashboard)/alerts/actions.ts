"use server";

import { revalidatePath } from "next/cache";
import { acknowledgeAlert } from "@/db/queries/alerts";
import { action } from "@/lib/actions";
import { alertScope } from "@/lib/kpis/scope";
import { acknowledgeSchema } from "@/lib/schemas/kpis";

export const acknowledgeAlertAction = action({
  permission: "alerts:acknowledge",
  schema: acknowledgeSchema,
  run: async (input, { db, user }) => {
    await acknowledgeAlert(db, { userId: user.id, scope: alertScope(user) }, input);
    revalidatePath("/alerts");
    return { id: input.id };
  },
});
