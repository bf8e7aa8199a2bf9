import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatKpiValue } from "@/components/kpis/format";
import { LinkButton, Button } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Label, Select } from "@/components/ui/input";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listDepartments } from "@/db/queries/departments";
import { listKpis } from "@/db/queries/kpis";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";
import { can } from "@/lib/permissions";
import { intParam, pageParam } from "@/lib/search-params";

type SP = Promise<Record<string, string | string[] | undefined>>;

export const generateMetadata = () => pageTitle("kpis.title");

export default async function KpisPage({ searchParams }: { searchParams: SP }) {
  const user = await requirePagePermission("kpis:read");
  const sp = await searchParams;
  const departmentId = intParam(sp, "department");
  const db = await getDb();
  const [{ rows, total, page, pageSize }, departments] = await Promise.all([
    listKpis(db, { departmentId, page: pageParam(sp) }),
    listDepartments(db),
  ]);
  const t = await getTranslations("kpis");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const canEdit = can(user.role, "kpis:write");
  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        actions={
          <>
            {can(user.role, "measurements:write") ? (
              <>
                <LinkButton href="/kpis/grid" variant="secondary">
                  {t("gridLink")}
                </LinkButton>
                <LinkButton href="/kpis/import" variant="secondary">
                  {t("importLink")}
                </LinkButton>
              </>
            ) : null}
            {can(user.role, "kpis:write") ? <LinkButton href="/kpis/new">{t("new")}</LinkButton> : null}
          </>
        }
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <div>
          <Label htmlFor="department">{t("filterDepartment")}</Label>
          <Select id="department" name="department" defaultValue={departmentId ?? ""} className="min-w-56 max-w-full">
            <option value="">{t("all")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="secondary">
          {tc("actions.filter")}
        </Button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title={t("empty")} body={t("emptyHint")} />
      ) : (
        // Below md one card per KPI (nine columns do not fit a phone): the same rows, `<Table cards="pairs">`.
        <Table cards="pairs">
          <thead>
            <tr>
              <Th>{t("fields.process")}</Th>
              <Th>{t("fields.name")}</Th>
              <Th>{t("fields.unit")}</Th>
              <Th>{t("fields.direction")}</Th>
              <Th>{t("fields.period")}</Th>
              <Th className="text-right">{t("fields.target")}</Th>
              <Th className="text-right">{t("fields.warningThreshold")}</Th>
              <Th className="text-right">{t("fields.criticalThreshold")}</Th>
              {canEdit ? (
                <Th>
                  <span className="sr-only">{t("edit")}</span>
                </Th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((k) => (
              <tr key={k.id} data-testid="kpi-card">
                <Td data-card="tag">
                  <div className="text-xs text-slate-600 max-md:inline">{k.departmentName}</div>
                  <span className="md:hidden"> · </span>
                  {k.processName}
                </Td>
                <Td data-card="lead">
                  <Link href={`/kpis/${k.id}`} className="font-medium break-words text-blue-800 underline-offset-2 hover:underline">
                    {k.name}
                  </Link>
                  {k.channelName ? <div className="text-xs text-slate-600">{k.channelName}</div> : null}
                </Td>
                <Td data-card="tag">{t(`units.${k.unit}`)}</Td>
                <Td data-card="tag">{t(`directions.${k.direction}`)}</Td>
                <Td data-card="tag">
                  {t(`periods.${k.period}`)} · {t(`aggregations.${k.aggregation}`)}
                </Td>
                <Td className="text-right tabular-nums" data-label={t("fields.target")}>
                  {formatKpiValue(format, k.unit, k.target)}
                </Td>
                <Td className="text-right tabular-nums" data-label={t("fields.warningThreshold")}>
                  {formatKpiValue(format, k.unit, k.warningThreshold)}
                </Td>
                <Td className="text-right tabular-nums" data-label={t("fields.criticalThreshold")}>
                  {formatKpiValue(format, k.unit, k.criticalThreshold)}
                </Td>
                {canEdit ? (
                  <Td>
                    <Link href={`/kpis/${k.id}/edit`} className="text-blue-800 underline" aria-label={`${t("edit")}: ${k.name}`}>
                      {t("edit")}
                    </Link>
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} basePath="/kpis" params={{ department: departmentId ? String(departmentId) : undefined }} />
    </>
  );
}
