import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { VersionStatusBadge } from "@/components/guidelines/status-badge";
import { LinkButton, Button } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listGuidelines } from "@/db/queries/guidelines";
import { minGroupOf } from "@/db/queries/works-council";
import { signoffFunctionsOf } from "@/db/queries/users";
import { requirePagePermission } from "@/lib/auth/session";
import { recordsOnBehalf, seesCoverage, seesWorkInProgress } from "@/lib/guidelines/access";
import { pageTitle } from "@/lib/i18n/page-title";
import { VERSION_STATUSES } from "@/lib/guidelines/lifecycle";
import { can } from "@/lib/permissions";
import { enumParam, pageParam } from "@/lib/search-params";

export const generateMetadata = () => pageTitle("guidelines.title");

type SP = Promise<Record<string, string | string[] | undefined>>;
const SCOPES = ["company", "departments", "channels"] as const;

export default async function GuidelinesPage({ searchParams }: { searchParams: SP }) {
  const user = await requirePagePermission("guidelines:read");
  const sp = await searchParams;
  const work = seesWorkInProgress(user.role);
  const filter = {
    status: work ? enumParam(sp, "status", VERSION_STATUSES) : undefined,
    scope: enumParam(sp, "scope", SCOPES),
    page: pageParam(sp),
  };
  const db = await getDb();
  const minGroup = await minGroupOf(db, user.role);
  const [{ rows, total, page, pageSize }, held] = await Promise.all([
    listGuidelines(db, { ...filter, publishedOnly: !work, minGroup }),
    signoffFunctionsOf(db, user.id),
  ]);
  const t = await getTranslations("guidelines");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const showCoverage = seesCoverage(user.role);
  // One wording for the card (phone) and the table cell (desktop).
  const coverageText = (g: (typeof rows)[number]) =>
    g.coverage?.suppressed
      ? t("coverage.fewerThan", { n: minGroup })
      : g.coverage
      ? t("coverage.cell", {
          acknowledged: g.coverage.acknowledged,
          total: g.coverage.total,
          share: format.number(g.coverage.share, { style: "percent", maximumFractionDigits: 0 }),
        })
      : tc("states.none");

  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        actions={
          <>
            {held.length || recordsOnBehalf(user.role) ? (
              <LinkButton href="/guidelines/signoffs" variant="secondary">
                {t("list.signoffsLink")}
              </LinkButton>
            ) : null}
            {can(user.role, "guidelines:acknowledge") ? (
              <LinkButton href="/guidelines/mine" variant="secondary">
                {t("mine.title")}
              </LinkButton>
            ) : null}
            {can(user.role, "guidelines:write") ? <LinkButton href="/guidelines/new">{t("new")}</LinkButton> : null}
          </>
        }
      />
      <div className="space-y-4">
        <form className="flex flex-wrap items-end gap-2" aria-label={t("filters")}>
          {work ? (
            <Select name="status" defaultValue={filter.status ?? ""} aria-label={t("fields.status")} className="w-56">
              <option value="">
                {t("fields.status")}: {tc("states.all")}
              </option>
              {VERSION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </Select>
          ) : null}
          <Select name="scope" defaultValue={filter.scope ?? ""} aria-label={t("fields.scope")} className="w-56">
            <option value="">
              {t("fields.scope")}: {tc("states.all")}
            </option>
            {SCOPES.map((s) => (
              <option key={s} value={s}>
                {t(`scope.${s}`)}
              </option>
            ))}
          </Select>
          <Button type="submit" variant="secondary">
            {tc("actions.filter")}
          </Button>
        </form>
        {rows.length === 0 ? (
          <EmptyState title={t("empty")} body={t(can(user.role, "guidelines:write") ? "emptyHintWriter" : "emptyHint")} />
        ) : (
          <>
          {/* Below md a list of cards: five columns do not fit a phone. */}
          <ul className="space-y-3 md:hidden" data-testid="guideline-cards">
            {rows.map((g) => (
              <li key={g.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <Link href={`/guidelines/${g.id}`} className="break-words font-medium text-blue-800 hover:underline">
                  {g.title}
                </Link>
                <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-slate-600">{t("fields.scope")}</dt>
                  <dd className="break-words">
                    {t(`scope.${g.scope}`)}
                    {g.scopeNames.length ? `: ${g.scopeNames.join(", ")}` : null}
                  </dd>
                  <dt className="text-slate-600">{t("fields.status")}</dt>
                  <dd>
                    <VersionStatusBadge status={g.latest.status} label={t("versionStatus", { version: g.latest.version, status: t(`status.${g.latest.status}`) })} />
                  </dd>
                  <dt className="text-slate-600">{t("fields.currentVersion")}</dt>
                  <dd>{g.publishedVersion ? t("versionNo", { version: g.publishedVersion }) : t("notPublished")}</dd>
                  {showCoverage ? (
                    <>
                      <dt className="text-slate-600">{t("fields.coverage")}</dt>
                      <dd className="tabular-nums">
                        {coverageText(g)}
                      </dd>
                    </>
                  ) : null}
                </dl>
              </li>
            ))}
          </ul>
          <div className="hidden md:block">
          <Table>
            <thead>
              <tr>
                <Th>{t("fields.title")}</Th>
                <Th>{t("fields.scope")}</Th>
                <Th>{t("fields.status")}</Th>
                <Th>{t("fields.currentVersion")}</Th>
                {showCoverage ? <Th className="text-right">{t("fields.coverage")}</Th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((g) => (
                <tr key={g.id}>
                  <Td>
                    <Link href={`/guidelines/${g.id}`} className="font-medium text-blue-800 hover:underline">
                      {g.title}
                    </Link>
                  </Td>
                  <Td>
                    {t(`scope.${g.scope}`)}
                    {g.scopeNames.length ? <div className="text-xs text-slate-600">{g.scopeNames.join(", ")}</div> : null}
                  </Td>
                  <Td>
                    <VersionStatusBadge status={g.latest.status} label={t("versionStatus", { version: g.latest.version, status: t(`status.${g.latest.status}`) })} />
                  </Td>
                  <Td>{g.publishedVersion ? t("versionNo", { version: g.publishedVersion }) : t("notPublished")}</Td>
                  {showCoverage ? (
                    <Td className="text-right tabular-nums">
                      {coverageText(g)}
                    </Td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
          </div>
          </>
        )}
        <Pagination page={page} pageSize={pageSize} total={total} basePath="/guidelines" params={{ status: filter.status, scope: filter.scope }} />
      </div>
    </>
  );
}
