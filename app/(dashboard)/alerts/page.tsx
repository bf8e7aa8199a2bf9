import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { AlertList } from "@/components/alerts/alert-list";
import { PageHeader } from "@/components/ui/card";
import { Label, Select } from "@/components/ui/input";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db";
import { listAlerts } from "@/db/queries/alerts";
import { listDepartments } from "@/db/queries/departments";
import { requirePagePermission } from "@/lib/auth/session";
import { alertScope, inScope } from "@/lib/kpis/scope";
import { can } from "@/lib/permissions";
import { enumParam, intParam, pageParam } from "@/lib/search-params";
import { pageTitle } from "@/lib/i18n/page-title";

type SP = Promise<Record<string, string | string[] | undefined>>;

const STATUSES = ["unresolved", "open", "acknowledged", "resolved"] as const;
const SEVERITIES = ["warning", "critical"] as const;
const KINDS = ["threshold", "crisis"] as const;

export const generateMetadata = () => pageTitle("alerts.title");

export default async function AlertsPage({ searchParams }: { searchParams: SP }) {
  const user = await requirePagePermission("alerts:read");
  const sp = await searchParams;
  const scope = alertScope(user);
  const f = {
    status: enumParam(sp, "status", STATUSES) ?? "unresolved",
    severity: enumParam(sp, "severity", SEVERITIES),
    kind: enumParam(sp, "kind", KINDS),
    departmentId: scope.all ? intParam(sp, "department") : undefined,
  };
  const db = await getDb();
  const [{ rows, total, page, pageSize }, departments] = await Promise.all([
    listAlerts(db, { scope, ...f, page: pageParam(sp) }),
    scope.all ? listDepartments(db) : Promise.resolve([]),
  ]);
  const t = await getTranslations("alerts");
  const select = (name: string, label: string, value: string | number | undefined, options: [string, string][], withAll = true) => (
    <div>
      <Label htmlFor={`f-${name}`}>{label}</Label>
      <Select id={`f-${name}`} name={name} defaultValue={value ?? ""} className="min-w-40">
        {withAll ? <option value="">{t("filters.all")}</option> : null}
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </Select>
    </div>
  );
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label={t("filters.label")}>
        {select("status", t("filters.status"), f.status, STATUSES.map((s) => [s, t(`statuses.${s}`)]), false)}
        {select("severity", t("filters.severity"), f.severity, SEVERITIES.map((s) => [s, t(`severities.${s}`)]))}
        {select("kind", t("filters.kind"), f.kind, KINDS.map((k) => [k, t(`kinds.${k}`)]))}
        {scope.all ? select("department", t("filters.department"), f.departmentId, departments.map((d) => [String(d.id), d.name])) : null}
        <Button type="submit" variant="secondary">
          {t("filters.apply")}
        </Button>
      </form>
      <AlertList rows={rows} canAcknowledge={(a) => can(user.role, "alerts:acknowledge") && (a.departmentId == null ? scope.all : inScope(scope, a.departmentId))} />
      <Pagination
        page={page}
        pageSize={pageSize}
        total={total}
        basePath="/alerts"
        params={{ status: f.status, severity: f.severity, kind: f.kind, department: f.departmentId ? String(f.departmentId) : undefined }}
      />
    </>
  );
}
