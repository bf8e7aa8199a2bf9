"use server";

import { revalidatePath } from "next/cache";
import { changeAssignment, createChannel, updateChannel, updateChannelStrategy } from "@/db/queries/channels";
import { createProcess, renameProcess, setProcessArchived } from "@/db/queries/processes";
import { action } from "@/lib/actions";
import {
  assignmentSchema,
  createChannelSchema,
  processIdSchema,
  processSchema,
  removeAssignmentSchema,
  renameProcessSchema,
  strategySchema,
  updateChannelSchema,
} from "@/lib/schemas/channels";

function revalidateChannel(id?: number) {
  revalidatePath("/channels");
  revalidatePath("/channels/matrix");
  if (id) revalidatePath(`/channels/${id}`);
}

export const createChannelAction = action({
  permission: "channels:write",
  schema: createChannelSchema,
  run: async (input, { db, user }) => {
    const row = await createChannel(db, user.id, input);
    revalidateChannel();
    return { id: row.id, name: row.name };
  },
});

export const updateChannelAction = action({
  permission: "channels:write",
  schema: updateChannelSchema,
  run: async ({ id, ...input }, { db, user }) => {
    await updateChannel(db, user.id, id, input);
    revalidateChannel(id);
    return { id };
  },
});

/** Scoped inside the query: a department head only for channels their department owns (else 403). */
export const updateStrategyAction = action({
  permission: "channels:edit_strategy",
  schema: strategySchema,
  run: async ({ id, ...input }, { db, user }) => {
    await updateChannelStrategy(db, user, id, input);
    revalidateChannel(id);
    return { id };
  },
});

export const setAssignmentAction = action({
  permission: "channels:write",
  schema: assignmentSchema,
  run: async ({ channelId, departmentId, responsibility }, { db, user }) => {
    await changeAssignment(db, user.id, channelId, { kind: "set", departmentId, responsibility });
    revalidateChannel(channelId);
    return { id: channelId };
  },
});

export const removeAssignmentAction = action({
  permission: "channels:write",
  schema: removeAssignmentSchema,
  run: async ({ channelId, departmentId }, { db, user }) => {
    await changeAssignment(db, user.id, channelId, { kind: "remove", departmentId });
    revalidateChannel(channelId);
    return { id: channelId };
  },
});

function revalidateProcesses() {
  revalidatePath("/channels/processes");
  revalidatePath("/departments/[slug]", "page");
}

export const createProcessAction = action({
  permission: "processes:write",
  schema: processSchema,
  run: async (input, { db, user }) => {
    const row = await createProcess(db, user.id, input);
    revalidateProcesses();
    return { id: row.id, name: row.name };
  },
});

export const renameProcessAction = action({
  permission: "processes:write",
  schema: renameProcessSchema,
  run: async ({ id, ...input }, { db, user }) => {
    const row = await renameProcess(db, user.id, id, input);
    revalidateProcesses();
    return { id, name: row.name };
  },
});

export const archiveProcessAction = action({
  permission: "processes:write",
  schema: processIdSchema,
  run: async ({ id }, { db, user }) => {
    await setProcessArchived(db, user.id, id, true);
    revalidateProcesses();
    return { id };
  },
});

export const restoreProcessAction = action({
  permission: "processes:write",
  schema: processIdSchema,
  run: async ({ id }, { db, user }) => {
    await setProcessArchived(db, user.id, id, false);
    revalidateProcesses();
    return { id };
  },
});
