"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  acknowledgeVersion,
  changeVersionStatus,
  createGuideline,
  recordSignoff,
  startNewVersion,
  updateDraft,
} from "@/db/queries/guidelines";
import { action } from "@/lib/actions";
import { renderMarkdown } from "@/lib/guidelines/markdown";
import {
  acknowledgeSchema,
  createGuidelineSchema,
  newVersionSchema,
  previewSchema,
  signoffSchema,
  transitionSchema,
  updateDraftSchema,
} from "@/lib/schemas/guidelines";

function refresh(id: number) {
  revalidatePath("/guidelines");
  revalidatePath(`/guidelines/${id}`);
  revalidatePath("/guidelines/mine");
}

export const createGuidelineAction = action({
  permission: "guidelines:write",
  schema: createGuidelineSchema,
  run: async (input, { db, user }) => {
    const { id } = await createGuideline(db, user.id, input);
    refresh(id);
    redirect(`/guidelines/${id}`);
  },
});

export const updateDraftAction = action({
  permission: "guidelines:write",
  schema: updateDraftSchema,
  run: async ({ versionId, ...input }, { db, user }) => {
    const { id } = await updateDraft(db, user.id, versionId, input);
    refresh(id);
    redirect(`/guidelines/${id}`);
  },
});

export const newVersionAction = action({
  permission: "guidelines:write",
  schema: newVersionSchema,
  run: async ({ guidelineId }, { db, user }) => {
    const { id } = await startNewVersion(db, user.id, guidelineId);
    refresh(id);
    redirect(`/guidelines/${id}/edit`);
  },
});

/** Submit, withdraw, approve, publish, archive: the lifecycle rules decide what is allowed when. */
export const transitionAction = action({
  permission: "guidelines:write",
  schema: transitionSchema,
  run: async ({ versionId, event }, { db, user }) => {
    const r = await changeVersionStatus(db, user.id, versionId, event);
    refresh(r.id);
    return { status: r.status };
  },
});

/**
 * Every reader may try: whether they hold the function (or may record on behalf) is the query's
 * check, since sign-off functions belong to people, not roles.
 */
export const signoffAction = action({
  permission: "guidelines:read",
  schema: signoffSchema,
  run: async (input, { db, user }) => {
    const r = await recordSignoff(db, user.id, input);
    refresh(r.id);
    revalidatePath("/guidelines/signoffs");
    return { status: r.status, decision: input.decision };
  },
});

export const acknowledgeAction = action({
  permission: "guidelines:acknowledge",
  schema: acknowledgeSchema,
  run: async ({ versionId }, { db, user }) => {
    const r = await acknowledgeVersion(db, { id: user.id, departmentId: user.departmentId }, versionId);
    refresh(r.id);
    return { versionId: r.versionId };
  },
});

/** The editor's live preview, rendered by the same sanitising renderer readers get. */
export const previewAction = action({
  permission: "guidelines:write",
  schema: previewSchema,
  run: async ({ bodyMd }) => ({ html: renderMarkdown(bodyMd, { topHeading: 3 }) }),
});
