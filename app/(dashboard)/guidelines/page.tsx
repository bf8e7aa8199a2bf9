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
import { requirePagePermission } from "@/lib/auth/session";
import { seesCoverage, seesWorkInProgress } from "@/lib/guidelines/access";
import { VERSION_STATUSES } from "@/lib/guidelines/lifecycle";
import { can } from "@/lib/permissions";
import { enumParam, pageParam } from "@/lib/search-params";

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
  const { rows, total, page, pageSize } = await listGuidelines(await getDb(), { ...filter, publishedOnly: !work });
  const t = await getTranslations("guidelines");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const showCoverage = seesCoverage(user.role);

  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        actions={
          <>
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
                      {g.coverage
                        ? t("coverage.cell", {
                            acknowledged: g.coverage.acknowledged,
                            total: g.coverage.total,
                            share: format.number(g.coverage.share, { style: "percent", maximumFractionDigits: 0 }),
                          })
                        : tc("states.none")}
                    </Td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Pagination page={page} pageSize={pageSize} total={total} basePath="/guidelines" params={{ status: filter.status, scope: filter.scope }} />
      </div>
    </>
  );
}
