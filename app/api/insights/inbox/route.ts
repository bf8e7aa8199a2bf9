import { NextResponse } from "next/server";
import { departmentInbox } from "@/db/queries/insights";
import { sessionRoute } from "@/lib/api";

export const dynamic = "force-dynamic";

/** The department head's open insights, polled by the inbox page. */
export const GET = sessionRoute("insights:act", async (req, { db, user }) => {
  const raw = Number(new URL(req.url).searchParams.get("page") ?? "1");
  const page = Number.isInteger(raw) && raw > 0 ? Math.min(raw, 100_000) : 1;
  return NextResponse.json(await departmentInbox(db, user, { page }));
});
