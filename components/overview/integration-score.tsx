import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card } from "@/components/ui/card";
import { companyScore, stageOf } from "@/lib/integration/score";

const STAGE_TONE = { entry: "red", trial: "amber", established: "yellow", connected: "blue", integrated: "green" } as const;

/** The overview's card: the company's (or the reader's department's) score, its stage and its trend by month. */
export async function IntegrationScoreCard({
  scores,
  trend,
  all,
}: {
  scores: { departmentName: string; total: number }[];
  trend: { month: string; company: number }[];
  all: boolean;
}) {
  const t = await getTranslations("overview.integration");
  const format = await getFormatter();
  const score = all ? companyScore(scores.map((s) => s.total)) : (scores[0]?.total ?? null);
  if (score === null) return null;
  const stage = stageOf(score);
  const month = (m: string) => format.dateTime(new Date(`${m}T12:00:00Z`), { month: "short", year: "2-digit", timeZone: "UTC" });
  return (
    <Card aria-labelledby="integration-title" data-testid="integration-score">
      <h2 id="integration-title" className="font-medium">
        {t("title")}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{t("lead")}</p>
      <p className="flex flex-wrap items-baseline gap-3">
        <span className="text-3xl font-semibold tabular-nums">{t("score", { score })}</span>
        <Badge tone={STAGE_TONE[stage]}>{t("stageOf", { stage: t(`stages.${stage}`) })}</Badge>
        <span className="text-sm text-slate-600">{all ? t("company") : scores[0]?.departmentName}</span>
      </p>
      {all && trend.length > 1 ? (
        <ol className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700" aria-label={t("trendCaption")}>
          {trend.map((p) => (
            <li key={p.month}>
              {month(p.month)}: <span className="tabular-nums font-medium">{p.company}</span>
            </li>
          ))}
        </ol>
      ) : null}
      <p className="mt-3 text-sm">
        <Link href="/overview/integration" className="font-medium text-blue-800 underline">
          {t("link")}
        </Link>
      </p>
    </Card>
  );
}

export { STAGE_TONE };
