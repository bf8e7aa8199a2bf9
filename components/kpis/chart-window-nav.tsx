import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CHART_WINDOWS, type KpiView, kpiViewQuery, RECENT_PERIODS, shiftWindow } from "@/lib/kpis/chart-window";
import type { KpiPeriod } from "@/lib/kpis/periods";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { formatWindow } from "./format";

/** Which stretch the chart and the period table cover; plain links, so it works without JavaScript. */
export async function ChartWindowNav({ kpiId, kpiPeriod, view, today }: { kpiId: number; kpiPeriod: KpiPeriod; view: KpiView; today: string }) {
  const t = await getTranslations("kpis");
  const format = await getFormatter();
  const href = (v: KpiView) => `/kpis/${kpiId}${kpiViewQuery(v)}`;
  const earlier = shiftWindow(view, -1, today);
  const later = shiftWindow(view, 1, today);
  return (
    <div className="mb-3 flex flex-wrap items-center gap-2">
      <nav aria-label={t("detail.window.label")}>
        <ul className="inline-flex flex-wrap rounded-md border border-slate-300 bg-white p-0.5">
          {CHART_WINDOWS.map((w) => (
            <li key={w}>
              <Link
                href={href({ ...view, window: w })}
                aria-current={view.window === w ? "true" : undefined}
                className={cn(
                  "block rounded px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-blue-700",
                  view.window === w ? "bg-blue-700 text-white" : "text-slate-700 hover:bg-slate-100",
                )}
              >
                {w === "recent" ? t(`detail.window.recent.${kpiPeriod}`, { count: RECENT_PERIODS[kpiPeriod] }) : t(`periods.${w}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {view.window !== "recent" ? (
        <div className="flex items-center gap-2">
          {earlier ? (
            <Link href={href(earlier)} className={buttonVariants({ variant: "secondary", size: "sm" })} aria-label={t("detail.window.earlier")}>
              ←
            </Link>
          ) : null}
          <span className="min-w-24 text-center text-sm font-medium" data-testid="kpi-window">
            {formatWindow(format, view.window, view.date)}
          </span>
          {later ? (
            <Link href={href(later)} className={buttonVariants({ variant: "secondary", size: "sm" })} aria-label={t("detail.window.later")}>
              →
            </Link>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
