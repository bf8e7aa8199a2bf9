import "server-only";
import { createFormatter, createTranslator } from "next-intl";
import type { Executor } from "@/db/client";
import { listAlerts } from "@/db/queries/alerts";
import { flowFigures } from "@/db/queries/flow-figures";
import { listGuidelines } from "@/db/queries/guidelines";
import { latestStoredScores } from "@/db/queries/integration-score";
import { portfolio } from "@/db/queries/measures";
import { getOverview } from "@/db/queries/overview";
import { formatKpiValue } from "@/components/kpis/format";
import type { AppLocale } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import { FLOW_DAYS, flowWindow } from "@/lib/insights/period";
import { companyScore, stageOf } from "@/lib/integration/score";
import { addDays, type Day, type WindowKind } from "@/lib/kpis/periods";
import type { DepartmentScope } from "@/lib/kpis/scope";
import { type ReportDocument, renderPdf } from "./pdf";

export interface BoardReportOptions {
  kind: WindowKind;
  anchor: Day;
  today: Day;
  now: Date;
  scope: DepartmentScope;
  locale: AppLocale;
  /** Works-council mode: coverage of groups smaller than this is not shown. */
  minGroup: number;
}

/**
 * The executive overview for one period as a document: KPI status per process, open alerts, the
 * insight flow with SLA, guideline coverage, the integration score and the measures' spend and
 * verdicts — in the reader's scope, in German or English.
 */
export async function boardReport(db: Executor, o: BoardReportOptions): Promise<ReportDocument> {
  const department = o.scope.all ? undefined : (o.scope.departmentId ?? -1);
  const [overview, alerts, flow, guidelines, stored, folio] = await Promise.all([
    getOverview(db, { kind: o.kind, anchor: o.anchor, today: o.today, scope: o.scope }),
    listAlerts(db, { scope: o.scope, status: "unresolved", pageSize: 100 }),
    flowFigures(db, { ...flowWindow(o.now, FLOW_DAYS), now: o.now, departmentId: department }),
    listGuidelines(db, { publishedOnly: true, pageSize: 100, minGroup: o.minGroup }),
    latestStoredScores(db),
    portfolio(db, o.scope, o.today),
  ]);
  // The report's own language, whatever the reader's: translators over that locale's catalogue.
  const messages = MESSAGES[o.locale];
  const t = createTranslator({ locale: o.locale, messages, namespace: "overview.report" });
  const tk = createTranslator({ locale: o.locale, messages, namespace: "kpis" });
  const ta = createTranslator({ locale: o.locale, messages, namespace: "alerts" });
  const ti = createTranslator({ locale: o.locale, messages, namespace: "overview.integration" });
  const tg = createTranslator({ locale: o.locale, messages, namespace: "guidelines" });
  const tm = createTranslator({ locale: o.locale, messages, namespace: "measures" });
  const format = createFormatter({ locale: o.locale === "en" ? "en" : "de", timeZone: "Europe/Berlin" });
  const day = (d: Day) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const pct = (x: number | null) => (x === null ? "–" : format.number(x, { style: "percent", maximumFractionDigits: 0 }));
  const eur = (cents: number) => format.number(cents / 100, { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
  const hours = (h: number | null) => (h === null ? "–" : `${format.number(h, { maximumFractionDigits: 1 })} h`);

  const kpiRows = overview.departments.flatMap((d) =>
    d.processes.flatMap((p) =>
      p.kpis.map((k) => [
        `${d.name} / ${p.name}`,
        k.name,
        formatKpiValue(format, k.unit, k.current.value),
        formatKpiValue(format, k.unit, k.current.target),
        tk(`status.${k.overall}` as "status.on_target"),
      ]),
    ),
  );
  const c = overview.counts;
  const scope = o.scope;
  const shownScores = scope.all ? stored : stored.filter((s) => s.departmentId === scope.departmentId);
  const company = companyScore(shownScores.map((s) => s.total));

  return {
    title: t("title"),
    subtitle: [
      t("period", { window: `${day(overview.window.start)} – ${day(addDays(overview.window.end, -1))}` }),
      t("scope", { scope: o.scope.all ? t("allDepartments") : (overview.departments[0]?.name ?? "–") }),
      t("generated", { date: format.dateTime(o.now, { dateStyle: "long", timeStyle: "short" }) }),
    ],
    footer: t("footer", { title: t("title") }),
    sections: [
      {
        heading: t("kpis"),
        lines: [t("summary", { onTarget: c.onTarget, within: c.withinTolerance, atRisk: c.atRisk, off: c.offTarget, noData: c.noData })],
        table: {
          columns: [
            { label: t("kpiColumns.process"), width: 3 },
            { label: t("kpiColumns.kpi"), width: 4 },
            { label: t("kpiColumns.value"), width: 1.6, align: "right" },
            { label: t("kpiColumns.target"), width: 1.6, align: "right" },
            { label: t("kpiColumns.status"), width: 2.2 },
          ],
          rows: kpiRows,
        },
        empty: "–",
      },
      {
        heading: t("alerts"),
        table: {
          columns: [
            { label: t("alertColumns.kpi"), width: 4 },
            { label: t("alertColumns.department"), width: 3 },
            { label: t("alertColumns.severity"), width: 1.5 },
            { label: t("alertColumns.since"), width: 1.8 },
          ],
          rows: alerts.rows.map((a) => [a.kpiName ?? "–", a.departmentName ?? "–", ta(`severities.${a.severity}`), a.since ? day(a.since) : "–"]),
        },
        empty: t("noAlerts"),
      },
      {
        heading: t("flow"),
        table: {
          columns: [
            { label: t("flowColumns.department"), width: 3 },
            { label: t("flowColumns.received"), width: 1.4, align: "right" },
            { label: t("flowColumns.open"), width: 1.2, align: "right" },
            { label: t("flowColumns.overdue"), width: 1.4, align: "right" },
            { label: t("flowColumns.sla"), width: 1.6, align: "right" },
            { label: t("flowColumns.median"), width: 1.8, align: "right" },
          ],
          rows: flow.map((f) => [f.departmentName, String(f.received), String(f.open), String(f.overdue), pct(f.slaCompliance), hours(f.medianHoursToAccept)]),
        },
        empty: "–",
      },
      {
        heading: t("coverage"),
        table: {
          columns: [
            { label: t("coverageColumns.guideline"), width: 6 },
            { label: t("coverageColumns.coverage"), width: 3, align: "right" },
          ],
          rows: guidelines.rows
            .filter((g) => g.publishedVersion !== null)
            .map((g) => [
              g.title,
              g.coverage?.suppressed
                ? tg("coverage.fewerThan", { n: o.minGroup })
                : g.coverage
                  ? tg("coverage.cell", { acknowledged: g.coverage.acknowledged, total: g.coverage.total, share: pct(g.coverage.share) })
                  : "–",
            ]),
        },
        empty: "–",
      },
      {
        heading: t("integration"),
        lines: company === null ? [] : [t("integrationLine", { score: company, stage: ti(`stages.${stageOf(company)}`) })],
        table: {
          columns: [
            { label: t("integrationColumns.department"), width: 4 },
            { label: t("integrationColumns.score"), width: 1.5, align: "right" },
            { label: t("integrationColumns.stage"), width: 2 },
          ],
          rows: shownScores.map((s) => [s.departmentName, String(s.total), ti(`stages.${stageOf(s.total)}`)]),
        },
        empty: "–",
      },
      {
        heading: t("measures"),
        table: {
          columns: [
            { label: t("measureColumns.department"), width: 3 },
            { label: t("measureColumns.count"), width: 1.3, align: "right" },
            { label: t("measureColumns.planned"), width: 1.6, align: "right" },
            { label: t("measureColumns.actual"), width: 1.6, align: "right" },
            { label: t("measureColumns.verdicts"), width: 4 },
          ],
          rows: folio.map((r) => [
            r.departmentName,
            String(r.measures),
            eur(r.plannedCents),
            eur(r.actualCents),
            tm("portfolio.verdictCounts", { holds: r.verdicts.holds, notHold: r.verdicts.does_not_hold, open: r.verdicts.open }),
          ]),
        },
        empty: t("noMeasures"),
      },
    ],
  };
}

/** The board report as PDF bytes. */
export async function boardReportPdf(db: Executor, o: BoardReportOptions): Promise<Buffer> {
  const doc = await boardReport(db, o);
  return renderPdf(doc, { author: doc.title });
}
