import { forbidden, notFound } from "next/navigation";
import { cache } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ACTIONS_HEADING_ID } from "@/components/insights/focus";
import { InsightActions } from "@/components/insights/insight-actions";
import { InsightTimeline } from "@/components/insights/insight-timeline";
import { AuthorLabel, SentimentBadge, StatusBadge } from "@/components/insights/labels";
import { Badge, Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { listDepartments } from "@/db/queries/departments";
import { getInsight, type InsightDetail } from "@/db/queries/insights";
import { requirePagePermission } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { insightHeadline, meaningfulSource } from "@/lib/insights/presentation";
import { isTriageExit } from "@/lib/insights/triage";
import { namedPageTitle } from "@/lib/i18n/page-title";
import { can } from "@/lib/permissions";

async function load(db: Awaited<ReturnType<typeof getDb>>, user: Parameters<typeof getInsight>[1], id: number): Promise<InsightDetail> {
  try {
    return await getInsight(db, user, id);
  } catch (err) {
    if (err instanceof AppError && err.code === "forbidden") forbidden();
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}

// One load per request for the title and the page.
const loadById = cache(async (raw: string) => {
  const user = await requirePagePermission("insights:read");
  if (!/^\d{1,15}$/.test(raw)) notFound();
  const db = await getDb();
  return { user, db, insight: await load(db, user, Number(raw)) };
});

const loadFor = async (params: Promise<{ id: string }>) => loadById((await params).id);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { insight } = await loadFor(params);
  return namedPageTitle(insight.text === "" ? "—" : insightHeadline(insight.text, 60), "insights.titles.insightKind");
}

export default async function InsightPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, db, insight } = await loadFor(params);
  const departments = await listDepartments(db);
  const t = await getTranslations("insights");
  const format = await getFormatter();
  const when = (d: Date | string | null) => (d ? format.dateTime(new Date(d), { dateStyle: "medium", timeStyle: "short" }) : "—");
  const canAct = can(user.role, "insights:act") && user.departmentId === insight.departmentId;
  const central = can(user.role, "insights:triage");
  const channel = insight.channelName ?? (insight.platform ? t(`platform.${insight.platform}`) : null);
  const source = meaningfulSource(insight.source);

  const meta: [string, React.ReactNode][] = [
    [t("fields.status"), <StatusBadge key="s" status={insight.status} />],
    [t("fields.category"), t(`category.${insight.category}`)],
    [
      t("fields.sentiment"),
      <span key="se" className="flex items-center gap-2">
        <SentimentBadge sentiment={insight.sentiment} />
        {insight.sentimentDerived ? <span className="text-xs text-slate-500">{t("derived")}</span> : null}
      </span>,
    ],
    [
      t("fields.language"),
      `${insight.language ? t(`language.${insight.language === "en" ? "en" : "de"}`) : t("language.unknown")}${insight.languageDerived ? ` (${t("derived")})` : ""}`,
    ],
    [t("fields.occurredAt"), when(insight.occurredAt)],
    [t("fields.channel"), channel ?? "—"],
    [t("fields.author"), <AuthorLabel key="a" author={insight.author} />],
    [t("fields.department"), insight.departmentName ?? "—"],
    [
      t("fields.slaDue"),
      <span key="sla" className={insight.overdue ? "font-semibold text-red-800" : undefined}>
        {when(insight.slaDueAt)} {insight.overdue ? <Badge tone="red">{t("inbox.overdue")}</Badge> : null}
      </span>,
    ],
    [t("fields.rule"), insight.ruleName ?? "—"],
  ];
  // A connector or feed name tells users where an insight came from; "seed" or "form" does not.
  if (source) meta.push([t("fields.source"), source]);

  return (
    <div className="space-y-6">
      <Link href="/insights" className="text-sm text-blue-800 hover:underline">
        ← {t("detail.back")}
      </Link>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          <Card aria-labelledby="insight-title">
            <h2 id="insight-title" className="text-lg font-semibold [overflow-wrap:anywhere]">
              {insight.text === "" ? t("anonymised") : insightHeadline(insight.text)}
            </h2>
            <p className="text-sm text-slate-600">
              {t("detail.subtitle", { channel: channel ?? t("platform.other"), date: when(insight.occurredAt) })}
            </p>
            <blockquote className="mt-3 whitespace-pre-line border-l-4 border-slate-200 pl-4 text-slate-900">
              {insight.text === "" ? <span className="italic text-slate-600">{t("anonymisedLong")}</span> : insight.text}
            </blockquote>
            {insight.url ? (
              <a href={insight.url} target="_blank" rel="noopener noreferrer nofollow" className="mt-3 inline-block text-sm text-blue-800 hover:underline">
                {t("detail.openLink")}
              </a>
            ) : null}
            <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
              {meta.map(([k, v]) => (
                <div key={k} className="flex gap-2">
                  <dt className="min-w-32 text-slate-600">{k}</dt>
                  <dd className="min-w-0 text-slate-900 [overflow-wrap:anywhere]">{v}</dd>
                </div>
              ))}
            </dl>
            {source ? (
              <details className="mt-4 text-sm">
                <summary className="cursor-pointer text-slate-700">{t("detail.technical")}</summary>
                <dl className="mt-2 grid grid-cols-1 gap-y-1 sm:grid-cols-2">
                  <div className="flex gap-2">
                    <dt className="min-w-32 text-slate-600">{t("fields.externalId")}</dt>
                    <dd className="min-w-0 [overflow-wrap:anywhere]">
                      <code>{insight.externalId}</code>
                    </dd>
                  </div>
                </dl>
              </details>
            ) : null}
          </Card>
          {isTriageExit(insight.status) && insight.dismissedAt ? (
            <Card aria-labelledby="outcome-title" data-testid="outcome">
              <h2 id="outcome-title" className="font-medium">
                {t("detail.outcome")}
              </h2>
              <p className="mt-2 text-sm">
                <StatusBadge status={insight.status} /> {t("detail.dismissedAt", { date: when(insight.dismissedAt) })}
              </p>
            </Card>
          ) : null}
          {insight.status === "resolved" || insight.status === "declined" ? (
            <Card aria-labelledby="outcome-title" data-testid="outcome">
              <h2 id="outcome-title" className="font-medium">
                {t("detail.outcome")}
              </h2>
              <dl className="mt-2 space-y-2 text-sm">
                {insight.resolutionNote ? (
                  <div>
                    <dt className="text-slate-600">{t("fields.resolution")}</dt>
                    <dd className="whitespace-pre-line">{insight.resolutionNote}</dd>
                  </div>
                ) : null}
                {insight.externalReference ? (
                  <div>
                    <dt className="text-slate-600">{t("fields.externalReference")}</dt>
                    <dd>
                      <code>{insight.externalReference}</code>
                    </dd>
                  </div>
                ) : null}
                {insight.declineReason ? (
                  <div>
                    <dt className="text-slate-600">{t("fields.declineReason")}</dt>
                    <dd className="whitespace-pre-line">{insight.declineReason}</dd>
                  </div>
                ) : null}
                <div>
                  <dt className="text-slate-600">{t("fields.loop")}</dt>
                  <dd>{insight.loopClosedAt ? t("detail.loopClosedAt", { date: when(insight.loopClosedAt) }) : t("detail.loopOpen")}</dd>
                </div>
              </dl>
            </Card>
          ) : null}
          <Card aria-labelledby="timeline-title">
            <h2 id="timeline-title" className="mb-4 font-medium">
              {t("detail.timeline")}
            </h2>
            <InsightTimeline events={insight.events} />
          </Card>
        </div>
        <Card aria-labelledby={ACTIONS_HEADING_ID} className="self-start">
          <h2 id={ACTIONS_HEADING_ID} tabIndex={-1} className="mb-4 font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600">
            {t("detail.actions")}
          </h2>
          <InsightActions
            id={insight.id}
            status={insight.status}
            loopClosed={insight.loopClosed}
            canAct={canAct}
            central={central}
            departmentId={insight.departmentId}
            departments={departments.map((d) => ({ id: d.id, name: d.name }))}
          />
        </Card>
      </div>
    </div>
  );
}
