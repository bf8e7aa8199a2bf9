import { NextResponse } from "next/server";
import { runConnector } from "@/db/queries/connector-runs";
import { getConnector } from "@/db/queries/connectors";
import { apiError, tokenRoute } from "@/lib/api";
import { POLLED_CONNECTOR_KINDS } from "@/lib/enums";
import { englishFieldErrors } from "@/lib/i18n/english";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/**
 * Runs a polled connector now and answers with the run (scope `connectors:manage`):
 * `200 { data: { outcome, fetched, created, duplicates, error } }`. `409` for a paused connector
 * (resume it first) and for receiving kinds (Meta, generic webhook), which are not fetched.
 */
export const POST = tokenRoute<{ id: string }>("connectors:manage", async (_req, { db, params }) => {
  const c = /^\d{1,9}$/.test(params.id) ? await getConnector(db, Number(params.id)) : null;
  if (!c) return apiError("not_found", "No connector with this id.");
  if (!(POLLED_CONNECTOR_KINDS as readonly string[]).includes(c.kind)) return apiError("conflict", "This connector receives; it is not fetched.");
  try {
    const r = await runConnector(db, c.id, "manual", new Date());
    return NextResponse.json({
      data: {
        outcome: r.outcome,
        fetched: r.fetched,
        created: r.created,
        duplicates: r.duplicates,
        error: r.errorCode ? { code: r.errorCode, message: r.error ?? "" } : null,
      },
    });
  } catch (err) {
    if (err instanceof AppError && err.fieldErrors) return apiError(err.code, "The connector is paused; resume it first.", englishFieldErrors(err.fieldErrors));
    throw err;
  }
});
