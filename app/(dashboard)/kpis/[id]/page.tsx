import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AlertList } from "@/components/alerts/alert-list";
import { ChartWindowNav } from "@/components/kpis/chart-window-nav";
import { formatDay, formatKpiValue, formatPeriod, formatWindow } from "@/components/kpis/format";
import { KpiBreadcrumbs } from "@/components/kpis/kpi-breadcrumbs";
import { KpiChart } from "@/components/kpis/kpi-chart-lazy";
import { MeasurementForm } from "@/components/kpis/measurement-form";
import { StatusBadge } from "@/components/kpis/status-badge";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { LinkButton } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { CursorPagination, InvalidCursorNotice } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listAlerts } from "@/db/queries/alerts";
import { channelNames, departmentNames, getKpi, type KpiDto } from "@/db/queries/kpis";
import { kpiSeries, listMeasurements } from "@/db/queries/measurements";
import { getCurrentUser, requirePagePermission } from "@/lib/auth/session";
import { pageTitle, namedPageTitle } from "@/lib/i18n/page-title";
import { chartSpan, kpiViewQuery, parseKpiView } from "@/lib/kpis/chart-window";
import { addDays, todayIn } from "@/lib/kpis/periods";
import { alertScope, inScope, measurementScope } from "@/lib/kpis/scope";
import { can } from "@/lib/permissions";
import { cursorParams } from "@/lib/pagination/cursor";

/** A derived KPI's definition in words: "SLA-Einhaltung (%); Kategorie: Beschwerde". */
async function describeDerived(d: NonNullable<KpiDto["derived"]>): Promise<string> {
  const [t, ti, db] = await Promise.all([getTranslations("kpis.derived"), getTranslations("insights"), getDb()]);
  const names = async (table: "channels" | "departments", ids: number[]) =>
    ids.length ? (await (table === "channels" ? channelNames(db, ids) : departmentNames(db, ids))).join(", ") : "";
  const parts = [
    d.categories.length ? `${t("categories")}: ${d.categories.map((c) => ti(`category.${c}`)).join(", ")}` : "",
    d.sentiments.length ? `${t("sentiments")}: ${d.sentiments.map((s) => ti(`sentiment.${s}` as "sentiment.negative")).join(", ")}` : "",
    d.channelIds.length ? `${t("channels")}: ${await names("channels", d.channelIds)}` : "",
    d.departmentIds.length ? `${t("departments")}: ${await names("departments", d.departmentIds)}` : "",
  ].filter(Boolean);
  return t("definition", { metric: t(`metrics.${d.metric}`), filters: parts.length ? parts.join("; ") : t("allInsights") });
}

type SP = Promise<Record<string, string | string[] | undefined>>;

/** A table that may be wider than a phone scrolls in a named region keyboard users can reach (the table's own scroller is unset). */
const WIDE = { frameless: true, landmark: true, hint: { moreKey: "kpis.detail.moreColumns", backKey: "kpis.detail.backToStart" } } as const;

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const user = await getCurrentUser();
  // The KPI's name only for those who may read it; the page itself answers 403 or 404.
  const kpi = user && can(user.role, "kpis:read") && /^\d{1,9}$/.test(id) ? await getKpi(await getDb(), Number(id)) : null;
  return kpi ? namedPageTitle(kpi.name, "kpis.detail.kind") : pageTitle("kpis.title");
}

export default async function KpiDetailPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SP }) {
  const user = await requirePagePermission("kpis:read");
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const db = await getDb();
  const kpi = await getKpi(db, Number(id));
  if (!kpi) notFound();
  const today = todayIn();
  const sp = await searchParams;
  // The window the reader came with (e.g. the overview's quarter); anything unknown falls back.
  const view = parseKpiView(sp, today);
  // A broken page link shows the newest measurements.
  const cursor = cursorParams(sp);
  const span = chartSpan(view, kpi.period, today);
  const [series, measurements, alertHistory] = await Promise.all([
    kpiSeries(db, kpi, { until: span.until, today, periods: span.periods }),
    listMeasurements(db, kpi.id, { after: cursor.after, before: cursor.before }),
    can(user.role, "alerts:read") && inScope(alertScope(user), kpi.departmentId)
      ? listAlerts(db, { scope: alertScope(user), kpiId: kpi.id, pageSize: 10 })
      : null,
  ]);
  const t = await getTranslations("kpis");
  const format = await getFormatter();
  const fmt = (v: number | null) => formatKpiValue(format, kpi.unit, v);
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "medium" });
  const label = (start: string, end: string) => {
    const d = new Date(`${start}T12:00:00Z`);
    if (kpi.period === "month") return format.dateTime(d, { month: "short", year: "2-digit" });
    if (kpi.period === "quarter") return `Q${Math.floor(d.getUTCMonth() / 3) + 1}/${String(d.getUTCFullYear()).slice(2)}`;
    return `${format.dateTime(d, { day: "2-digit", month: "2-digit" })}–${format.dateTime(new Date(`${addDays(end, -1)}T12:00:00Z`), { day: "2-digit", month: "2-digit" })}`;
  };
  const canWrite = can(user.role, "measurements:write") && inScope(measurementScope(user), kpi.departmentId);
  const tp = await getTranslations("kpis.periodOf");
  // The one unresolved alert is the newest in the history, if any.
  const openAlert = alertHistory?.rows.find((a) => a.status !== "resolved") ?? null;
  return (
    <>
      <KpiBreadcrumbs view={view} name={kpi.name} />
      <PageHeader
        title={kpi.name}
        lead={kpi.description ?? undefined}
        actions={
          <>
            {can(user.role, "kpis:write") ? (
              <LinkButton href={`/kpis/${kpi.id}/edit`} variant="secondary">
                {t("edit")}
              </LinkButton>
            ) : null}
          </>
        }
      />
      {kpi.derived ? (
        <p className="mb-4 flex flex-wrap items-center gap-2 text-sm text-slate-700" data-testid="kpi-derived">
          <Badge tone="blue">{t("derived.badge")}</Badge>
          {await describeDerived(kpi.derived)}
        </p>
      ) : null}
      {openAlert ? (
        <Card className={`mb-6 border-l-4 p-4 ${openAlert.severity === "critical" ? "border-l-red-700" : "border-l-amber-500"}`} aria-labelledby="open-alert" data-testid="kpi-open-alert" data-severity={openAlert.severity}>
          <h2 id="open-alert" className="font-medium">
            {t("detail.openAlert")} <StatusBadge status={openAlert.severity} />
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            {t("detail.openAlertDetail", {
              value: fmt(openAlert.value),
              period: openAlert.periodStart ? formatPeriod(format, tp, openAlert.periodStart, kpi.period) : "—",
              since: openAlert.since ? formatDay(format, openAlert.since) : "—",
            })}
          </p>
        </Card>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="min-w-0 space-y-6">
          <Card>
            <h2 className="mb-3 font-medium" data-testid="kpi-chart-title">
              {view.window === "recent"
                ? t("detail.chart", { period: t(`periods.${kpi.period}`) })
                : t("detail.chartIn", { period: t(`periods.${kpi.period}`), window: formatWindow(format, view.window, view.date) })}
            </h2>
            <ChartWindowNav kpiId={kpi.id} kpiPeriod={kpi.period} view={view} today={today} />
            <KpiChart kpi={kpi} points={series.map((s) => ({ label: label(s.start, s.end), value: s.value, target: s.target }))} />
            {kpi.aggregation === "sum" ? <p className="mt-2 text-xs text-slate-600">{t("detail.proRata")}</p> : null}
          </Card>
          <section aria-labelledby="periods">
            <h2 id="periods" className="mb-2 font-medium">
              {t("detail.periods")}
            </h2>
            <ScrollRegion label={t("detail.periodsRegion")} {...WIDE}>
              <Table>
                <thead>
                  <tr>
                    <Th>{t("detail.period")}</Th>
                    <Th className="text-right">{t("detail.value")}</Th>
                    <Th className="text-right">{t("detail.target")}</Th>
                    <Th>{t("detail.status")}</Th>
                    <Th className="text-right">{t("detail.count")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {[...series].reverse().map((s) => (
                    <tr key={s.start}>
                      <Td>
                        {day(s.start)} – {day(addDays(s.end, -1))}
                      </Td>
                      <Td className="text-right tabular-nums">{fmt(s.value)}</Td>
                      <Td className="text-right tabular-nums text-slate-600">{fmt(s.target)}</Td>
                      <Td>
                        <StatusBadge status={s.status} />
                      </Td>
                      <Td className="text-right tabular-nums">{s.count}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </ScrollRegion>
          </section>
          {alertHistory ? (
            <section aria-labelledby="alert-history">
              <h2 id="alert-history" className="mb-2 font-medium">
                {t("detail.alerts")}
              </h2>
              <ScrollRegion label={t("detail.alertsRegion")} {...WIDE}>
                <AlertList rows={alertHistory.rows} showKpi={false} canAcknowledge={() => can(user.role, "alerts:acknowledge")} />
              </ScrollRegion>
            </section>
          ) : null}
        </div>
        <div className="min-w-0 space-y-6">
          <Card>
            <h2 className="mb-2 font-medium">{t("detail.info")}</h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-600">{t("detail.process")}</dt>
              <dd>
                {kpi.departmentName} · {kpi.processName}
              </dd>
              <dt className="text-slate-600">{t("fields.direction")}</dt>
              <dd>{t(`directions.${kpi.direction}`)}</dd>
              <dt className="text-slate-600">{t("fields.period")}</dt>
              <dd>
                {t(`periods.${kpi.period}`)} · {t(`aggregations.${kpi.aggregation}`)}
              </dd>
              <dt className="text-slate-600">{t("fields.target")}</dt>
              <dd className="tabular-nums">{fmt(kpi.target)}</dd>
              <dt className="text-slate-600">{t("fields.warningThreshold")}</dt>
              <dd className="tabular-nums">{fmt(kpi.warningThreshold)}</dd>
              <dt className="text-slate-600">{t("fields.criticalThreshold")}</dt>
              <dd className="tabular-nums">{fmt(kpi.criticalThreshold)}</dd>
              {kpi.channelName ? (
                <>
                  <dt className="text-slate-600">{t("detail.channel")}</dt>
                  <dd>{kpi.channelName}</dd>
                </>
              ) : null}
            </dl>
          </Card>
          {canWrite && !kpi.derived ? <MeasurementForm kpiId={kpi.id} today={today} /> : null}
          <section aria-labelledby="measurements">
            <h2 id="measurements" className="mb-2 font-medium">
              {t("detail.measurements")}
            </h2>
            {cursor.invalid ? <InvalidCursorNotice /> : null}
            {measurements.rows.length === 0 ? (
              <p className="text-sm text-slate-600">{t("detail.noMeasurements")}</p>
            ) : (
              <ScrollRegion label={t("detail.measurementsRegion")} {...WIDE}>
                <Table>
                  <thead>
                    <tr>
                      <Th>{t("detail.date")}</Th>
                      <Th className="text-right">{t("detail.value")}</Th>
                      <Th>{t("detail.source")}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {measurements.rows.map((m) => (
                      <tr key={m.id}>
                        <Td>{day(m.measuredOn)}</Td>
                        <Td className="text-right tabular-nums">{fmt(m.value)}</Td>
                        <Td>
                          {t(`sources.${m.source}`)}
                          {m.recordedByName ? <div className="text-xs text-slate-600">{m.recordedByName}</div> : null}
                        </Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </ScrollRegion>
            )}
            {measurements.newer || measurements.older ? (
              <CursorPagination
                count={measurements.count}
                newer={measurements.newer}
                older={measurements.older}
                basePath={`/kpis/${kpi.id}`}
                params={Object.fromEntries(new URLSearchParams(kpiViewQuery(view)))}
              />
            ) : null}
          </section>
        </div>
      </div>
    </>
  );
}
