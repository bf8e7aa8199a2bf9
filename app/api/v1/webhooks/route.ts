import { NextResponse } from "next/server";
import { createWebhookEndpoint, getWebhookEndpoint, listWebhookEndpoints } from "@/db/queries/webhooks";
import { apiError, readJsonBody, readQuery, tokenRoute } from "@/lib/api";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { englishFieldErrors } from "@/lib/i18n/english";
import { webhookListQuery } from "@/lib/webhooks/api";
import { createWebhookBody } from "@/lib/webhooks/schemas";
import { toApiWebhook } from "./serialize";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 16 * 1024;

/**
 * Registers a webhook endpoint (scope `webhooks:manage`). The URL must be http(s) and, after DNS
 * resolution, not point into loopback, private or link-local networks. `201` with the secret —
 * the only time it is shown. The internal CRM flag is for administrators in the app only.
 */
export const POST = tokenRoute("webhooks:manage", async (req, { db }) => {
  const parsed = createWebhookBody.safeParse(await readJsonBody(req, MAX_BODY_BYTES));
  if (!parsed.success) return apiError("validation_failed", "Invalid webhook endpoint.", englishFieldErrors(zodFieldErrors(parsed.error)));
  try {
    const created = await createWebhookEndpoint(db, null, parsed.data);
    const dto = (await getWebhookEndpoint(db, created.id))!;
    return NextResponse.json({ data: { ...toApiWebhook(dto), secret: created.secret } }, { status: 201 });
  } catch (err) {
    if (err instanceof AppError && err.fieldErrors) return apiError(err.code, "Invalid webhook endpoint.", englishFieldErrors(err.fieldErrors));
    throw err;
  }
});

/** Registered endpoints, newest first, without their secrets (scope `webhooks:manage`). */
export const GET = tokenRoute("webhooks:manage", async (req, { db }) => {
  const q = readQuery(req, webhookListQuery);
  const result = await listWebhookEndpoints(db, q);
  return NextResponse.json({ data: result.rows.map(toApiWebhook), page: result.page, pageSize: result.pageSize, total: result.total });
});
