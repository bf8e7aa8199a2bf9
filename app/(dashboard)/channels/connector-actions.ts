"use server";

import { revalidatePath } from "next/cache";
import { runConnector } from "@/db/queries/connector-runs";
import { createConnector, deleteConnector, getConnector, updateConnector } from "@/db/queries/connectors";
import { action } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { connectorFormSchema, connectorIdSchema, connectorPauseSchema } from "@/lib/schemas/connectors";

/** A connector's buttons act on the channel they were shown on, and only on its connectors. */
async function owned(db: Parameters<typeof getConnector>[0], id: number, channelId: number) {
  const c = await getConnector(db, id);
  if (!c || c.channelId !== channelId) throw new AppError("not_found", "connector not found");
  return c;
}

export const createConnectorAction = action({
  permission: "connectors:manage",
  schema: connectorFormSchema,
  run: async (input, { db, user }) => {
    const { connector, signingSecret } = await createConnector(db, user.id, input, new Date());
    revalidatePath(`/channels/${input.channelId}`);
    return { id: connector.id, name: connector.name, kind: connector.kind, signingSecret: signingSecret ?? null };
  },
});

export const runConnectorAction = action({
  permission: "connectors:manage",
  schema: connectorIdSchema,
  run: async ({ id, channelId }, { db }) => {
    await owned(db, id, channelId);
    const r = await runConnector(db, id, "manual", new Date());
    revalidatePath(`/channels/${channelId}`);
    return { outcome: r.outcome, created: r.created, duplicates: r.duplicates, errorCode: r.errorCode ?? null };
  },
});

export const pauseConnectorAction = action({
  permission: "connectors:manage",
  schema: connectorPauseSchema,
  run: async ({ id, channelId, paused }, { db, user }) => {
    await owned(db, id, channelId);
    await updateConnector(db, user.id, id, { paused }, new Date());
    revalidatePath(`/channels/${channelId}`);
    return { id };
  },
});

export const deleteConnectorAction = action({
  permission: "connectors:manage",
  schema: connectorIdSchema,
  run: async ({ id, channelId }, { db, user }) => {
    await owned(db, id, channelId);
    await deleteConnector(db, user.id, id);
    revalidatePath(`/channels/${channelId}`);
    return { id };
  },
});
