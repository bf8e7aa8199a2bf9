import { NextResponse } from "next/server";
import { getDb } from "@/db";
import { openNotification } from "@/db/queries/notifications";
import { appOrigin } from "@/lib/api";
import { getCurrentUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/**
 * Following a notification: it counts as read and leads to its insight, KPI, alerts or guideline
 * (whose page checks, as always, whether this person may see it). Someone else's notification or an unknown id leads back
 * to the list; nothing but the read mark changes, so a link followed from elsewhere does no harm.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const base = new URL(appOrigin(req));
  const user = await getCurrentUser();
  if (!user) return NextResponse.redirect(new URL(`/login?callbackUrl=${encodeURIComponent(new URL(req.url).pathname)}`, base));
  const { id } = await params;
  const found = /^\d{1,15}$/.test(id) ? await openNotification(await getDb(), user.id, Number(id)) : null;
  return NextResponse.redirect(new URL(found?.href ?? "/notifications", base), 303);
}
