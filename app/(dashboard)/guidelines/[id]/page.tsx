import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { acknowledgeAction, newVersionAction, transitionAction } from "../actions";
import { ActionButton } from "@/components/guidelines/action-button";
import { CoverageTable } from "@/components/guidelines/coverage-table";
import { MarkdownBody } from "@/components/guidelines/markdown-body";
import { SignoffForm } from "@/components/guidelines/signoff-form";
import { SignoffList } from "@/components/guidelines/signoff-list";
import { VersionStatusBadge } from "@/components/guidelines/status-badge";
import { LinkButton } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { getDb } from "@/db";
import { getCoverage, getGuideline, myAcknowledgment } from "@/db/queries/guidelines";
import { requirePagePermission } from "@/lib/auth/session";
import { seesCoverage, seesWorkInProgress } from "@/lib/guidelines/access";
import { availableEvents } from "@/lib/guidelines/lifecycle";
import { can } from "@/lib/permissions";

const CONFIRM = new Set(["withdraw", "publish", "archive"]);

export default async function GuidelinePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePagePermission("guidelines:read");
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const db = await getDb();
  const work = seesWorkInProgress(user.role);
  const g = await getGuideline(db, Number(id), { publishedOnly: !work });
  if (!g || (!work && !g.published)) notFound();
  const canWrite = can(user.role, "guidelines:write");
  const showNames = can(user.role, "guidelines:coverage_names");
  const [mine, coverage, t, format] = await Promise.all([
    can(user.role, "guidelines:acknowledge") ? myAcknowledgment(db, user, g.id) : null,
    g.published && seesCoverage(user.role) ? getCoverage(db, g.id, { withNames: showNames }) : null,
    getTranslations("guidelines"),
    getFormatter(),
  ]);
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium" }) : "");
  const describeScope = (s: typeof g.scope) =>
    s.kind === "company" ? t("scope.company") : `${t(`scope.${s.kind}`)}: ${(s.kind === "departments" ? s.departments : s.channels).map((x) => x.name).join(", ")}`;
  // The header shows the published version's title and scope; the open version shows its own.
  const scopeText = describeScope(g.scope);
  const open = g.open;
  const openScopeText = open ? describeScope(open.scope) : null;

  return (
    <>
      <PageHeader
        title={g.title}
        lead={t("appliesTo", { scope: scopeText })}
        actions={
          <>
            {g.versions.length > 1 ? (
              <LinkButton href={`/guidelines/${g.id}/diff`} variant="secondary">
                {t("diff.compare")}
              </LinkButton>
            ) : null}
            {canWrite && open?.status === "draft" ? <LinkButton href={`/guidelines/${g.id}/edit`}>{t("editDraft")}</LinkButton> : null}
          </>
        }
      />

      {g.published && mine?.applies ? (
        mine.acknowledgedAt ? (
          <Notice tone="info" className="mb-6">
            {t("ack.done", { version: g.published.version, date: format.dateTime(mine.acknowledgedAt, { dateStyle: "medium", timeStyle: "short" }) })}
          </Notice>
        ) : (
          <Card className="mb-6 border-amber-300 bg-amber-50">
            <h2 className="font-semibold text-amber-950">{t("ack.pendingTitle")}</h2>
            <p className="mb-3 mt-1 text-sm text-amber-950">{t("ack.pendingBody", { version: g.published.version })}</p>
            <ActionButton action={acknowledgeAction} fields={{ versionId: g.published.id }} label={t("ack.confirm")} />
          </Card>
        )
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          {work && open ? (
            <Card className="space-y-4" aria-labelledby="open-version">
              <div className="flex flex-wrap items-center gap-3">
                <h2 id="open-version" className="text-lg font-semibold">
                  {t("openVersion", { version: open.version })}
                </h2>
                <VersionStatusBadge status={open.status} label={t(`status.${open.status}`)} />
              </div>
              {open.title !== g.title ? <p className="text-sm text-slate-700">{t("openTitle", { title: open.title })}</p> : null}
              {openScopeText && openScopeText !== scopeText ? <p className="text-sm text-slate-700">{t("openAppliesTo", { scope: openScopeText })}</p> : null}
              {open.changeNote ? <p className="text-sm text-slate-700">{t("changeNoteLabel", { note: open.changeNote })}</p> : null}
              <SignoffList required={open.requiredSignoffs} state={open.signoffState} signoffs={open.signoffs} />
              {canWrite ? (
                <div className="flex flex-wrap gap-3">
                  {availableEvents(open.status, open.signoffState).map((e) => (
                    <ActionButton
                      key={e}
                      action={transitionAction}
                      fields={{ versionId: open.id, event: e }}
                      label={t(`events.${e}`)}
                      confirm={CONFIRM.has(e) ? t(`confirm.${e}`) : undefined}
                      variant={e === "publish" ? "primary" : "secondary"}
                    />
                  ))}
                </div>
              ) : null}
              {open.status === "in_review" && can(user.role, "guidelines:signoff") && open.requiredSignoffs.length ? (
                <div className="border-t border-slate-200 pt-4">
                  <SignoffForm versionId={open.id} functions={open.requiredSignoffs} />
                </div>
              ) : null}
              <details className="border-t border-slate-200 pt-4">
                <summary className="cursor-pointer text-sm font-medium text-blue-800">{t("showText", { version: open.version })}</summary>
                <MarkdownBody markdown={open.bodyMd} className="mt-4" />
              </details>
            </Card>
          ) : null}

          <Card aria-labelledby="current-text">
            <h2 id="current-text" className="mb-4 text-lg font-semibold">
              {g.published ? t("currentText", { version: g.published.version, date: date(g.published.publishedAt) }) : t("notPublishedYet")}
            </h2>
            {g.published ? (
              <div className="space-y-4">
                <MarkdownBody markdown={g.published.bodyMd} />
                {canWrite ? (
                  <ActionButton action={transitionAction} fields={{ versionId: g.published.id, event: "archive" }} label={t("events.archive")} confirm={t("confirm.archive")} variant="secondary" />
                ) : null}
              </div>
            ) : (
              <p className="text-sm text-slate-600">{t("notPublishedHint")}</p>
            )}
          </Card>
        </div>

        <div className="space-y-6">
          <Card aria-labelledby="versions">
            <h2 id="versions" className="mb-3 text-lg font-semibold">
              {t("versions")}
            </h2>
            {g.versions.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noVersions")}</p>
            ) : (
              <ol className="space-y-3">
                {g.versions.map((v) => (
                  <li key={v.id} className="text-sm">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{t("versionNo", { version: v.version })}</span>
                      <VersionStatusBadge status={v.status} label={t(`status.${v.status}`)} />
                      <span className="text-slate-600">{date(v.publishedAt ?? v.createdAt)}</span>
                    </div>
                    {v.changeNote ? <p className="text-slate-700">{v.changeNote}</p> : null}
                    {g.versions.some((o) => o.version < v.version) ? (
                      <Link className="text-blue-800 underline" href={`/guidelines/${g.id}/diff?from=${Math.max(...g.versions.filter((o) => o.version < v.version).map((o) => o.version))}&to=${v.version}`}>
                        {t("diff.toPrevious")}
                      </Link>
                    ) : null}
                  </li>
                ))}
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
                {t("coverage.title", { version: g.published!.version })}
              </h2>
              {coverage.total === 0 ? <EmptyState title={t("coverage.nobody")} /> : <CoverageTable coverage={coverage} showNames={showNames} />}
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
