"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { formatDay, formatKpiValue, formatWindow } from "@/components/kpis/format";
import { StatusBadge } from "@/components/kpis/status-badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import type { OverviewData } from "@/db/queries/overview";
import { OVERVIEW_PERIODS } from "@/lib/enums";
import { kpiViewQuery } from "@/lib/kpis/chart-window";
import { shiftPeriod } from "@/lib/kpis/periods";
import { queryKeys } from "@/lib/query-keys";
import { cn } from "@/lib/utils";
import { OverviewTable } from "./overview-table";

type Period = (typeof OVERVIEW_PERIODS)[number];
interface State {
  period: Period;
  date: string;
  compare: boolean;
}

function search(s: State) {
  const q = new URLSearchParams({ period: s.period, date: s.date });
  if (s.compare) q.set("compare", "1");
  return q.toString();
}

async function fetchOverview(s: State): Promise<OverviewData> {
  const res = await fetch(`/api/overview?${search(s)}`, { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`overview ${res.status}`);
  return (await res.json()).data;
}

/** The executive overview; switching the period refetches the data without loading the page. */
export function OverviewView({ initial, today }: { initial: State; today: string }) {
  const t = useTranslations("overview");
  const tk = useTranslations("kpis");
  const format = useFormatter();
  const [state, setState] = useState<State>(initial);
  const query = useQuery({
    queryKey: queryKeys.overview({ period: state.period, date: state.date }),
    queryFn: () => fetchOverview(state),
    placeholderData: keepPreviousData,
  });
  const update = (patch: Partial<State>) => {
    const next = { ...state, ...patch };
    setState(next);
    // Keeps the address shareable and reload-proof without a navigation.
    window.history.replaceState(null, "", `?${search(next)}`);
  };
  const data = query.data;
  const isCurrent = data ? data.window.start <= today && today < data.window.end : true;
  // A KPI opened from here shows this window and offers the way back to it.
  const kpiQuery = data ? kpiViewQuery({ window: data.kind as Period, date: data.window.start, from: "overview", compare: state.compare }) : "";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3" role="group" aria-label={t("controls")}>
        <div role="group" aria-label={t("period")} className="inline-flex rounded-md border border-slate-300 bg-white p-0.5">
          {OVERVIEW_PERIODS.map((p) => (
            <button
              key={p}
              type="button"
              aria-pressed={state.period === p}
              onClick={() => update({ period: p })}
              className={cn(
                "rounded px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-blue-700",
                state.period === p ? "bg-blue-700 text-white" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              {tk(`periods.${p}`)}
            </button>
          ))}
        </div>
        <Button variant="secondary" size="sm" onClick={() => update({ date: shiftPeriod(data?.window.start ?? state.date, state.period, -1) })}>
          ← {t("earlier")}
        </Button>
        <span className="min-w-32 text-center font-medium" aria-live="polite" data-testid="overview-window">
          {data ? formatWindow(format, data.kind as Period, data.window.start) : null}
        </span>
        <Button
          variant="secondary"
          size="sm"
          disabled={isCurrent}
          onClick={() => update({ date: shiftPeriod(data?.window.start ?? state.date, state.period, 1) })}
        >
          {t("later")} →
        </Button>
        {!isCurrent ? (
          <Button variant="ghost" size="sm" onClick={() => update({ date: today })}>
            {t("current")}
          </Button>
        ) : null}
        <label className="ml-2 flex items-center gap-2 text-sm">
          <Checkbox checked={state.compare} onChange={(e) => update({ compare: e.target.checked })} />
          {t("compare")}
        </label>
        <a className={cn(buttonVariants({ variant: "secondary", size: "sm" }), "ml-auto")} href={`/api/overview/export?${search(state)}`} download>
          {t("export")}
        </a>
        <a className={buttonVariants({ variant: "secondary", size: "sm" })} href={`/api/overview/report?${search(state)}&locale=de`} download>
          {t("report.download")}
        </a>
        <a className={buttonVariants({ variant: "secondary", size: "sm" })} href={`/api/overview/report?${search(state)}&locale=en`} download lang="en">
          {t("report.downloadEn")}
        </a>
        <span role="status" className="text-sm text-slate-600">
          {query.isFetching ? t("loading") : ""}
        </span>
      </div>
      {query.isError ? <Notice tone="error">{t("error")}</Notice> : null}
      {data ? (
        <>
          <div className="grid items-start gap-4 lg:grid-cols-[3fr_1fr]">
            <div>
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="overview-counts">
              {(
                [
                  ["onTarget", "border-green-600"],
                  ["withinTolerance", "border-yellow-400"],
                  ["atRisk", "border-amber-500"],
                  ["offTarget", "border-red-700"],
                  ["noData", "border-slate-400"],
                ] as const
              ).map(([k, border]) => (
                <div key={k} className={cn("rounded-lg border-l-4 bg-white p-4 shadow-sm", border)} data-count={k}>
                  <dt className="text-sm text-slate-600">{t(`counts.${k}`)}</dt>
                  <dd className="text-2xl font-semibold">{data.counts[k]}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-3 text-xs text-slate-600">{t("countsHint")}</p>
            </div>
            <Card className="p-4" aria-labelledby="open-alerts">
              <h2 id="open-alerts" className="font-medium">
                {t("alerts")} <span className="text-slate-600">({data.alerts.open})</span>
              </h2>
              {data.alerts.latest.length === 0 ? (
                <p className="mt-2 text-sm text-slate-600">{t("noAlerts")}</p>
              ) : (
                <ul className="mt-2 space-y-1 text-sm">
                  {data.alerts.latest.map((a) => (
                    <li key={a.id}>
                      <StatusBadge status={a.severity} />{" "}
                      {a.kpiId ? <Link href={`/kpis/${a.kpiId}${kpiQuery}`} className="text-blue-800 underline">{a.kpiName}</Link> : a.kpiName}
                      <span className="text-slate-600">
                        {" "}
                        · {formatKpiValue(format, a.kpiUnit, a.value)}
                        {a.since ? ` · ${t("since", { since: formatDay(format, a.since) })}` : null}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              <Link href="/alerts" className="mt-2 inline-block text-sm text-blue-800 underline">
                {t("allAlerts")}
              </Link>
            </Card>
          </div>
          {data.departments.length === 0 ? (
            <EmptyState title={t("empty")} body={t("emptyHint")} />
          ) : (
            data.departments.map((d) => <OverviewTable key={d.id} department={d} compare={state.compare} kind={data.kind as Period} kpiQuery={kpiQuery} />)
          )}
          <div className="space-y-1 text-xs text-slate-600">
            <p>{t("statusHelp")}</p>
            <p>{t("trendHelp")}</p>
            <p>{t("proRata")}</p>
          </div>
        </>
      ) : null}
    </div>
  );
}
