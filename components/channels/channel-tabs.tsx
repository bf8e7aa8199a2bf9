"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

const TABS = [
  { key: "register", href: "/channels" },
  { key: "matrix", href: "/channels/matrix" },
  { key: "processes", href: "/channels/processes" },
] as const;

export function ChannelTabs() {
  const t = useTranslations("channels.tabs");
  const pathname = usePathname();
  const current = TABS.find((tab) => tab.href !== "/channels" && pathname.startsWith(tab.href))?.key ?? "register";
  return (
    <nav aria-label={t("label")} className="border-b border-slate-200">
      <ul className="-mb-px flex gap-4">
        {TABS.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={current === tab.key ? "page" : undefined}
              className={cn(
                "inline-block border-b-2 px-1 pb-2 text-sm font-medium",
                current === tab.key ? "border-blue-700 text-blue-900" : "border-transparent text-slate-600 hover:text-slate-900",
              )}
            >
              {t(tab.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
