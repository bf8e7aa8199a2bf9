"use server";

import { revalidatePath } from "next/cache";
import { createWebhookEndpoint, deleteWebhookEndpoint, enableWebhookEndpoint, redeliverWebhook } from "@/db/queries/webhooks";
import { action } from "@/lib/actions";
import { deliverAndReschedule } from "@/lib/jobs/definitions/webhooks-dispatch";
import { createWebhookForm, webhookIdForm } from "@/lib/webhooks/schemas";

// Webhooks are integrations like API tokens: the same administrators manage both.
const permission = "admin:tokens" as const;

export const createWebhookAction = action({
  permission,
  schema: createWebhookForm,
  run: async (input, { db, user }) => {
    const created = await createWebhookEndpoint(db, user.id, input);
    revalidatePath("/admin/webhooks");
    return { id: created.id, url: created.url, secret: created.secret };
  },
});

export const deleteWebhookAction = action({
  permission,
  schema: webhookIdForm,
  run: async ({ id }, { db, user }) => {
    await deleteWebhookEndpoint(db, user.id, id);
    revalidatePath("/admin/webhooks");
    return { id };
  },
});

export const enableWebhookAction = action({
  permission,
  schema: webhookIdForm,
  run: async ({ id }, { db, user }) => {
    await enableWebhookEndpoint(db, user.id, id, new Date());
    revalidatePath("/admin/webhooks");
    return { id };
  },
});

/**
 * Sends a delivery again from the start and tries it once right away (the admin waits for that
 * one attempt, at most the delivery timeout); if it fails, the usual retries follow (the next
 * attempt's job is written with it).
 */
export const redeliverWebhookAction = action({
  permission,
  schema: webhookIdForm,
  run: async ({ id }, { db, user }) => {
    const now = new Date();
    const { endpointId } = await redeliverWebhook(db, user.id, id, now);
    const outcome = await deliverAndReschedule(db, id, now);
    revalidatePath(`/admin/webhooks/${endpointId}`);
    return { id, outcome: outcome.outcome };
  },
});
