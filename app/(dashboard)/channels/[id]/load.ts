import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { getChannel } from "@/db/queries/channels";
import { requirePagePermission } from "@/lib/auth/session";

/**
 * The channel a page under /channels/[id] shows, for someone who may read the register (403
 * otherwise, 404 for an unknown id). Cached per request, so the page's title and the page itself
 * check and read once.
 */
export const loadChannel = cache(async (id: string) => {
  const user = await requirePagePermission("channels:read");
  if (!/^\d{1,9}$/.test(id)) notFound();
  const db = await getDb();
  const channel = await getChannel(db, Number(id));
  if (!channel) notFound();
  return { user, db, channel };
});
