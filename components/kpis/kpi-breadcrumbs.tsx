import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { type KpiView, overviewHref } from "@/lib/kpis/chart-window";
import { formatWindow } from "./format";

/**
 * The way back to where the reader came from: "Überblick › Quartal Q4 2026 › <KPI>" from the
 * overview (with its window still selected), "Kennzahlen › <KPI>" otherwise.
 */
export async function KpiBreadcrumbs({ view, name }: { view: KpiView; name: string }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const crumbs: { href: string; label: string }[] =
    view.from === "overview"
      ? [
          { href: "/overview", label: t("overview.title") },
          ...(view.window !== "recent"
            ? [{ href: overviewHref(view), label: `${t(`kpis.periods.${view.window}`)} ${formatWindow(format, view.window, view.date)}` }]
            : []),
        ]
      : [{ href: "/kpis", label: t("kpis.title") }];
  return (
    <nav aria-label={t("kpis.detail.breadcrumb")} className="mb-2 text-sm" data-testid="kpi-breadcrumbs">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-slate-600">
        {crumbs.map((c) => (
          <li key={c.href} className="flex items-center gap-1.5">
            <Link href={c.href} className="text-blue-800 underline-offset-2 hover:underline">
              {c.label}
            </Link>
            <span aria-hidden="true">›</span>
          </li>
        ))}
        <li aria-current="page" className="font-medium text-slate-800">
          {name}
        </li>
      </ol>
    </nav>
  );
}
