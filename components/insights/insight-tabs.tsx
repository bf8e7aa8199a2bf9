"use client";

import { useTranslations } from "next-intl";
import { TabNav } from "@/components/ui/tab-nav";

const TABS = [
  { key: "inbox", href: "/insights" },
  { key: "rules", href: "/insights/rules" },
  { key: "new", href: "/insights/new" },
  { key: "import", href: "/insights/import" },
  { key: "subjects", href: "/insights/subject-requests" },
] as const;

export type InsightTab = (typeof TABS)[number]["key"];

export function InsightTabs({ tabs }: { tabs: InsightTab[] }) {
  const t = useTranslations("insights.tabs");
  if (tabs.length < 2) return null;
  return <TabNav label={t("label")} tabs={TABS.filter((x) => tabs.includes(x.key)).map((tab) => ({ href: tab.href, label: t(tab.key) }))} />;
}
