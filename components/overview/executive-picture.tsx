import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { OverviewDepartment } from "@/lib/kpis/overview";
import { addDays } from "@/lib/kpis/periods";

const SEGMENTS = [
  ["onTarget", "#15803d"],
  ["withinTolerance", "#ca8a04"],
  ["atRisk", "#d97706"],
  ["offTarget", "#b91c1c"],
  ["noData", "#cbd5e1"],
] as const;

/**
 * "Where do we stand" in ten seconds, above the tables: KPI attainment per department as bars
 * (each KPI once, at its overall status — the cards below add up the same way), open alerts and
 * active crises, and what the measures cost against how many of them hold.
 */
export async function ExecutivePicture({
  window,
  departments,
  openAlerts,
  activeCrises,
  measures,
}: {
  window: { start: string; end: string };
  departments: OverviewDepartment[];
  openAlerts: number;
  activeCrises: number | null;
  measures: { count: number; actualCents: number; holds: number } | null;
}) {
  const t = await getTranslations("overview.picture");
  const tc = await getTranslations("overview.counts");
  const format = await getFormatter();
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const rows = departments
    .map((d) => ({ name: d.name, counts: d.counts, total: Object.values(d.counts).reduce((a, b) => a + b, 0) }))
    .filter((d) => d.total > 0);
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <Card aria-labelledby="attainment-title" className="min-w-0">
        <h2 id="attainment-title" className="font-medium">
          {t("attainment")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          {t("attainmentLead", { start: day(window.start), end: day(addDays(window.end, -1)) })}
        </p>
        <ul className="space-y-2" aria-label={t("attainment")}>
          {rows.map((d) => (
            <li key={d.name} className="grid grid-cols-1 gap-1 text-sm sm:grid-cols-[10rem_1fr_auto] sm:items-center sm:gap-3">
              <span className="truncate font-medium" title={d.name}>
                {d.name}
              </span>
              <span className="flex h-4 w-full overflow-hidden rounded bg-slate-100" aria-hidden="true">
                {SEGMENTS.map(([k, color]) =>
                  d.counts[k] ? <span key={k} style={{ width: `${(100 * d.counts[k]) / d.total}%`, backgroundColor: color }} /> : null,
                )}
              </span>
              <span className="tabular-nums text-slate-700">{t("onTargetOf", { on: d.counts.onTarget, n: d.total })}</span>
            </li>
          ))}
        </ul>
        <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label={t("legend")}>
          {SEGMENTS.map(([k, color]) => (
            <li key={k} className="flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ backgroundColor: color }} />
              {tc(k)}
            </li>
          ))}
        </ul>
      </Card>
      <div className="grid content-start gap-6">
        <Card aria-labelledby="attention-title">
          <h2 id="attention-title" className="font-medium">
            {t("attention")}
          </h2>
          <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
            <dt>
              <Link href="/alerts" className="text-blue-800 underline">
                {t("openAlerts")}
              </Link>
            </dt>
            <dd className="text-right text-lg font-semibold tabular-nums">{openAlerts}</dd>
            {activeCrises !== null ? (
              <>
                <dt>
                  <Link href="/crisis" className="text-blue-800 underline">
                    {t("activeCrises")}
                  </Link>
                </dt>
                <dd className={`text-right text-lg font-semibold tabular-nums ${activeCrises > 0 ? "text-red-700" : ""}`}>{activeCrises}</dd>
              </>
            ) : null}
          </dl>
        </Card>
        {measures ? (
          <Card aria-labelledby="measures-title">
            <h2 id="measures-title" className="font-medium">
              <Link href="/measures" className="text-blue-800 underline">
                {t("measures")}
              </Link>
            </h2>
            <p className="mt-2 text-sm text-slate-700" data-testid="measures-picture">
              {t("measuresLine", {
                spend: format.number(measures.actualCents / 100, { style: "currency", currency: "EUR", maximumFractionDigits: 0 }),
                count: measures.count,
                holds: measures.holds,
              })}
            </p>
          </Card>
        ) : null}
      </div>
    </div>
  );
}
