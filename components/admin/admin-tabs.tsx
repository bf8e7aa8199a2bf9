"use client";

import { useTranslations } from "next-intl";
import { TabNav } from "@/components/ui/tab-nav";

const TABS = [
  { key: "users", href: "/admin/users" },
  { key: "departments", href: "/admin/departments" },
  { key: "sso", href: "/admin/sso" },
  { key: "privacy", href: "/admin/privacy" },
  { key: "tokens", href: "/admin/tokens" },
  { key: "webhooks", href: "/admin/webhooks" },
  { key: "api", href: "/admin/api" },
  { key: "jobs", href: "/admin/jobs" },
  { key: "audit", href: "/admin/audit" },
  { key: "outbox", href: "/admin/outbox" },
] as const;

/** `disabledWebhooks`: endpoints switched off after failing deliveries, shown as a badge on their tab. */
export function AdminTabs({ disabledWebhooks = 0 }: { disabledWebhooks?: number }) {
  const t = useTranslations("admin");
  return (
    <TabNav
      label={t("title")}
      tabs={TABS.map((tab) => ({
        href: tab.href,
        label: t(`tabs.${tab.key}`),
        badge: tab.key === "webhooks" && disabledWebhooks > 0 ? { count: disabledWebhooks, label: t("webhooks.tabBadge", { count: disabledWebhooks }) } : undefined,
      }))}
    />
  );
}
