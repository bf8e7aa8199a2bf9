import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ChannelForm } from "@/components/channels/channel-form";
import { StrategyForm } from "@/components/channels/strategy-form";
import { getDb } from "@/db";
import type { ChannelDetail } from "@/db/queries/channels";
import { listActiveUserOptions } from "@/db/queries/users";
import { canEditStrategy } from "@/lib/channels/rules";
import { namedPageTitle } from "@/lib/i18n/page-title";
import { can } from "@/lib/permissions";
import { loadChannel } from "../load";

/** Active people, plus a deactivated current owner or deputy so the form shows them (and refuses to keep them). */
async function peopleFor(channel: ChannelDetail, inactive: string) {
  const people: { id: number; name: string }[] = await listActiveUserOptions(await getDb());
  for (const p of [channel.owner, channel.deputy]) {
    if (p && !p.active && !people.some((x) => x.id === p.id)) people.push({ id: p.id, name: `${p.name} (${inactive})` });
  }
  return people;
}

/** Full edit for the manager and admin; the strategy answers alone for the owning department's head; 403 otherwise. */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { channel } = await loadChannel((await params).id);
  const t = await getTranslations("channels");
  return namedPageTitle(t("form.editTitle", { name: channel.name }), "channels.title");
}

export default async function EditChannelPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, channel } = await loadChannel((await params).id);
  const full = can(user.role, "channels:write");
  if (!full && !canEditStrategy(user, channel.owningDepartmentId)) forbidden();
  const t = await getTranslations("channels");
  return (
    <div className="space-y-4">
      <Link href={`/channels/${channel.id}`} className="text-sm text-blue-800 hover:underline">
        ← {channel.name}
      </Link>
      <h2 className="text-lg font-medium">{t("form.editTitle", { name: channel.name })}</h2>
      {full ? (
        <ChannelForm channel={channel} people={await peopleFor(channel, (await getTranslations("admin.users"))("statusInactive"))} />
      ) : (
        <StrategyForm channelId={channel.id} values={channel} />
      )}
    </div>
  );
}
