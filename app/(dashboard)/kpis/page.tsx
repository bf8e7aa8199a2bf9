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
import { can } from "@/lib/permissions";
import { intParam, pageParam } from "@/lib/search-params";

type SP = Promise<Record<string, string | string[] | undefined>>;

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
      <form method="get" className="mb-4 flex items-end gap-2">
        <div>
          <Label htmlFor="department">{t("filterDepartment")}</Label>
          <Select id="department" name="department" defaultValue={departmentId ?? ""} className="min-w-56">
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
      )}
      <Pagination page={page} pageSize={pageSize} total={total} basePath="/kpis" params={{ department: departmentId ? String(departmentId) : undefined }} />
    </>
  );
}
