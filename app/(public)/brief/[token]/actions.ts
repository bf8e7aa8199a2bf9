"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { confirmBriefingRead, reportBriefingAction } from "@/db/queries/briefings";
import { verifyBriefingToken } from "@/lib/crisis/briefing-link";
import { authSecret } from "@/lib/env";
import { briefingReportSchema } from "@/lib/schemas/crisis";

/**
 * What an advocate does through their personal link, without an account: the link's signature is
 * the only credential, checked again here (the proxy checked it for the page), so a form posted
 * with another or an expired token changes nothing.
 */
function recipientOf(form: FormData): { id: number; token: string } | null {
  const token = String(form.get("token") ?? "");
  const check = verifyBriefingToken(authSecret(), token, new Date());
  return check.ok ? { id: check.recipientId, token } : null;
}

export async function confirmReadAction(form: FormData): Promise<void> {
  const r = recipientOf(form);
  if (!r) redirect("/brief/invalid");
  await confirmBriefingRead(await getDb(), r.id, new Date());
  redirect(`/brief/${r.token}?done=read`);
}

export async function reportActionAction(form: FormData): Promise<void> {
  const r = recipientOf(form);
  if (!r) redirect("/brief/invalid");
  const parsed = briefingReportSchema.safeParse({ url: form.get("url") ?? "", note: form.get("note") ?? "" });
  if (!parsed.success) redirect(`/brief/${r.token}?error=url#report`);
  await reportBriefingAction(await getDb(), r.id, parsed.data, new Date());
  redirect(`/brief/${r.token}?done=acted`);
}
