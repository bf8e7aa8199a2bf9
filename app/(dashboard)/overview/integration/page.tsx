import { getFormatter, getTranslations } from "next-intl/server";
import { BackLink } from "@/components/crisis/back-link";
import { STAGE_TONE } from "@/components/overview/integration-score";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { departmentScores, scoreTrend } from "@/db/queries/integration-score";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";
import { companyScore, CRITERIA, INSIGHTS_FULL, STAGE_FROM, STAGES, stageOf, WEIGHTS } from "@/lib/integration/score";
import { can } from "@/lib/permissions";

export const generateMetadata = () => pageTitle("overview.integration.title");

/**
 * Every criterion of the integration score with the department's own numbers, its points and the
 * step that would raise the total most; the company's score and its trend for those who see all.
 */
export default async function IntegrationPage() {
  const user = await requirePagePermission("overview:read");
  const all = can(user.role, "overview:read_all");
  const db = await getDb();
  const [scores, trend, t, format] = await Promise.all([departmentScores(db), all ? scoreTrend(db) : [], getTranslations("overview.integration"), getFormatter()]);
  const shown = all ? scores : scores.filter((s) => s.departmentId === user.departmentId);
  const pct = (x: number) => format.number(x, { style: "percent", maximumFractionDigits: 0 });
  const company = companyScore(scores.map((s) => s.total));
  const month = (m: string) => format.dateTime(new Date(`${m}T12:00:00Z`), { month: "long", year: "numeric", timeZone: "UTC" });
  const basis = (s: (typeof scores)[number], c: (typeof CRITERIA)[number]) => {
    const f = s.facts;
    switch (c) {
      case "channels":
        return t("basisText.channels", { owned: f.channelsOwned, contributed: f.channelsContributed });
      case "insights":
        return t("basisText.insights", { n: f.insightsReceived, full: INSIGHTS_FULL });
      case "sla":
        return f.slaCompliance === null ? t("basisText.slaNone") : t("basisText.sla", { share: pct(f.slaCompliance) });
      case "loop":
        return f.loopClosedShare === null ? t("basisText.loopNone") : t("basisText.loop", { share: pct(f.loopClosedShare) });
      case "kpis":
        return f.kpis === 0 ? t("basisText.kpisNone") : t("basisText.kpis", { on: f.kpisOnTarget, n: f.kpis });
      case "guidelines":
        return f.guidelineCoverage === null ? t("basisText.guidelinesNone") : t("basisText.guidelines", { share: pct(f.guidelineCoverage) });
      case "measures":
        return t("basisText.measures", { with: f.measuresWithCostBenefit, n: f.measures });
    }
  };
  return (
    <>
      <BackLink href="/overview" label={(await getTranslations("overview"))("title")} />
      <PageHeader title={t("title")} lead={t("lead")} />
      {all && company !== null ? (
        <Card className="mb-6" aria-labelledby="company-score">
          <h2 id="company-score" className="flex flex-wrap items-baseline gap-3 text-lg font-medium">
            {t("company")}: <span className="tabular-nums">{t("score", { score: company })}</span>
            <Badge tone={STAGE_TONE[stageOf(company)]}>{t("stageOf", { stage: t(`stages.${stageOf(company)}`) })}</Badge>
          </h2>
          <h3 className="mt-3 text-sm font-medium">{t("trend")}</h3>
          {trend.length ? (
            <Table scrollLabel={t("trendCaption")}>
              <caption className="sr-only">{t("trendCaption")}</caption>
              <thead>
                <tr>
                  <Th>{t("month")}</Th>
                  <Th className="text-right">{t("points")}</Th>
                </tr>
              </thead>
              <tbody>
                {trend.map((p) => (
                  <tr key={p.month}>
                    <Td>{month(p.month)}</Td>
                    <Td className="text-right tabular-nums">{p.company}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <p className="text-sm text-slate-600">{t("noTrend")}</p>
          )}
        </Card>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-2">
        {shown.map((s) => (
          <Card key={s.departmentId} aria-labelledby={`dept-${s.departmentId}`} className="min-w-0">
            <h2 id={`dept-${s.departmentId}`} className="flex flex-wrap items-baseline gap-3 text-lg font-medium">
              {s.departmentName}: <span className="tabular-nums">{t("score", { score: s.total })}</span>
              <Badge tone={STAGE_TONE[s.stage]}>{t(`stages.${s.stage}`)}</Badge>
            </h2>
            <Table scrollLabel={t("caption", { department: s.departmentName })}>
              <caption className="sr-only">{t("caption", { department: s.departmentName })}</caption>
              <thead>
                <tr>
                  <Th>{t("criterion")}</Th>
                  <Th className="text-right">{t("weight")}</Th>
                  <Th className="text-right">{t("points")}</Th>
                  <Th>{t("basis")}</Th>
                </tr>
              </thead>
              <tbody>
                {CRITERIA.map((c) => (
                  <tr key={c}>
                    <Td className="font-medium">{t(`criteria.${c}`)}</Td>
                    <Td className="text-right tabular-nums">{WEIGHTS[c]} %</Td>
                    <Td className="text-right tabular-nums">{s.criteria[c]}</Td>
                    <Td className="min-w-56">{basis(s, c)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <p className="mt-3 text-sm text-slate-800" data-testid="next-step">
              {s.next ? t("next", { gain: s.next.gain, step: t(`steps.${s.next.criterion}`) }) : t("complete")}
            </p>
          </Card>
        ))}
      </div>
      <section className="mt-6" aria-labelledby="stages-title">
        <h2 id="stages-title" className="mb-2 text-lg font-medium">
          {t("stagesTitle")}
        </h2>
        <ol className="flex flex-wrap gap-3 text-sm">
          {STAGES.map((st, i) => (
            <li key={st} className="flex items-center gap-2">
              <Badge tone={STAGE_TONE[st]}>{t(`stages.${st}`)}</Badge>
              <span className="text-slate-700">{t("stageRange", { from: STAGE_FROM[st], to: i + 1 < STAGES.length ? STAGE_FROM[STAGES[i + 1]] - 1 : 100 })}</span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
