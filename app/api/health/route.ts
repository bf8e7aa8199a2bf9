import { NextResponse } from "next/server";
import { getConnection } from "@/db";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const conn = await getConnection();
    await conn.ping();
    return NextResponse.json({ status: "ok", database: conn.kind });
  } catch {
    return NextResponse.json({ status: "unavailable", error: { code: "database_unavailable" } }, { status: 503 });
  }
}
