"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { completeAccessRequest, createSubjectRequest, eraseSubject } from "@/db/queries/subject-requests";
import { action } from "@/lib/actions";
import { PLATFORMS, SUBJECT_REQUEST_KINDS } from "@/lib/enums";
import { optionalText, requiredId, trimmed, v } from "@/lib/validation";

const createSchema = z.object({
  kind: z.enum(SUBJECT_REQUEST_KINDS, { error: v.invalidChoice }),
  platform: z.enum(PLATFORMS, { error: v.invalidChoice }),
  handle: trimmed(200),
  note: optionalText(500),
});

export const createSubjectRequestAction = action({
  permission: "privacy:subjects",
  schema: createSchema,
  run: async (input, { db, user }) => {
    const { id } = await createSubjectRequest(db, user.id, { ...input, note: input.note ?? null });
    revalidatePath("/insights/subject-requests");
    redirect(`/insights/subject-requests/${id}`);
  },
});

const idSchema = z.object({ id: requiredId });

export const completeAccessAction = action({
  permission: "privacy:subjects",
  schema: idSchema,
  run: async ({ id }, { db, user }) => {
    await completeAccessRequest(db, user.id, id);
    revalidatePath(`/insights/subject-requests/${id}`);
    return { id };
  },
});

export const eraseSubjectAction = action({
  permission: "privacy:subjects",
  schema: idSchema,
  run: async ({ id }, { db, user }) => {
    const outcome = await eraseSubject(db, user.id, id);
    revalidatePath(`/insights/subject-requests/${id}`);
    return { id, outcome };
  },
});
