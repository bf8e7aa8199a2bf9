import { getTranslations } from "next-intl/server";
import { ChannelTabs } from "@/components/channels/channel-tabs";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PageHeader } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/auth/session";

// The read check sits in the layout so a 403 is decided before anything below it streams; pages
// that need more (writing, a department's own channel) check again themselves.
export default async function ChannelsLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("channels:read");
  const t = await getTranslations("channels");
  return (
    <ClientMessages area="channels">
      <PageHeader title={t("title")} lead={t("lead")} />
      <ChannelTabs />
      <div className="mt-6">{children}</div>
    </ClientMessages>
  );
}
