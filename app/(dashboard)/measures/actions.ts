"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { addCostItem, createMeasure, deleteCostItem, deleteMeasure, updateMeasure } from "@/db/queries/measures";
import { action } from "@/lib/actions";
import type { SessionUser } from "@/lib/auth/session";
import { measurementScope } from "@/lib/kpis/scope";
import { costItemDeleteSchema, costItemSchema, measureIdSchema, measureSchema, measureUpdateSchema } from "@/lib/schemas/measures";

// Managers write every process's measures, department heads their own department's (the same
// scope as recording KPI values); the queries check the scope on every write.
const actor = (user: SessionUser) => ({
  id: user.id,
  scope: measurementScope(user),
});

export const createMeasureAction = action({
  permission: "measures:write",
  schema: measureSchema,
  run: async (input, { db, user }) => {
    const id = await createMeasure(db, actor(user), input);
    revalidatePath("/measures");
    redirect(`/measures/${id}?created=1`);
  },
});

export const updateMeasureAction = action({
  permission: "measures:write",
  schema: measureUpdateSchema,
  run: async ({ id, ...input }, { db, user }) => {
    await updateMeasure(db, actor(user), id, input);
    revalidatePath("/measures");
    revalidatePath(`/measures/${id}`);
    redirect(`/measures/${id}?saved=1`);
  },
});

export const deleteMeasureAction = action({
  permission: "measures:write",
  schema: measureIdSchema,
  run: async ({ id }, { db, user }) => {
    await deleteMeasure(db, actor(user), id);
    revalidatePath("/measures");
    redirect("/measures?deleted=1");
  },
});

export const addCostItemAction = action({
  permission: "measures:write",
  schema: costItemSchema,
  run: async ({ measureId, ...input }, { db, user }) => {
    const id = await addCostItem(db, actor(user), measureId, input);
    revalidatePath(`/measures/${measureId}`);
    revalidatePath("/measures");
    return { id };
  },
});

export const deleteCostItemAction = action({
  permission: "measures:write",
  schema: costItemDeleteSchema,
  run: async ({ measureId, itemId }, { db, user }) => {
    await deleteCostItem(db, actor(user), measureId, itemId);
    revalidatePath(`/measures/${measureId}`);
    revalidatePath("/measures");
    return { deleted: true };
  },
});
