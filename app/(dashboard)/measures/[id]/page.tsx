import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { deleteCostItemAction } from "@/app/(dashboard)/measures/actions";
import { BackLink } from "@/components/crisis/back-link";
import { KpiChart } from "@/components/kpis/kpi-chart-lazy";
import { formatKpiValue } from "@/components/kpis/format";
import { CostItemForm } from "@/components/measures/cost-item-form";
import { STATUS_TONE, VERDICT_TONE } from "@/components/measures/status-tone";
import { ActionButtonForm } from "@/components/ui/action-button-form";
import { LinkButton } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { getMeasure, measureFigures } from "@/db/queries/measures";
import { kpiSeries } from "@/db/queries/measurements";
import { getCurrentUser, requirePagePermission } from "@/lib/auth/session";
import { namedPageTitle, pageTitle } from "@/lib/i18n/page-title";
import { periodStart, todayIn } from "@/lib/kpis/periods";
import { inScope } from "@/lib/kpis/scope";
import { measureReadScope, measureWriteScope } from "@/lib/measures/access";
import { itemCents } from "@/lib/measures/economics";
import { can } from "@/lib/permissions";

type Params = Promise<{ id: string }>;
type SP = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const user = await getCurrentUser();
  const m = user && can(user.role, "measures:read") && /^\d{1,9}$/.test(id) ? await getMeasure(await getDb(), Number(id)) : null;
  return m && inScope(measureReadScope(user!), m.departmentId) ? namedPageTitle(m.title, "measures.title") : pageTitle("measures.title");
}

/** One measure: what it cost against plan, what it brought, its verdict and why, its costs and KPIs. */
export default async function MeasurePage({ params, searchParams }: { params: Params; searchParams: SP }) {
  const user = await requirePagePermission("measures:read");
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const db = await getDb();
  const m = await getMeasure(db, Number(id));
  if (!m) notFound();
  if (!inScope(measureReadScope(user), m.departmentId)) forbidden();
  const writeScope = measureWriteScope(user);
  const canWrite = writeScope !== null && inScope(writeScope, m.departmentId);
  const sp = await searchParams;
  const today = todayIn();
  const f = await measureFigures(db, m, today);
  const until = m.endsOn && m.endsOn < today ? m.endsOn : today;
  const chartKpis = [...f.goals.map((g) => g.kpi), ...(f.resultKpi && !f.goals.some((g) => g.kpi.id === f.resultKpi!.id) ? [f.resultKpi] : [])];
  const [series, t, tk, format] = await Promise.all([
    Promise.all(chartKpis.map((k) => kpiSeries(db, k, { until, today, periods: 12 }))),
    getTranslations("measures"),
    getTranslations("kpis"),
    getFormatter(),
  ]);
  const eur = (cents: number | null) => (cents === null ? t("figures.notYet") : format.number(cents / 100, { style: "currency", currency: "EUR" }));
  const pct = (x: number | null) => (x === null ? t("figures.notYet") : format.number(x, { style: "percent", maximumFractionDigits: 0 }));
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const periodLabel = (start: string, period: "week" | "month" | "quarter") => {
    const d = new Date(`${start}T12:00:00Z`);
    if (period === "month") return format.dateTime(d, { month: "short", year: "2-digit", timeZone: "UTC" });
    if (period === "quarter") return `Q${Math.floor(d.getUTCMonth() / 3) + 1}/${String(d.getUTCFullYear()).slice(2)}`;
    return format.dateTime(d, { day: "2-digit", month: "2-digit", timeZone: "UTC" });
  };
  const roiText = f.roi === null ? "" : format.number(f.roi, { style: "percent", maximumFractionDigits: 0 });
  return (
    <>
      <BackLink href="/measures" label={t("title")} />
      <PageHeader
        title={m.title}
        lead={`${m.departmentName}: ${m.processName}`}
        actions={
          canWrite ? (
            <LinkButton href={`/measures/${m.id}/edit`} variant="secondary">
              {t("edit")}
            </LinkButton>
          ) : undefined
        }
      />
      {sp.created || sp.saved ? (
        <Notice tone="success" className="mb-4">
          {sp.created ? t("created") : t("saved")}
        </Notice>
      ) : null}
      <dl className="mb-6 grid max-w-3xl grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-800">{t("fields.status")}</dt>
        <dd>
          <Badge tone={STATUS_TONE[m.status]}>{t(`statuses.${m.status}`)}</Badge>
        </dd>
        <dt className="font-medium text-slate-800">{t("fields.period")}</dt>
        <dd>
          {day(m.startsOn)} – {m.endsOn ? day(m.endsOn) : "…"}
        </dd>
        <dt className="font-medium text-slate-800">{t("fields.goal")}</dt>
        <dd className="whitespace-pre-line break-words">{m.goal}</dd>
        {m.channels.length ? (
          <>
            <dt className="font-medium text-slate-800">{t("fields.channels")}</dt>
            <dd>{m.channels.map((c) => c.name).join(", ")}</dd>
          </>
        ) : null}
        {m.benefitNote ? (
          <>
            <dt className="font-medium text-slate-800">{t("fields.benefitNote")}</dt>
            <dd className="break-words">{m.benefitNote}</dd>
          </>
        ) : null}
      </dl>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="figures-title" className="min-w-0">
          <h2 id="figures-title" className="mb-3 text-lg font-medium">
            {t("figures.title")}
          </h2>
          <p className="mb-3 flex flex-wrap items-center gap-2" data-testid="measure-verdict">
            <span className="text-sm font-medium">{t("figures.verdict")}:</span>
            <Badge tone={VERDICT_TONE[f.verdict]}>{t(`verdicts.${f.verdict}`)}</Badge>
            <span className="text-sm text-slate-700">{t(`reasons.${f.reason}`, { roi: roiText })}</span>
          </p>
          <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="font-medium text-slate-800">{t("figures.costs")}</dt>
            <dd className="tabular-nums">
              {f.costs.plannedCents > 0
                ? t("figures.costsOfPlan", { actual: eur(f.costs.actualCents), planned: eur(f.costs.plannedCents), share: pct(f.costs.consumed) })
                : t("figures.costsNoPlan", { actual: eur(f.costs.actualCents) })}
            </dd>
            {f.resultKpi ? (
              <>
                <dt className="font-medium text-slate-800">{t("figures.results")}</dt>
                <dd className="tabular-nums">
                  {f.results === null ? t("figures.noResults") : t("figures.resultsValue", { n: format.number(f.results), kpi: f.resultKpi.name })}
                </dd>
                <dt className="font-medium text-slate-800">{t("figures.costPerResult")}</dt>
                <dd className="tabular-nums" data-testid="cost-per-result">
                  {eur(f.costPerResult === null ? null : Math.round(f.costPerResult))}
                </dd>
              </>
            ) : null}
            {m.benefitKind === "money" ? (
              <>
                <dt className="font-medium text-slate-800">{t("figures.expected")}</dt>
                <dd className="tabular-nums">{eur(m.expectedBenefitCents)}</dd>
                <dt className="font-medium text-slate-800">{t("figures.realised")}</dt>
                <dd className="tabular-nums">{eur(m.realisedBenefitCents)}</dd>
                <dt className="font-medium text-slate-800">{t("figures.roi")}</dt>
                <dd className="tabular-nums">{f.roi === null ? t("figures.notYet") : roiText}</dd>
              </>
            ) : null}
          </dl>
        </Card>

        <Card aria-labelledby="costs-title" className="min-w-0">
          <h2 id="costs-title" className="mb-3 text-lg font-medium">
            {t("costs.title")}
          </h2>
          {m.costItems.length ? (
            <Table scrollLabel={t("costs.caption")}>
              <caption className="sr-only">{t("costs.caption")}</caption>
              <thead>
                <tr>
                  <Th>{t("costs.description")}</Th>
                  <Th>{t("costs.category")}</Th>
                  <Th className="text-right">{t("costs.amount")}</Th>
                  {canWrite ? <Th>{t("costs.remove")}</Th> : null}
                </tr>
              </thead>
              <tbody>
                {m.costItems.map((c) => (
                  <tr key={c.id}>
                    <Td className="min-w-32 break-words">
                      {c.description}
                      <div className="text-xs text-slate-600">
                        {c.actual ? t("fields.actual") : t("fields.planned")}
                        {c.incurredOn ? ` · ${day(c.incurredOn)}` : ""}
                      </div>
                    </Td>
                    <Td>
                      {t(`categories.${c.category}`)}
                      {c.category === "staff" && c.hundredthHours !== null && c.hourlyRateCents !== null ? (
                        <div className="text-xs text-slate-600">
                          {t("costs.staffDetail", { hours: format.number(c.hundredthHours / 100), rate: eur(c.hourlyRateCents) })}
                        </div>
                      ) : null}
                    </Td>
                    <Td className="text-right tabular-nums whitespace-nowrap">
                      {eur(itemCents({ category: c.category, actual: c.actual, hours: c.hundredthHours === null ? null : c.hundredthHours / 100, hourlyRateCents: c.hourlyRateCents, amountCents: c.amountCents }))}
                    </Td>
                    {canWrite ? (
                      <Td>
                        <ActionButtonForm
                          action={deleteCostItemAction}
                          fields={{ measureId: m.id, itemId: c.id }}
                          label={t("costs.remove")}
                          ariaLabel={t("costs.removeLabel", { description: c.description })}
                          confirm={t("costs.removeConfirm")}
                        />
                      </Td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <p className="text-sm text-slate-600">{t("costs.empty")}</p>
          )}
          {canWrite ? (
            <div className="mt-4 border-t border-slate-200 pt-4">
              <h3 className="mb-2 font-medium">{t("costs.add")}</h3>
              <CostItemForm measureId={m.id} />
            </div>
          ) : null}
        </Card>
      </div>

      {chartKpis.length ? (
        <Card aria-labelledby="goals-title" className="mt-6 min-w-0">
          <h2 id="goals-title" className="mb-1 text-lg font-medium">
            {t("goals.title")}
          </h2>
          <p className="mb-3 text-sm text-slate-600">{t("goals.chartHint")}</p>
          {f.goals.length ? (
            <Table scrollLabel={t("goals.caption")}>
              <caption className="sr-only">{t("goals.caption")}</caption>
              <thead>
                <tr>
                  <Th>{t("goals.kpi")}</Th>
                  <Th className="text-right">{t("fields.baseline")}</Th>
                  <Th className="text-right">{t("fields.target")}</Th>
                  <Th className="text-right">{t("goals.current")}</Th>
                  <Th className="text-right">{t("goals.progress")}</Th>
                </tr>
              </thead>
              <tbody>
                {f.goals.map((g) => (
                  <tr key={g.kpi.id}>
                    <Td>{g.kpi.name}</Td>
                    <Td className="text-right tabular-nums">{formatKpiValue(format, g.kpi.unit, g.baseline)}</Td>
                    <Td className="text-right tabular-nums">{formatKpiValue(format, g.kpi.unit, g.target)}</Td>
                    <Td className="text-right tabular-nums">{formatKpiValue(format, g.kpi.unit, g.current)}</Td>
                    <Td className="text-right tabular-nums">{pct(g.progress)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : null}
          <div className="mt-4 grid gap-6 lg:grid-cols-2">
            {chartKpis.map((k, i) => (
              <section key={k.id} aria-label={k.name} className="min-w-0">
                <h3 className="mb-2 text-sm font-medium">{k.name}</h3>
                <KpiChart
                  kpi={k}
                  label={`${tk("detail.chartLabel")}: ${k.name}`}
                  points={series[i].map((p) => ({ label: periodLabel(p.start, k.period), value: p.count > 0 ? p.value : null, target: k.target }))}
                  marker={{ at: periodLabel(periodStart(m.startsOn, k.period), k.period), text: t("fields.startsOn") }}
                />
              </section>
            ))}
          </div>
        </Card>
      ) : null}
    </>
  );
}
