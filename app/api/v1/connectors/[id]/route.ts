import { NextResponse } from "next/server";
import { deleteConnector, getConnector, updateConnector } from "@/db/queries/connectors";
import { apiError, readJsonBody, tokenRoute } from "@/lib/api";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { englishFieldErrors } from "@/lib/i18n/english";
import { updateConnectorSchema } from "@/lib/schemas/connectors";
import { toApiConnector } from "../serialize";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 16 * 1024;
const validId = (id: string) => /^\d{1,9}$/.test(id);
const notFound = () => apiError("not_found", "No connector with this id.");

/** A connector with its status, last run and counts; never a secret (scope `connectors:manage`). */
export const GET = tokenRoute<{ id: string }>("connectors:manage", async (_req, { db, params }) => {
  const c = validId(params.id) ? await getConnector(db, Number(params.id)) : null;
  return c ? NextResponse.json({ data: toApiConnector(c) }) : notFound();
});

/**
 * Changes a connector (scope `connectors:manage`): any field of POST but the kind, and
 * `paused: true | false`. A secret given replaces the stored one. The result must still be a
 * whole connector of its kind.
 */
export const PATCH = tokenRoute<{ id: string }>("connectors:manage", async (req, { db, params }) => {
  if (!validId(params.id)) return notFound();
  const parsed = updateConnectorSchema.safeParse(await readJsonBody(req, MAX_BODY_BYTES));
  if (!parsed.success) return apiError("validation_failed", "Invalid connector.", englishFieldErrors(zodFieldErrors(parsed.error)));
  try {
    return NextResponse.json({ data: toApiConnector(await updateConnector(db, null, Number(params.id), parsed.data, new Date())) });
  } catch (err) {
    if (err instanceof AppError && err.fieldErrors) return apiError(err.code, "Invalid connector.", englishFieldErrors(err.fieldErrors));
    throw err;
  }
});

/** Deletes a connector and its run history; its insights stay (scope `connectors:manage`). `204`. */
export const DELETE = tokenRoute<{ id: string }>("connectors:manage", async (_req, { db, params }) => {
  if (!validId(params.id)) return notFound();
  await deleteConnector(db, null, Number(params.id));
  return new Response(null, { status: 204 });
});
