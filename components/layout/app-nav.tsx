"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { NAV, type NavKey } from "@/lib/permissions";
import { cn } from "@/lib/utils";

export function AppNav({ items, badges }: { items: NavKey[]; badges: Partial<Record<NavKey, number>> }) {
  const t = useTranslations("common.nav");
  const pathname = usePathname();
  const entries = NAV.filter((n) => items.includes(n.key));
  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-wrap gap-1">
        {entries.map((n) => {
          const active = pathname === n.href || pathname.startsWith(`${n.href}/`);
          const badge = badges[n.key];
          return (
            <li key={n.key}>
              <Link
                href={n.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-flex items-center gap-1 rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-blue-700",
                  active ? "bg-blue-50 text-blue-900" : "text-slate-700 hover:bg-slate-100",
                )}
              >
                {t(n.key)}
                {badge ? (
                  <span className="rounded-full bg-red-700 px-1.5 text-xs text-white" data-testid={`nav-badge-${n.key}`}>
                    {badge}
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
