"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { NAV, type NavKey } from "@/lib/permissions";
import { cn } from "@/lib/utils";
import { useDisclosure } from "./use-disclosure";

/**
 * The main navigation: one row from lg up, a "Menü" button that opens the same links as a list on
 * smaller screens (on a phone the row wrapped into two and pushed the page down). A page reached
 * by drilling down from the overview (`?from=overview`) keeps "Überblick" highlighted.
 */
export function AppNav({ items, badges }: { items: NavKey[]; badges: Partial<Record<NavKey, number>> }) {
  const t = useTranslations("common.nav");
  const pathname = usePathname();
  const search = useSearchParams();
  const { setOpen, root, buttonProps, panelProps } = useDisclosure<HTMLDivElement>();
  const entries = NAV.filter((n) => items.includes(n.key));
  const from = search.get("from");
  const activeKey =
    entries.find((n) => from === n.key && items.includes(n.key))?.key ??
    entries.find((n) => pathname === n.href || pathname.startsWith(`${n.href}/`))?.key;
  const totalBadges = entries.reduce((sum, n) => sum + (badges[n.key] ?? 0), 0);

  // A link followed from the open menu closes it.
  useEffect(() => setOpen(false), [pathname, setOpen]);

  const links = (layout: "row" | "list") => (
    <ul className={layout === "row" ? "flex items-center gap-0.5" : "flex flex-col gap-1 py-2"}>
      {entries.map((n) => {
        const active = n.key === activeKey;
        const badge = badges[n.key];
        return (
          <li key={n.key}>
            <Link
              href={n.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-1 whitespace-nowrap rounded-md px-2.5 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-blue-700",
                active ? "bg-blue-50 text-blue-900" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              {t(n.key)}
              {badge ? (
                <span className="rounded-full bg-red-700 px-1.5 text-xs text-white" data-testid={layout === "row" ? `nav-badge-${n.key}` : undefined}>
                  {badge}
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );

  return (
    <>
      <nav aria-label={t("label")} className="hidden lg:block">
        {links("row")}
      </nav>
      <div ref={root} className="contents">
        <div className="lg:hidden">
          <button
            {...buttonProps}
            className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-700"
          >
            <span aria-hidden="true">☰</span>
            {t("menu")}
            {totalBadges ? <span className="rounded-full bg-red-700 px-1.5 text-xs text-white">{totalBadges}</span> : null}
          </button>
        </div>
        <nav {...panelProps} aria-label={t("label")} className="order-last w-full border-t border-slate-200 lg:hidden">
          {links("list")}
        </nav>
      </div>
    </>
  );
}
