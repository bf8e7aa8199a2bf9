"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runRetention, setRetention } from "@/db/queries/retention";
import { setController } from "@/db/queries/record-of-processing";
import { setWorksCouncilMode } from "@/db/queries/works-council";
import { action } from "@/lib/actions";
import { INSIGHT_CATEGORIES, type InsightCategory } from "@/lib/enums";
import { controllerSchema, retentionSchema, worksCouncilModeSchema } from "@/lib/schemas/admin";

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

/** Works-council mode on or off; takes effect on every page at the next load. */
export const setWorksCouncilModeAction = action({
  permission: "admin:users",
  schema: worksCouncilModeSchema,
  run: async (input, { db, user }) => {
    await setWorksCouncilMode(db, user.id, input.on);
    revalidatePath("/", "layout");
    return { on: input.on };
  },
});

/** The controller and data protection officer named at the top of the record of processing. */
export const saveControllerAction = action({
  permission: "admin:users",
  schema: controllerSchema,
  run: async (input, { db, user }) => {
    await setController(db, user.id, input);
    revalidatePath("/admin/privacy/record");
    return { saved: true };
  },
});
