"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runRetention, setRetention } from "@/db/queries/retention";
import { action } from "@/lib/actions";
import { INSIGHT_CATEGORIES, type InsightCategory } from "@/lib/enums";
import { retentionSchema } from "@/lib/schemas/admin";

// Data protection settings are the admins' (IT, with the data protection officer).
export const saveRetentionAction = action({
  permission: "admin:users",
  schema: retentionSchema,
  run: async (input, { db, user }) => {
    const byCategory = input as Record<string, number | null>;
    await setRetention(db, user.id, {
      insights: Object.fromEntries(INSIGHT_CATEGORIES.map((c) => [c, byCategory[`insight_${c}`] ?? null])) as Record<InsightCategory, number | null>,
      auditMonths: input.auditMonths,
      notificationMonths: input.notificationMonths,
    });
    revalidatePath("/admin/privacy");
    return { saved: true };
  },
});

/** Applies the periods now instead of at 2:30 (e.g. right after shortening one). */
export const runRetentionAction = action({
  permission: "admin:users",
  schema: z.object({}),
  run: async (_input, { db }) => {
    const run = await runRetention(db);
    revalidatePath("/admin/privacy");
    return { anonymised: Object.values(run.insights).reduce((a, b) => a + (b ?? 0), 0) };
  },
});
