import { NextResponse } from "next/server";
import { ingestBody } from "@/db/queries/insight-intake";
import { listInsightsForApi } from "@/db/queries/insights-api";
import { readJsonBody, readQuery, tokenRoute } from "@/lib/api";
import { englishFieldErrors } from "@/lib/i18n/english";
import { insightListQuery } from "@/lib/schemas/api-v1";

export const dynamic = "force-dynamic";

/** 1,000 insights of a few KB each, with room to spare. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * Takes one insight, an array, or `{ "items": [...] }` (up to 1,000). Idempotent on
 * (source, externalId): re-sent items come back as `duplicate`. Invalid items are reported per
 * item with field errors and skipped; the valid ones of the same batch are stored. 201 when
 * something was stored, 200 when nothing new was (only duplicates), 422 when every item was invalid.
 */
export const POST = tokenRoute("insights:write", async (req, { db, token }) => {
  const body = await readJsonBody(req, MAX_BODY_BYTES);
  const result = await ingestBody(db, { via: "api", userId: null, label: token.name }, body);
  const items = result.items.map((i) => (i.errors ? { ...i, errors: englishFieldErrors(i.errors) } : i));
  const status = result.created > 0 ? 201 : result.invalid === items.length ? 422 : 200;
  const data = { created: result.created, duplicates: result.duplicates, invalid: result.invalid, routed: result.routed, items };
  if (status === 422) {
    return NextResponse.json({ error: { code: "validation_failed", message: "No item of the batch was valid." }, data }, { status });
  }
  return NextResponse.json({ data }, { status });
});

/**
 * Lists insights company-wide for a CRM, BI tool or groupware add-in (scope `insights:read`):
 * filters and cursor paging as described in the OpenAPI document (lib/schemas/api-v1.ts).
 */
export const GET = tokenRoute("insights:read", async (req, { db }) => {
  return NextResponse.json(await listInsightsForApi(db, readQuery(req, insightListQuery)));
});
