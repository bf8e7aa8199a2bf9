"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { formatDay, formatKpiValue, formatPeriod } from "@/components/kpis/format";
import { StatusBadge } from "@/components/kpis/status-badge";
import { Card } from "@/components/ui/card";
import type { OverviewDepartment, OverviewKpi } from "@/lib/kpis/overview";
import type { WindowKind } from "@/lib/kpis/periods";
import { Sparkline } from "./sparkline";

const ARROW = { improving: "↗", worsening: "↘", flat: "→" } as const;

/**
 * Column widths shared by every process table, so status and trend stand at the same place in
 * each of them (table-layout: fixed sizes columns from these, not from each table's content).
 */
const COLUMNS = ["w-[28%]", "w-[11%]", "w-[11%]", "w-[26%]", "w-[24%]"];
const COLUMNS_COMPARE = ["w-[22%]", "w-[9%]", "w-[9%]", "w-[20%]", "w-[18%]", "w-[12%]", "w-[10%]"];

const TH = "border-b border-slate-200 bg-slate-50 px-3 py-2 font-medium text-slate-700";
const TD = "border-b border-slate-100 px-3 py-2 align-top text-slate-800";

/** The KPI's open alert on its own row: severity, the value and period it judges, since when. */
function AlertOnRow({ kpi }: { kpi: OverviewKpi }) {
  const t = useTranslations("overview");
  const tp = useTranslations("kpis.periodOf");
  const format = useFormatter();
  const a = kpi.alert;
  if (!a) return null;
  return (
    <div className="mt-1" data-testid="kpi-alert" data-severity={a.severity}>
      <StatusBadge status={a.severity} prefix={t("alertPrefix")} wrap />
      <div className="text-xs text-slate-600">
        {t("alertDetail", {
          value: formatKpiValue(format, kpi.unit, a.value),
          period: formatPeriod(format, tp, a.periodStart, kpi.period),
          since: formatDay(format, a.since),
        })}
        {a.status === "acknowledged" ? ` · ${t("acknowledged")}` : null}
      </div>
    </div>
  );
}

function Trend({ kpi }: { kpi: OverviewKpi }) {
  const t = useTranslations("overview");
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Sparkline points={kpi.sparkline} label={t("sparkline")} />
      {kpi.trend ? (
        <span className="text-sm text-slate-700" data-trend={kpi.trend}>
          <span aria-hidden="true">{ARROW[kpi.trend]}</span> {t(`trends.${kpi.trend}`)}
        </span>
      ) : null}
    </span>
  );
}

function useChange() {
  const format = useFormatter();
  return (k: OverviewKpi) =>
    k.current.value !== null && k.previous.value !== null && k.previous.value !== 0
      ? format.number((k.current.value - k.previous.value) / Math.abs(k.previous.value), { style: "percent", signDisplay: "exceptZero", maximumFractionDigits: 0 })
      : "—";
}

interface Props {
  department: OverviewDepartment;
  compare: boolean;
  kind: WindowKind;
  /** Appended to each KPI's address so its page opens on this window and leads back here. */
  kpiQuery: string;
}

/** One department: its processes, each KPI with actual vs target, status, open alert and trend. */
export function OverviewTable({ department, compare, kind, kpiQuery }: Props) {
  const t = useTranslations("overview");
  const format = useFormatter();
  const change = useChange();
  const c = department.counts;
  const windowName = t(`windowStatus.${kind}`);
  const widths = compare ? COLUMNS_COMPARE : COLUMNS;
  const kpiLink = (k: OverviewKpi) => (
    <Link href={`/kpis/${k.id}${kpiQuery}`} className="font-medium break-words text-blue-800 underline-offset-2 hover:underline">
      {k.name}
    </Link>
  );
  const target = (k: OverviewKpi) => (
    <>
      {formatKpiValue(format, k.unit, k.current.target)}
      {k.proRata ? (
        <span className="block text-xs" title={t("proRataTitle")}>
          {t("proRataMark")}
        </span>
      ) : null}
    </>
  );
  return (
    <Card aria-labelledby={`dep-${department.id}`}>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`dep-${department.id}`} className="text-lg font-semibold">
          {department.name}
        </h2>
        <p className="text-sm text-slate-600" data-testid="department-counts">
          {t("counts.onTarget")} {c.onTarget} · {t("counts.withinTolerance")} {c.withinTolerance} · {t("counts.atRisk")} {c.atRisk} ·{" "}
          {t("counts.offTarget")} {c.offTarget}
          {c.noData ? ` · ${t("counts.noData")} ${c.noData}` : null}
        </p>
      </div>
      <div className="space-y-4">
        {department.processes.map((p) => (
          // Not a landmark: a process may be named like its department ("Kundenservice").
          <div key={p.id}>
            <h3 className="mb-1 text-sm font-medium text-slate-700">{p.name}</h3>
            {/* One table per process, all with the same fixed columns; below md one card per KPI
                (`.table-cards`), with status and trend in view and nothing to scroll sideways. */}
            <div className="rounded-lg border border-slate-200 bg-white max-md:border-0 max-md:bg-transparent">
              <table className="table-cards table-cards-pairs w-full table-fixed text-left text-sm" data-testid="process-table">
                <colgroup>
                  {widths.map((w, i) => (
                    <col key={i} className={w} />
                  ))}
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col" className={TH}>
                      {t("columns.kpi")}
                    </th>
                    <th scope="col" className={`${TH} text-right`}>
                      {t("columns.value")}
                    </th>
                    <th scope="col" className={`${TH} text-right`}>
                      {t("columns.target")}
                    </th>
                    <th scope="col" className={TH} data-testid="status-column">
                      {t("columns.status")}
                    </th>
                    <th scope="col" className={TH}>
                      {t("columns.trend")}
                    </th>
                    {compare ? (
                      <>
                        <th scope="col" className={`${TH} text-right`}>
                          {t("columns.previous")}
                        </th>
                        <th scope="col" className={TH}>
                          {t("columns.change")}
                        </th>
                      </>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {p.kpis.map((k) => (
                    <tr key={k.id} data-testid="overview-kpi" data-kpi={k.name} data-overall={k.overall}>
                      <td className={TD} data-card="lead">
                        {kpiLink(k)}
                      </td>
                      <td className={`${TD} text-right tabular-nums`} data-label={t("columns.value")}>
                        {formatKpiValue(format, k.unit, k.current.value)}
                      </td>
                      <td className={`${TD} text-right tabular-nums text-slate-600`} data-label={t("columns.target")}>
                        {target(k)}
                      </td>
                      <td className={TD} data-card="tag">
                        <StatusBadge status={k.current.status} prefix={windowName} wrap />
                        <AlertOnRow kpi={k} />
                      </td>
                      <td className={TD}>
                        <Trend kpi={k} />
                      </td>
                      {compare ? (
                        <>
                          <td className={`${TD} text-right tabular-nums`} data-label={t("columns.previous")}>
                            {formatKpiValue(format, k.unit, k.previous.value)}
                            <div>
                              <StatusBadge status={k.previous.status} wrap />
                            </div>
                          </td>
                          <td className={`${TD} tabular-nums`} data-label={t("columns.change")}>
                            {change(k)}
                          </td>
                        </>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ))}
      </div>
    </Card>
  );
}
