import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { GuidelineHeader } from "@/components/guidelines/guideline-header";
import { SignoffStates } from "@/components/guidelines/signoff-list";
import { EmptyState } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db";
import { listAwaitingSignoff } from "@/db/queries/guidelines";
import { signoffFunctionsOf } from "@/db/queries/users";
import { requirePagePermission } from "@/lib/auth/session";
import { recordsOnBehalf } from "@/lib/guidelines/access";
import { SIGNOFF_FUNCTIONS } from "@/lib/guidelines/lifecycle";
import { pageTitle } from "@/lib/i18n/page-title";
import { pageParam } from "@/lib/search-params";

export const generateMetadata = () => pageTitle("guidelines.signoffs.title");

type SP = Promise<Record<string, string | string[] | undefined>>;

/**
 * The desk of a signatory (legal, data protection, works council): the versions in review that
 * need their function. The central unit, which may record sign-offs on behalf, sees all of them.
 */
export default async function SignoffsPage({ searchParams }: { searchParams: SP }) {
  const user = await requirePagePermission("guidelines:read");
  const db = await getDb();
  const held = await signoffFunctionsOf(db, user.id);
  const overseer = held.length === 0 && recordsOnBehalf(user.role);
  if (held.length === 0 && !overseer) forbidden();
  const functions = overseer ? [...SIGNOFF_FUNCTIONS] : held;
  const { rows, total, awaiting, page, pageSize } = await listAwaitingSignoff(db, { functions, page: pageParam(await searchParams) });
  const t = await getTranslations("guidelines");
  const format = await getFormatter();
  const names = (fns: readonly string[]) => fns.map((f) => t(`functions.${f}`)).join(", ");

  return (
    <>
      <GuidelineHeader title={t("signoffs.title")} lead={overseer ? t("signoffs.leadAll") : t("signoffs.lead")}>
        {overseer ? null : <p className="mt-1 text-sm text-slate-700">{t("signoffs.yourFunctions", { functions: names(held) })}</p>}
      </GuidelineHeader>
      {total === 0 ? (
        <EmptyState title={t("signoffs.empty")} body={t("signoffs.emptyHint")} />
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-slate-700">{awaiting ? t("signoffs.summary", { count: awaiting }) : t("signoffs.summaryNone")}</p>
          <ul className="grid gap-4 md:grid-cols-2" aria-label={t("signoffs.caption")} data-testid="signoff-queue">
            {rows.map((r) => (
              <li key={r.versionId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="signoff-item">
                <h2 className="break-words font-semibold text-slate-900">{r.title}</h2>
                <p className="text-sm text-slate-600">
                  {t("versionNo", { version: r.version })}
                  {r.submittedAt ? ` · ${t("signoffs.submittedOn", { date: format.dateTime(r.submittedAt, { dateStyle: "medium" }) })}` : null}
                </p>
                <SignoffStates required={r.requiredSignoffs} decisions={r.decisions} className="mt-2" />
                <p className="mt-2 text-sm text-slate-700">{r.awaiting.length ? t("signoffs.awaiting", { functions: names(r.awaiting) }) : t("signoffs.decided")}</p>
                <Link href={`/guidelines/${r.guidelineId}`} className="mt-3 inline-block font-medium text-blue-800 underline">
                  {t("signoffs.open", { version: r.version })}
                  <span className="sr-only">: {r.title}</span>
                </Link>
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={pageSize} total={total} basePath="/guidelines/signoffs" params={{}} />
        </div>
      )}
    </>
  );
}
