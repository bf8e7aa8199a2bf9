import { getTranslations } from "next-intl/server";
import { InsightTabs, type InsightTab } from "@/components/insights/insight-tabs";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PageHeader } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/auth/session";
import { can } from "@/lib/permissions";

// The check sits in the layout so the 403 is decided before anything below it streams.
export default async function InsightsLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePagePermission("insights:read");
  const t = await getTranslations("insights");
  const tabs: InsightTab[] = ["inbox"];
  if (can(user.role, "rules:write")) tabs.push("rules");
  if (can(user.role, "insights:triage")) tabs.push("new", "import");
  if (can(user.role, "privacy:subjects")) tabs.push("subjects");
  return (
    <ClientMessages area="insights">
      <PageHeader title={t("title")} lead={t("lead")} />
      <InsightTabs tabs={tabs} />
      <div className="mt-6">{children}</div>
    </ClientMessages>
  );
}
