import { NextResponse } from "next/server";
import { getInsightForApi } from "@/db/queries/insights-api";
import { apiError, tokenRoute } from "@/lib/api";

export const dynamic = "force-dynamic";

/** One insight with its history (scope `insights:read`); the author only as alias. */
export const GET = tokenRoute<{ id: string }>("insights:read", async (_req, { db, params }) => {
  if (!/^\d{1,15}$/.test(params.id)) return apiError("not_found", "Insight not found.");
  return NextResponse.json({ data: await getInsightForApi(db, Number(params.id)) });
});
