"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

const TABS = [
  { key: "inbox", href: "/insights" },
  { key: "rules", href: "/insights/rules" },
  { key: "new", href: "/insights/new" },
  { key: "import", href: "/insights/import" },
] as const;

export type InsightTab = (typeof TABS)[number]["key"];

export function InsightTabs({ tabs }: { tabs: InsightTab[] }) {
  const t = useTranslations("insights.tabs");
  const pathname = usePathname();
  const current = TABS.filter((x) => x.key !== "inbox").find((x) => pathname.startsWith(x.href))?.key ?? "inbox";
  if (tabs.length < 2) return null;
  return (
    <nav aria-label={t("label")} className="border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-4">
        {TABS.filter((x) => tabs.includes(x.key)).map((tab) => (
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
