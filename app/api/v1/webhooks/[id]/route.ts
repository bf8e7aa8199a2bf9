import { deleteWebhookEndpoint } from "@/db/queries/webhooks";
import { apiError, tokenRoute } from "@/lib/api";

export const dynamic = "force-dynamic";

/** Deletes an endpoint with its delivery log (scope `webhooks:manage`); `204`, or `404` when unknown. */
export const DELETE = tokenRoute<{ id: string }>("webhooks:manage", async (_req, { db, params }) => {
  if (!/^\d{1,9}$/.test(params.id)) return apiError("not_found", "No webhook endpoint with this id.");
  await deleteWebhookEndpoint(db, null, Number(params.id));
  return new Response(null, { status: 204 });
});
