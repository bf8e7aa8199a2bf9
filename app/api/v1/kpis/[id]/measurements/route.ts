import { NextResponse } from "next/server";
import { recordMeasurements } from "@/db/queries/measurements";
import { apiError, readJsonBody, tokenRoute } from "@/lib/api";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { englishFieldErrors } from "@/lib/i18n/english";
import { todayIn } from "@/lib/kpis/periods";
import { apiBatchSchema } from "@/lib/schemas/kpis";

export const dynamic = "force-dynamic";

const MAX_BODY = 2 * 1024 * 1024;

/**
 * Stores a batch of values for one KPI, e.g. from a monitoring tool:
 * `{ "items": [{ "date": "2026-03-31", "value": 12.5 }] }`. All or nothing: one invalid item
 * (reported as `items.N.field`) and nothing is stored. Answers 201 with the count and any alert change.
 */
export const POST = tokenRoute<{ id: string }>("measurements:write", async (req, { db, token, params }) => {
  if (!/^\d{1,9}$/.test(params.id)) return apiError("not_found", "KPI not found.");
  const parsed = apiBatchSchema.safeParse(await readJsonBody(req, MAX_BODY));
  if (!parsed.success) {
    return apiError("validation_failed", "The batch is invalid; nothing was stored.", englishFieldErrors(zodFieldErrors(parsed.error)));
  }
  const kpiId = Number(params.id);
  try {
    const result = await recordMeasurements(
      db,
      { userId: null, scope: { all: true }, via: `api-token:${token.name}` },
      parsed.data.items.map((i) => ({ kpiId, measuredOn: i.date, value: i.value })),
      "api",
      todayIn(),
    );
    return NextResponse.json(
      { data: { kpiId, stored: result.stored, alert: result.alerts[0] ? { change: result.alerts[0].decision, severity: result.alerts[0].severity } : null } },
      { status: 201 },
    );
  } catch (err) {
    if (err instanceof AppError && err.fieldErrors) {
      // Dates become `items.N.date` again, the API's field name.
      const fields = Object.fromEntries(Object.entries(err.fieldErrors).map(([k, v]) => [k.replace(/\.measuredOn$/, ".date"), v]));
      return apiError(err.code, "The batch is invalid; nothing was stored.", englishFieldErrors(fields));
    }
    if (err instanceof AppError && err.code === "not_found") return apiError("not_found", "KPI not found.");
    throw err;
  }
});
