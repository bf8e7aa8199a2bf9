"use server";

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
    // No revalidation here: the button confirms first, then refreshes the page itself (its card
    // would otherwise be gone before it could say so).
    return { id: input.id };
  },
});
