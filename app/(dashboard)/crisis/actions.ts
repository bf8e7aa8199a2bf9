"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  addCrisisInsight,
  assignStep,
  closeCrisis,
  commentStep,
  confirmCrisis,
  createPlaybook,
  declareCrisis,
  deletePlaybook,
  dismissCrisis,
  setLessonsLearned,
  setStepDone,
  updatePlaybook,
} from "@/db/queries/crises";
import { createAdvocate, deleteAdvocate, revokeConsent, updateAdvocate } from "@/db/queries/advocates";
import { sendBriefing } from "@/db/queries/briefings";
import { createStatement, recordStatementUse } from "@/db/queries/statements";
import { enqueueMailSending } from "@/lib/jobs/mail";
import { action } from "@/lib/actions";
import {
  addInsightSchema,
  advocateSchema,
  advocateUpdateSchema,
  briefingSchema,
  statementSchema,
  statementUseSchema,
  closeCrisisSchema,
  confirmCrisisSchema,
  crisisIdSchema,
  declareCrisisSchema,
  lessonsSchema,
  playbookSchema,
  playbookUpdateSchema,
  stepAssignSchema,
  stepCommentSchema,
  stepDoneSchema,
} from "@/lib/schemas/crisis";

/** Every write in a crisis room is the central unit's (crisis:manage); the room re-renders after it. */
const room = (id: number) => {
  revalidatePath(`/crisis/${id}`);
  revalidatePath("/crisis");
};

export const declareCrisisAction = action({
  permission: "crisis:manage",
  schema: declareCrisisSchema,
  run: async (input, { db, user }) => {
    const id = await declareCrisis(db, user.id, input, new Date());
    revalidatePath("/crisis");
    redirect(`/crisis/${id}`);
  },
});

export const confirmCrisisAction = action({
  permission: "crisis:manage",
  schema: confirmCrisisSchema,
  run: async ({ id, ...f }, { db, user }) => {
    await confirmCrisis(db, user.id, id, f, new Date());
    room(id);
    return { id };
  },
});

export const dismissCrisisAction = action({
  permission: "crisis:manage",
  schema: crisisIdSchema,
  run: async ({ id }, { db, user }) => {
    await dismissCrisis(db, user.id, id, new Date());
    room(id);
    return { id };
  },
});

export const closeCrisisAction = action({
  permission: "crisis:manage",
  schema: closeCrisisSchema,
  run: async ({ id, summary }, { db, user }) => {
    await closeCrisis(db, user.id, id, summary, new Date());
    room(id);
    return { id };
  },
});

export const lessonsAction = action({
  permission: "crisis:manage",
  schema: lessonsSchema,
  run: async ({ id, lessonsLearned }, { db, user }) => {
    await setLessonsLearned(db, user.id, id, lessonsLearned, new Date());
    room(id);
    return { id };
  },
});

export const stepDoneAction = action({
  permission: "crisis:manage",
  schema: stepDoneSchema,
  run: async ({ id, stepId, done }, { db, user }) => {
    await setStepDone(db, user.id, id, stepId, done, new Date());
    room(id);
    return { stepId, done };
  },
});

export const stepAssignAction = action({
  permission: "crisis:manage",
  schema: stepAssignSchema,
  run: async ({ id, stepId, assigneeId }, { db, user }) => {
    await assignStep(db, user.id, id, stepId, assigneeId, new Date());
    room(id);
    return { stepId };
  },
});

export const stepCommentAction = action({
  permission: "crisis:manage",
  schema: stepCommentSchema,
  run: async ({ id, stepId, comment }, { db, user }) => {
    await commentStep(db, user.id, id, stepId, comment, new Date());
    room(id);
    return { stepId };
  },
});

export const addCrisisInsightAction = action({
  permission: "crisis:manage",
  schema: addInsightSchema,
  run: async ({ id, insightId }, { db, user }) => {
    const added = await addCrisisInsight(db, user.id, id, insightId, new Date());
    room(id);
    return { insightId, added };
  },
});

export const createPlaybookAction = action({
  permission: "crisis:manage",
  schema: playbookSchema,
  run: async (input, { db, user }) => {
    const id = await createPlaybook(db, user.id, input, new Date());
    revalidatePath("/crisis/playbooks");
    redirect(`/crisis/playbooks/${id}?saved=1`);
  },
});

export const updatePlaybookAction = action({
  permission: "crisis:manage",
  schema: playbookUpdateSchema,
  run: async ({ id, ...input }, { db, user }) => {
    await updatePlaybook(db, user.id, id, input, new Date());
    revalidatePath("/crisis/playbooks");
    revalidatePath(`/crisis/playbooks/${id}`);
    return { id };
  },
});

export const deletePlaybookAction = action({
  permission: "crisis:manage",
  schema: crisisIdSchema,
  run: async ({ id }, { db, user }) => {
    await deletePlaybook(db, user.id, id);
    revalidatePath("/crisis/playbooks");
    redirect("/crisis/playbooks?deleted=1");
  },
});

export const createAdvocateAction = action({
  permission: "crisis:manage",
  schema: advocateSchema,
  run: async (input, { db, user }) => {
    const id = await createAdvocate(db, user.id, input, new Date());
    revalidatePath("/crisis/advocates");
    redirect(`/crisis/advocates/${id}?saved=1`);
  },
});

export const updateAdvocateAction = action({
  permission: "crisis:manage",
  schema: advocateUpdateSchema,
  run: async ({ id, ...input }, { db, user }) => {
    await updateAdvocate(db, user.id, id, input, new Date());
    revalidatePath("/crisis/advocates");
    revalidatePath(`/crisis/advocates/${id}`);
    return { id };
  },
});

export const revokeConsentAction = action({
  permission: "crisis:manage",
  schema: crisisIdSchema,
  run: async ({ id }, { db, user }) => {
    await revokeConsent(db, user.id, id, new Date());
    revalidatePath("/crisis/advocates");
    revalidatePath(`/crisis/advocates/${id}`);
    return { id };
  },
});

export const deleteAdvocateAction = action({
  permission: "crisis:manage",
  schema: crisisIdSchema,
  run: async ({ id }, { db, user }) => {
    await deleteAdvocate(db, user.id, id);
    revalidatePath("/crisis/advocates");
    redirect("/crisis/advocates?deleted=1");
  },
});

export const sendBriefingAction = action({
  permission: "crisis:manage",
  schema: briefingSchema,
  run: async ({ id, ...input }, { db, user }) => {
    const r = await sendBriefing(db, user.id, id, input, new Date(), { afterQueue: enqueueMailSending });
    room(id);
    return { recipients: r.recipients };
  },
});

export const createStatementAction = action({
  permission: "crisis:manage",
  schema: statementSchema,
  run: async (input, { db, user }) => {
    const { id } = await createStatement(db, user.id, input);
    revalidatePath("/crisis/statements");
    // Written, submitted and signed off where every guideline is.
    redirect(`/guidelines/${id}`);
  },
});

export const recordStatementAction = action({
  permission: "crisis:manage",
  schema: statementUseSchema,
  run: async ({ id, ...input }, { db, user }) => {
    await recordStatementUse(db, user.id, id, input, new Date());
    room(id);
    return { id };
  },
});
