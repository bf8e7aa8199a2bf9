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
  const thresholds = (k: (typeof rows)[number]) => [
    [t("fields.target"), formatKpiValue(format, k.unit, k.target)],
    [t("fields.warningThreshold"), formatKpiValue(format, k.unit, k.warningThreshold)],
    [t("fields.criticalThreshold"), formatKpiValue(format, k.unit, k.criticalThreshold)],
  ];
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
        <>
          {/* Below lg one card per KPI: eight columns do not fit a phone. */}
          <ul className="grid gap-2 sm:grid-cols-2 lg:hidden" data-testid="kpi-cards">
            {rows.map((k) => (
              <li key={k.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                <div className="text-xs text-slate-600">
                  {k.departmentName} · {k.processName}
                </div>
                <Link href={`/kpis/${k.id}`} className="font-medium break-words text-blue-800 underline-offset-2 hover:underline">
                  {k.name}
                </Link>
                {k.channelName ? <div className="text-xs text-slate-600">{k.channelName}</div> : null}
                <p className="mt-1 text-slate-700">
                  {t(`units.${k.unit}`)} · {t(`directions.${k.direction}`)} · {t(`periods.${k.period}`)} · {t(`aggregations.${k.aggregation}`)}
                </p>
                <dl className="mt-2 grid grid-cols-3 gap-2">
                  {thresholds(k).map(([label, value]) => (
                    <div key={label}>
                      <dt className="text-xs text-slate-600">{label}</dt>
                      <dd className="tabular-nums">{value}</dd>
                    </div>
                  ))}
                </dl>
                {canEdit ? (
                  <Link href={`/kpis/${k.id}/edit`} className="mt-2 inline-block text-blue-800 underline" aria-label={`${t("edit")}: ${k.name}`}>
                    {t("edit")}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
          <div className="hidden lg:block">
            <Table>
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
                  {can(user.role, "kpis:write") ? (
                    <Th>
                      <span className="sr-only">{t("edit")}</span>
                    </Th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((k) => (
                  <tr key={k.id}>
                    <Td>
                      <div className="text-xs text-slate-600">{k.departmentName}</div>
                      {k.processName}
                    </Td>
                    <Td>
                      <Link href={`/kpis/${k.id}`} className="font-medium text-blue-800 underline-offset-2 hover:underline">
                        {k.name}
                      </Link>
                      {k.channelName ? <div className="text-xs text-slate-600">{k.channelName}</div> : null}
                    </Td>
                    <Td>{t(`units.${k.unit}`)}</Td>
                    <Td>{t(`directions.${k.direction}`)}</Td>
                    <Td>
                      {t(`periods.${k.period}`)} · {t(`aggregations.${k.aggregation}`)}
                    </Td>
                    <Td className="text-right tabular-nums">{formatKpiValue(format, k.unit, k.target)}</Td>
                    <Td className="text-right tabular-nums">{formatKpiValue(format, k.unit, k.warningThreshold)}</Td>
                    <Td className="text-right tabular-nums">{formatKpiValue(format, k.unit, k.criticalThreshold)}</Td>
                    {can(user.role, "kpis:write") ? (
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
          </div>
        </>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} basePath="/kpis" params={{ department: departmentId ? String(departmentId) : undefined }} />
    </>
  );
}
