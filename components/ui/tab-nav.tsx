"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

/**
 * Section tabs as links; the current one is the tab whose path is the longest prefix of the page's.
 * A tab may carry a badge: a count that needs attention, with its meaning for screen readers.
 */
export function TabNav({ label, tabs }: { label: string; tabs: { href: string; label: string; badge?: { count: number; label: string } }[] }) {
  const pathname = usePathname();
  const current = tabs
    .filter((tab) => pathname === tab.href || pathname.startsWith(`${tab.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label={label} className="border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-4">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={current === tab.href ? "page" : undefined}
              className={cn(
                "inline-block border-b-2 px-1 pb-2 text-sm font-medium",
                current === tab.href ? "border-blue-700 text-blue-900" : "border-transparent text-slate-600 hover:text-slate-900",
              )}
            >
              {tab.label}
              {tab.badge && tab.badge.count > 0 ? (
                <>
                  <span aria-hidden="true" className="ml-1 rounded-full bg-red-700 px-1.5 text-xs text-white" data-testid="tab-badge">
                    {tab.badge.count}
                  </span>
                  <span className="sr-only"> ({tab.badge.label})</span>
                </>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
