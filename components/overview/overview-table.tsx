"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { formatDay, formatKpiValue, formatPeriod } from "@/components/kpis/format";
import { StatusBadge } from "@/components/kpis/status-badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { OverviewDepartment, OverviewKpi } from "@/lib/kpis/overview";
import type { WindowKind } from "@/lib/kpis/periods";
import { Sparkline } from "./sparkline";

const ARROW = { improving: "↗", worsening: "↘", flat: "→" } as const;

/** The KPI's open alert on its own row: severity, the value and period it judges, since when. */
function AlertOnRow({ kpi }: { kpi: OverviewKpi }) {
  const t = useTranslations("overview");
  const tp = useTranslations("kpis.periodOf");
  const format = useFormatter();
  const a = kpi.alert;
  if (!a) return null;
  return (
    <div className="mt-1" data-testid="kpi-alert" data-severity={a.severity}>
      <StatusBadge status={a.severity} prefix={t("alertPrefix")} />
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

/** One department: its processes, each KPI with actual vs target, status, open alert and trend. */
export function OverviewTable({ department, compare, kind }: { department: OverviewDepartment; compare: boolean; kind: WindowKind }) {
  const t = useTranslations("overview");
  const format = useFormatter();
  const c = department.counts;
  const windowName = t(`windowStatus.${kind}`);
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
          <section key={p.id} aria-label={p.name}>
            <h3 className="mb-1 text-sm font-medium text-slate-700">{p.name}</h3>
            <Table>
              <thead>
                <tr>
                  <Th className="w-1/3">{t("columns.kpi")}</Th>
                  <Th className="text-right">{t("columns.value")}</Th>
                  <Th className="text-right">{t("columns.target")}</Th>
                  <Th>{t("columns.status")}</Th>
                  <Th>{t("columns.trend")}</Th>
                  {compare ? (
                    <>
                      <Th className="text-right">{t("columns.previous")}</Th>
                      <Th>{t("columns.change")}</Th>
                    </>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {p.kpis.map((k) => (
                  <tr key={k.id} data-testid="overview-kpi" data-kpi={k.name} data-overall={k.overall}>
                    <Td>
                      <Link href={`/kpis/${k.id}`} className="font-medium text-blue-800 underline-offset-2 hover:underline">
                        {k.name}
                      </Link>
                    </Td>
                    <Td className="text-right tabular-nums">{formatKpiValue(format, k.unit, k.current.value)}</Td>
                    <Td className="text-right tabular-nums text-slate-600">
                      {formatKpiValue(format, k.unit, k.current.target)}
                      {k.proRata ? (
                        <div className="text-xs" title={t("proRataTitle")}>
                          {t("proRataMark")}
                        </div>
                      ) : null}
                    </Td>
                    <Td>
                      <StatusBadge status={k.current.status} prefix={windowName} />
                      <AlertOnRow kpi={k} />
                    </Td>
                    <Td>
                      <span className="flex items-center gap-2">
                        <Sparkline points={k.sparkline} label={t("sparkline")} />
                        {k.trend ? (
                          <span className="text-sm text-slate-700" data-trend={k.trend}>
                            <span aria-hidden="true">{ARROW[k.trend]}</span> {t(`trends.${k.trend}`)}
                          </span>
                        ) : null}
                      </span>
                    </Td>
                    {compare ? (
                      <>
                        <Td className="text-right tabular-nums">
                          {formatKpiValue(format, k.unit, k.previous.value)}
                          <div>
                            <StatusBadge status={k.previous.status} />
                          </div>
                        </Td>
                        <Td className="tabular-nums">
                          {k.current.value !== null && k.previous.value !== null && k.previous.value !== 0
                            ? format.number((k.current.value - k.previous.value) / Math.abs(k.previous.value), {
                                style: "percent",
                                signDisplay: "exceptZero",
                                maximumFractionDigits: 0,
                              })
                            : "—"}
                        </Td>
                      </>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </Table>
          </section>
        ))}
      </div>
    </Card>
  );
}
