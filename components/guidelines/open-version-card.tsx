import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ActionButton } from "./action-button";
import { MarkdownBody } from "./markdown-body";
import { SignoffForm } from "./signoff-form";
import { SignoffList } from "./signoff-list";
import { VersionStatusBadge } from "./status-badge";
import { transitionAction } from "@/app/(dashboard)/guidelines/actions";
import { Card } from "@/components/ui/card";
import type { GuidelineDetail, VersionDto } from "@/db/queries/guidelines";
import type { Role } from "@/db/schema";
import { ownSignoffFunctions, recordsOnBehalf } from "@/lib/guidelines/access";
import { availableEvents, type SignoffFunction } from "@/lib/guidelines/lifecycle";
import { can } from "@/lib/permissions";

const CONFIRM = new Set(["withdraw", "publish"]);

/**
 * The version being worked on: where its sign-offs stand, the author's next steps, and the
 * sign-off forms. Someone who signs reads the text first; their form comes after it.
 */
export async function OpenVersionCard({
  guideline,
  open,
  user,
  held,
  scopeText,
  describeScope,
}: {
  guideline: GuidelineDetail;
  open: VersionDto;
  user: { name: string; role: Role };
  held: SignoffFunction[];
  scopeText: string;
  describeScope: (s: VersionDto["scope"]) => string;
}) {
  const t = await getTranslations("guidelines");
  const canWrite = can(user.role, "guidelines:write");
  const own = ownSignoffFunctions(open, held);
  const onBehalf = open.status === "in_review" && recordsOnBehalf(user.role) && open.requiredSignoffs.length > 0;
  const openScopeText = describeScope(open.scope);
  const published = guideline.published;
  const text = <MarkdownBody markdown={open.bodyMd} className="mt-4" />;
  return (
    <Card className="space-y-4" aria-labelledby="open-version" data-testid="open-version">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="open-version" tabIndex={-1} className="text-lg font-semibold focus:outline-none">
          {t("openVersion", { version: open.version })}
        </h2>
        <VersionStatusBadge status={open.status} label={t(`status.${open.status}`)} />
      </div>
      {open.title !== guideline.title ? <p className="break-words text-sm text-slate-700">{t("openTitle", { title: open.title })}</p> : null}
      {openScopeText !== scopeText ? <p className="text-sm text-slate-700">{t("openAppliesTo", { scope: openScopeText })}</p> : null}
      {open.changeNote ? <p className="break-words text-sm text-slate-700">{t("changeNoteLabel", { note: open.changeNote })}</p> : null}
      <SignoffList required={open.requiredSignoffs} state={open.signoffState} signoffs={open.signoffs} />
      {canWrite ? (
        <div className="flex flex-wrap gap-3">
          {availableEvents(open.status, open.signoffState)
            // A holding statement ends at approved: it is used in the crisis room, never published.
            .filter((e) => !(guideline.kind === "holding_statement" && e === "publish"))
            .map((e) => (
            <ActionButton
              key={e}
              action={transitionAction}
              fields={{ versionId: open.id, event: e }}
              label={t(`events.${e}`)}
              confirm={CONFIRM.has(e) ? t(`confirm.${e}`) : undefined}
              success={t(`done.${e}`, { version: open.version })}
              variant={e === "publish" ? "primary" : "secondary"}
            />
          ))}
        </div>
      ) : null}
      {guideline.kind === "holding_statement" && open.status === "approved" ? <p className="text-sm text-slate-700">{t("statementUsable")}</p> : null}

      {own.length ? (
        <>
          <section aria-labelledby="open-text" className="border-t border-slate-200 pt-4">
            <h3 id="open-text" className="font-semibold">
              {t("textOf", { version: open.version })}
            </h3>
            {published ? (
              <p className="mt-1 text-sm">
                <Link className="text-blue-800 underline" href={`/guidelines/${guideline.id}/diff?from=${published.version}&to=${open.version}`}>
                  {t("diff.againstPublished", { from: published.version, to: open.version })}
                </Link>
              </p>
            ) : null}
            {text}
          </section>
          <div className="border-t border-slate-200 pt-4">
            <SignoffForm versionId={open.id} mode="own" functions={own} decisions={open.signoffState.decisions} signerName={user.name} />
          </div>
        </>
      ) : (
        <details className="border-t border-slate-200 pt-4">
          <summary className="cursor-pointer text-sm font-medium text-blue-800">{t("showText", { version: open.version })}</summary>
          {text}
        </details>
      )}

      {onBehalf ? (
        <details className="border-t border-slate-200 pt-4" data-testid="on-behalf">
          <summary className="cursor-pointer text-sm font-medium text-blue-800">{t("signoff.onBehalfSummary")}</summary>
          <div className="mt-4">
            <SignoffForm versionId={open.id} mode="on_behalf" functions={open.requiredSignoffs} decisions={open.signoffState.decisions} />
          </div>
        </details>
      ) : null}
    </Card>
  );
}
