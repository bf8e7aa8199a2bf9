import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { newVersionAction } from "../actions";
import { AcknowledgeSection, ChangesSinceAcknowledged } from "@/components/guidelines/acknowledge-section";
import { ActionButton } from "@/components/guidelines/action-button";
import { CoverageTable } from "@/components/guidelines/coverage-table";
import { DangerZone } from "@/components/guidelines/danger-zone";
import { GuidelineHeader } from "@/components/guidelines/guideline-header";
import { MarkdownBody } from "@/components/guidelines/markdown-body";
import { OpenVersionCard } from "@/components/guidelines/open-version-card";
import { VersionStatusBadge } from "@/components/guidelines/status-badge";
import { LinkButton } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { getDb } from "@/db";
import { getCoverage, getGuideline, myAcknowledgment } from "@/db/queries/guidelines";
import { minGroupOf } from "@/db/queries/works-council";
import { signoffFunctionsOf } from "@/db/queries/users";
import { requirePagePermission } from "@/lib/auth/session";
import { seesCoverage, seesWorkInProgress } from "@/lib/guidelines/access";
import { namedPageTitle } from "@/lib/i18n/page-title";
import { can } from "@/lib/permissions";

type Params = Promise<{ id: string }>;

/**
 * What the person may see of a guideline: the central unit everything; a holder of a sign-off
 * function also the version that awaits (or carries) their signature; everyone else what is published.
 */
const load = cache(async (id: string) => {
  const user = await requirePagePermission("guidelines:read");
  if (!/^\d{1,9}$/.test(id)) notFound();
  const db = await getDb();
  const work = seesWorkInProgress(user.role);
  const held = await signoffFunctionsOf(db, user.id);
  const g = await getGuideline(db, Number(id), { publishedOnly: !work, signer: work ? undefined : { id: user.id, signoffFunctions: held } });
  if (!g) notFound();
  return { user, db, work, held, g };
});

export async function generateMetadata({ params }: { params: Params }) {
  const { g } = await load((await params).id);
  return namedPageTitle(g.title, "guidelines.detailKind");
}

export default async function GuidelinePage({ params }: { params: Params }) {
  const { user, db, held, g } = await load((await params).id);
  const canWrite = can(user.role, "guidelines:write");
  const showNames = can(user.role, "guidelines:coverage_names");
  const minGroup = await minGroupOf(db, user.role);
  const [mine, coverage, t, format] = await Promise.all([
    can(user.role, "guidelines:acknowledge") ? myAcknowledgment(db, user, g.id) : null,
    g.published && seesCoverage(user.role) ? getCoverage(db, g.id, { withNames: showNames, minGroup }) : null,
    getTranslations("guidelines"),
    getFormatter(),
  ]);
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium" }) : "");
  const describeScope = (s: typeof g.scope) =>
    s.kind === "company" ? t("scope.company") : `${t(`scope.${s.kind}`)}: ${(s.kind === "departments" ? s.departments : s.channels).map((x) => x.name).join(", ")}`;
  const scopeText = describeScope(g.scope);
  const published = g.published;
  const pendingAck = published && mine?.applies && !mine.acknowledgedAt;
  // The changes since the version this person last confirmed, if it is one they can still read.
  const lastAcked = pendingAck && mine.lastAcknowledgedVersion ? g.versions.find((v) => v.version === mine.lastAcknowledgedVersion) : undefined;

  return (
    <>
      <GuidelineHeader
        title={g.title}
        lead={t("appliesTo", { scope: scopeText })}
        actions={
          <>
            {g.versions.length > 1 ? (
              <LinkButton href={`/guidelines/${g.id}/diff`} variant="secondary">
                {t("diff.compare")}
              </LinkButton>
            ) : null}
            {canWrite && g.open?.status === "draft" ? <LinkButton href={`/guidelines/${g.id}/edit`}>{t("editDraft")}</LinkButton> : null}
          </>
        }
      />

      {published && mine?.applies ? (
        mine.acknowledgedAt ? (
          <Notice tone="info" className="mb-6">
            {t("ack.done", { version: published.version, date: format.dateTime(mine.acknowledgedAt, { dateStyle: "medium", timeStyle: "short" }) })}
          </Notice>
        ) : (
          <p className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            {t("ack.pendingBody", { version: published.version })}
          </p>
        )
      ) : null}

      {/* The text gets a readable measure; the side column takes the rest instead of leaving it empty. */}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,52rem)_minmax(16rem,1fr)]">
        <div className="min-w-0 space-y-6">
          {g.open ? <OpenVersionCard guideline={g} open={g.open} user={user} held={held} scopeText={scopeText} describeScope={describeScope} /> : null}

          <Card aria-labelledby="current-text">
            <h2 id="current-text" className="mb-4 text-lg font-semibold">
              {published ? t("currentText", { version: published.version, date: date(published.publishedAt) }) : t("notPublishedYet")}
            </h2>
            {published ? (
              <div className="space-y-6">
                {lastAcked && lastAcked.version !== published.version ? (
                  <ChangesSinceAcknowledged from={lastAcked} to={published} />
                ) : null}
                <MarkdownBody markdown={published.bodyMd} />
                {pendingAck ? <AcknowledgeSection versionId={published.id} version={published.version} /> : null}
              </div>
            ) : (
              <p className="text-sm text-slate-600">{t("notPublishedHint")}</p>
            )}
          </Card>
        </div>

        <div className="min-w-0 space-y-6">
          <Card aria-labelledby="versions">
            <h2 id="versions" className="mb-3 text-lg font-semibold">
              {t("versions")}
            </h2>
            {g.versions.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noVersions")}</p>
            ) : (
              <ol className="space-y-3">
                {g.versions.map((v) => {
                  const previous = g.versions.filter((o) => o.version < v.version).map((o) => o.version);
                  return (
                    <li key={v.id} className="text-sm">
                      <div className="flex flex-wrap items-center gap-2">
                        <span className="font-medium">{t("versionNo", { version: v.version })}</span>
                        <VersionStatusBadge status={v.status} label={t(`status.${v.status}`)} />
                        <span className="text-slate-600">{date(v.publishedAt ?? v.createdAt)}</span>
                      </div>
                      {v.changeNote ? <p className="break-words text-slate-700">{v.changeNote}</p> : null}
                      {previous.length ? (
                        <Link className="text-blue-800 underline" href={`/guidelines/${g.id}/diff?from=${Math.max(...previous)}&to=${v.version}`}>
                          {t("diff.toPreviousOf", { version: v.version })}
                        </Link>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
            )}
            {canWrite && g.canStartNewVersion ? (
              <div className="mt-4">
                <ActionButton action={newVersionAction} fields={{ guidelineId: g.id }} label={t("newVersion")} variant="secondary" />
              </div>
            ) : null}
          </Card>

          {coverage ? (
            <Card aria-labelledby="coverage">
              <h2 id="coverage" className="mb-3 text-lg font-semibold">
                {t("coverage.title", { version: published!.version })}
              </h2>
              {coverage.total === 0 ? <EmptyState title={t("coverage.nobody")} /> : <CoverageTable coverage={coverage} showNames={showNames} minGroup={minGroup} />}
            </Card>
          ) : null}

          {canWrite && published ? <DangerZone versionId={published.id} version={published.version} /> : null}
        </div>
      </div>
    </>
  );
}
