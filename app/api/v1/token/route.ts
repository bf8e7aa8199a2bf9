import { NextResponse } from "next/server";
import { tokenRoute } from "@/lib/api";

export const dynamic = "force-dynamic";

/** Lets an integration check its configuration: which token it sends and what that token may do. */
export const GET = tokenRoute(null, async (_req, { token }) => {
  return NextResponse.json({ data: { name: token.name, scopes: token.scopes } });
});
