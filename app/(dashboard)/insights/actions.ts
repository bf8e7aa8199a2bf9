"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  acceptInsight,
  closeLoop,
  commentInsight,
  declineInsight,
  dismissInsight,
  dismissInsights,
  reassignInsight,
  reopenInsight,
  reopenInsights,
  resolveInsight,
  routeInsights,
} from "@/db/queries/insight-actions";
import { ingestItems, ingestPreview } from "@/db/queries/insight-intake";
import { createRule, deleteRule, moveRule, setRuleActive, updateRule } from "@/db/queries/routing-rules";
import { action } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { csvToIntake, type CsvPreview } from "@/lib/insights/csv";
import {
  bulkDismissSchema,
  bulkReopenSchema,
  commentSchema,
  csvFileSchema,
  declineSchema,
  dismissSchema,
  insightFormSchema,
  insightIdSchema,
  moveRuleSchema,
  reassignSchema,
  resolveSchema,
  routeSchema,
  ruleIdSchema,
  ruleSchema,
  toggleRuleSchema,
  updateRuleSchema,
} from "@/lib/schemas/insights";

const touched = (id?: number) => {
  revalidatePath("/insights");
  if (id) revalidatePath(`/insights/${id}`);
};

export const acceptAction = action({
  permission: "insights:act",
  schema: insightIdSchema,
  run: async ({ id }, { db, user }) => {
    await acceptInsight(db, user, id);
    touched(id);
    return { id };
  },
});

export const commentAction = action({
  permission: "insights:read",
  schema: commentSchema,
  run: async ({ id, note }, { db, user }) => {
    await commentInsight(db, user, id, note);
    touched(id);
    return { id };
  },
});

export const reassignAction = action({
  permission: "insights:act",
  schema: reassignSchema,
  run: async ({ id, ...input }, { db, user }) => {
    await reassignInsight(db, user, id, input);
    touched(id);
    return { id };
  },
});

export const resolveAction = action({
  permission: "insights:act",
  schema: resolveSchema,
  run: async ({ id, ...input }, { db, user }) => {
    await resolveInsight(db, user, id, input);
    touched(id);
    return { id };
  },
});

export const declineAction = action({
  permission: "insights:act",
  schema: declineSchema,
  run: async ({ id, note }, { db, user }) => {
    await declineInsight(db, user, id, note);
    touched(id);
    return { id };
  },
});

export const closeLoopAction = action({
  permission: "insights:triage",
  schema: insightIdSchema,
  run: async ({ id }, { db, user }) => {
    await closeLoop(db, user, id);
    touched(id);
    return { id };
  },
});

export const dismissAction = action({
  permission: "insights:triage",
  schema: dismissSchema,
  run: async ({ id, ...input }, { db, user }) => {
    await dismissInsight(db, user, id, input);
    touched(id);
    return { id };
  },
});

export const reopenAction = action({
  permission: "insights:triage",
  schema: insightIdSchema,
  run: async ({ id }, { db, user }) => {
    await reopenInsight(db, user, id);
    touched(id);
    return { id };
  },
});

export const bulkDismissAction = action({
  permission: "insights:triage",
  schema: bulkDismissSchema,
  run: async (input, { db, user }) => {
    const result = await dismissInsights(db, user, input);
    touched();
    return { ...result, outcome: input.outcome };
  },
});

export const bulkReopenAction = action({
  permission: "insights:triage",
  schema: bulkReopenSchema,
  run: async (input, { db, user }) => {
    const result = await reopenInsights(db, user, input);
    touched();
    return result;
  },
});

export const routeAction = action({
  permission: "insights:triage",
  schema: routeSchema,
  run: async (input, { db, user }) => {
    const result = await routeInsights(db, user, input);
    touched(input.ids.length === 1 ? input.ids[0] : undefined);
    return result;
  },
});

export const createInsightAction = action({
  permission: "insights:triage",
  schema: insightFormSchema,
  run: async (input, { db, user }) => {
    const item = { ...input, source: "form", externalId: crypto.randomUUID() };
    const res = await ingestItems(db, { via: "form", userId: user.id }, [{ index: 0, ok: true, item }]);
    const r = res.items[0];
    if (r.status !== "created") throw new AppError("validation_failed", "not stored", r.errors ?? { _form: ["insights.errors.notStored"] });
    touched();
    return { id: r.id!, departmentId: r.departmentId ?? null };
  },
});

/** Checks a CSV file and shows what an import would do; writes nothing. */
export const previewCsvAction = action({
  permission: "insights:triage",
  schema: csvFileSchema,
  run: async ({ file }, { db }) => {
    // Wrapped explicitly: the preview has an `ok` of its own, which is not the action's outcome.
    const parsed = csvToIntake(new Uint8Array(await file.arrayBuffer()));
    const data: CsvPreview = parsed.ok ? await ingestPreview(db, parsed.items) : { ok: false, issues: parsed.issues };
    return { ok: true as const, data };
  },
});

/** All or nothing: a file with any problem imports no row. Rows already imported are skipped. */
export const importCsvAction = action({
  permission: "insights:triage",
  schema: csvFileSchema,
  run: async ({ file }, { db, user }) => {
    const parsed = csvToIntake(new Uint8Array(await file.arrayBuffer()));
    if (!parsed.ok) throw new AppError("validation_failed", "csv has issues", { _form: ["insights.import.errors.fixFirst"] });
    const res = await ingestItems(db, { via: "csv", userId: user.id }, parsed.items.map((item, index) => ({ index, ok: true as const, item })));
    touched();
    return { created: res.created, duplicates: res.duplicates, routed: res.routed };
  },
});

export const createRuleAction = action({
  permission: "rules:write",
  schema: ruleSchema,
  run: async (input, { db, user }) => {
    const row = await createRule(db, user.id, input);
    revalidatePath("/insights/rules");
    return { id: row.id };
  },
});

export const updateRuleAction = action({
  permission: "rules:write",
  schema: updateRuleSchema,
  run: async ({ id, ...input }, { db, user }) => {
    await updateRule(db, user.id, id, input);
    revalidatePath("/insights/rules");
    return { id };
  },
});

export const moveRuleAction = action({
  permission: "rules:write",
  schema: moveRuleSchema,
  run: async ({ id, direction }, { db, user }) => {
    await moveRule(db, user.id, id, direction);
    revalidatePath("/insights/rules");
    return { id };
  },
});

export const toggleRuleAction = action({
  permission: "rules:write",
  schema: toggleRuleSchema,
  run: async ({ id, active }, { db, user }) => {
    await setRuleActive(db, user.id, id, active);
    revalidatePath("/insights/rules");
    return { id };
  },
});

export const deleteRuleAction = action({
  permission: "rules:write",
  schema: ruleIdSchema,
  run: async ({ id }, { db, user }) => {
    await deleteRule(db, user.id, id);
    revalidatePath("/insights/rules");
    redirect("/insights/rules");
  },
});
