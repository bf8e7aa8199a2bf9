import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getChannel } from "@/db/queries/channels";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";

/**
 * "<channel> – Kanäle" (or "<channel> bearbeiten – Kanäle"). The name is put in the title only for
 * someone who may read the register; anyone else gets the area's name, and the page itself answers
 * 403 or 404.
 */
export async function channelTitle(params: Promise<{ id: string }>, areaKey: string, formatKey?: string): Promise<Metadata> {
  const t = await getTranslations();
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user || !can(user.role, "channels:read") || !/^\d{1,9}$/.test(id)) return { title: t(areaKey) };
  const channel = await getChannel(await getDb(), Number(id));
  if (!channel) return { title: t(areaKey) };
  const name = formatKey ? t(formatKey, { name: channel.name }) : channel.name;
  return { title: `${name} – ${t(areaKey)}` };
}
