"use client";

import { useTranslations } from "next-intl";
import { TabNav } from "@/components/ui/tab-nav";

const TABS = [
  { key: "register", href: "/channels" },
  { key: "matrix", href: "/channels/matrix" },
  { key: "processes", href: "/channels/processes" },
] as const;

export function ChannelTabs() {
  const t = useTranslations("channels.tabs");
  return <TabNav label={t("label")} tabs={TABS.map((tab) => ({ href: tab.href, label: t(tab.key) }))} />;
}
