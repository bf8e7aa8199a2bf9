"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

const TABS = [
  { key: "users", href: "/admin/users" },
  { key: "departments", href: "/admin/departments" },
  { key: "tokens", href: "/admin/tokens" },
  { key: "audit", href: "/admin/audit" },
] as const;

export function AdminTabs() {
  const t = useTranslations("admin");
  const pathname = usePathname();
  return (
    <nav aria-label={t("title")} className="border-b border-slate-200">
      <ul className="-mb-px flex gap-4">
        {TABS.map((tab) => {
          const active = pathname.startsWith(tab.href);
          return (
            <li key={tab.key}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-block border-b-2 px-1 pb-2 text-sm font-medium",
                  active ? "border-blue-700 text-blue-900" : "border-transparent text-slate-600 hover:text-slate-900",
                )}
              >
                {t(`tabs.${tab.key}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
