import { NextResponse } from "next/server";
import { appOrigin } from "@/lib/api";
import { openApiDocument } from "@/lib/openapi";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 document of the public API; public, like any API's documentation. */
export async function GET(req: Request) {
  return NextResponse.json(openApiDocument(appOrigin(req)));
}
