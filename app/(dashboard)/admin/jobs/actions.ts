"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { retryFailedJob } from "@/db/queries/jobs";
import { action } from "@/lib/actions";

const retryJobSchema = z.object({
  queue: z.string().trim().min(1).max(200),
  id: z.uuid(),
});

export const retryJobAction = action({
  permission: "admin:jobs",
  schema: retryJobSchema,
  run: async (input, { db, user }) => {
    await retryFailedJob(db, user.id, input);
    revalidatePath("/admin/jobs");
    return { id: input.id };
  },
});
