import { NextResponse } from "next/server";
import { getOverview } from "@/db/queries/overview";
import { sessionRoute } from "@/lib/api";
import { todayIn } from "@/lib/kpis/periods";
import { overviewScope } from "@/lib/kpis/scope";
import { overviewQuerySchema } from "@/lib/schemas/kpis";

export const dynamic = "force-dynamic";

/** The overview's data for a period, refetched by the page when the period changes. */
export const GET = sessionRoute("overview:read", async (req, { db, user }) => {
  const q = overviewQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const today = todayIn();
  const data = await getOverview(db, { kind: q.period, anchor: q.date ?? today, today, scope: overviewScope(user) });
  return NextResponse.json({ data });
});
