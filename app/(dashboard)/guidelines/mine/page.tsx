import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listAwaitingSignoff, listMyGuidelines } from "@/db/queries/guidelines";
import { signoffFunctionsOf } from "@/db/queries/users";
import { LinkButton } from "@/components/ui/button";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";
import { pageParam } from "@/lib/search-params";

export const generateMetadata = () => pageTitle("guidelines.mine.title");

type SP = Promise<Record<string, string | string[] | undefined>>;

export default async function MyGuidelinesPage({ searchParams }: { searchParams: SP }) {
  const user = await requirePagePermission("guidelines:acknowledge");
  const sp = await searchParams;
  const db = await getDb();
  const [{ rows, total, pending, page, pageSize }, held] = await Promise.all([listMyGuidelines(db, user, { page: pageParam(sp) }), signoffFunctionsOf(db, user.id)]);
  // For a signatory this page is home: what awaits their signature comes first.
  const awaitingSignoff = held.length ? (await listAwaitingSignoff(db, { functions: held, pageSize: 1 })).awaiting : 0;
  const t = await getTranslations("guidelines");
  const format = await getFormatter();

  return (
    <>
      <PageHeader title={t("mine.title")} lead={t("mine.lead")} />
      {held.length ? (
        <section aria-labelledby="awaiting-signoff" className="mb-6 rounded-lg border border-blue-200 bg-blue-50 p-4" data-testid="awaiting-signoff">
          <h2 id="awaiting-signoff" className="font-semibold text-blue-950">
            {t("mine.signoffsTitle")}
          </h2>
          <p className="mb-3 mt-1 text-sm text-blue-950">{awaitingSignoff ? t("mine.signoffsBody", { count: awaitingSignoff }) : t("signoffs.empty")}</p>
          <LinkButton href="/guidelines/signoffs" variant="secondary">
            {t("mine.signoffsLink")}
          </LinkButton>
        </section>
      ) : null}
      {total === 0 ? (
        <EmptyState title={t("mine.empty")} body={t("mine.emptyHint")} />
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-slate-700" role="status">
            {pending ? t("mine.summary", { pending, total }) : t("mine.summaryDone")}
          </p>
          <ul className="space-y-3 md:hidden" data-testid="my-guideline-cards">
            {rows.map((r) => (
              <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-pending={r.pending ? "true" : "false"}>
                <Link href={`/guidelines/${r.id}`} className="break-words font-medium text-blue-800 hover:underline">
                  {r.title}
                </Link>
                <p className="text-sm text-slate-600">
                  {t("versionNo", { version: r.version })}
                  {r.publishedAt ? ` · ${format.dateTime(r.publishedAt, { dateStyle: "medium" })}` : null}
                </p>
                {r.changeNote ? <p className="mt-1 break-words text-xs text-slate-600">{r.changeNote}</p> : null}
                <div className="mt-2">
                  {r.pending ? (
                    <Badge tone="amber">{t("mine.pending")}</Badge>
                  ) : (
                    <Badge tone="green">{t("mine.acknowledgedOn", { date: format.dateTime(r.acknowledgedAt!, { dateStyle: "medium" }) })}</Badge>
                  )}
                </div>
              </li>
            ))}
          </ul>
          <div className="hidden md:block">
          <Table>
            <thead>
              <tr>
                <Th>{t("fields.title")}</Th>
                <Th>{t("fields.currentVersion")}</Th>
                <Th>{t("mine.published")}</Th>
                <Th>{t("mine.state")}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-pending={r.pending ? "true" : "false"}>
                  <Td>
                    <Link href={`/guidelines/${r.id}`} className="font-medium text-blue-800 hover:underline">
                      {r.title}
                    </Link>
                    {r.changeNote ? <div className="text-xs text-slate-600">{r.changeNote}</div> : null}
                  </Td>
                  <Td>{t("versionNo", { version: r.version })}</Td>
                  <Td>{r.publishedAt ? format.dateTime(r.publishedAt, { dateStyle: "medium" }) : ""}</Td>
                  <Td>
                    {r.pending ? (
                      <Badge tone="amber">{t("mine.pending")}</Badge>
                    ) : (
                      <Badge tone="green">{t("mine.acknowledgedOn", { date: format.dateTime(r.acknowledgedAt!, { dateStyle: "medium" }) })}</Badge>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          </div>
          <Pagination page={page} pageSize={pageSize} total={total} basePath="/guidelines/mine" params={{}} />
        </div>
      )}
    </>
  );
}
