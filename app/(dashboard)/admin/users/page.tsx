import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { getDb } from "@/db";
import { listDepartments } from "@/db/queries/departments";
import { listUsers } from "@/db/queries/users";
import { roleEnum } from "@/db/schema";
import { LinkButton, Button } from "@/components/ui/button";
import { Badge, EmptyState } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";
import { enumParam, intParam, pageParam, param } from "@/lib/search-params";

export const generateMetadata = () => pageTitle("admin.users.title");

type SP = Promise<Record<string, string | string[] | undefined>>;

export default async function UsersPage({ searchParams }: { searchParams: SP }) {
  await requirePagePermission("admin:users");
  const sp = await searchParams;
  const db = await getDb();
  const filter = {
    q: param(sp, "q")?.slice(0, 100),
    role: enumParam(sp, "role", roleEnum.enumValues),
    departmentId: intParam(sp, "department"),
    active: param(sp, "status") === "active" ? true : param(sp, "status") === "inactive" ? false : undefined,
    page: pageParam(sp),
  };
  const [{ rows, total, page, pageSize }, deps] = await Promise.all([listUsers(db, filter), listDepartments(db)]);
  const t = await getTranslations();
  const format = await getFormatter();

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <form className="flex flex-wrap items-end gap-2" role="search">
          <Input name="q" defaultValue={filter.q} placeholder={t("admin.users.search")} aria-label={t("admin.users.search")} className="w-56" />
          <Select name="role" defaultValue={filter.role ?? ""} aria-label={t("admin.users.role")} className="w-48">
            <option value="">{t("admin.users.role")}: {t("common.states.all")}</option>
            {roleEnum.enumValues.map((r) => (
              <option key={r} value={r}>
                {t(`common.roles.${r}`)}
              </option>
            ))}
          </Select>
          <Select name="department" defaultValue={filter.departmentId ? String(filter.departmentId) : ""} aria-label={t("admin.users.department")} className="w-52">
            <option value="">{t("admin.users.department")}: {t("common.states.all")}</option>
            {deps.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </Select>
          <Select name="status" defaultValue={param(sp, "status") ?? ""} aria-label={t("admin.users.status")} className="w-40">
            <option value="">{t("admin.users.status")}: {t("common.states.all")}</option>
            <option value="active">{t("admin.users.statusActive")}</option>
            <option value="inactive">{t("admin.users.statusInactive")}</option>
          </Select>
          <Button type="submit" variant="secondary">
            {t("common.actions.filter")}
          </Button>
        </form>
        <LinkButton href="/admin/users/new">{t("admin.users.new")}</LinkButton>
      </div>
      {rows.length === 0 ? (
        <EmptyState title={t("admin.users.empty")} body={t("admin.users.emptyHint")} />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("admin.users.name")}</Th>
              <Th>{t("admin.users.email")}</Th>
              <Th>{t("admin.users.role")}</Th>
              <Th>{t("admin.users.department")}</Th>
              <Th>{t("admin.users.status")}</Th>
              <Th>{t("admin.users.lastLogin")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id}>
                <Td>
                  <Link href={`/admin/users/${u.id}`} className="font-medium text-blue-800 hover:underline">
                    {u.name}
                  </Link>
                </Td>
                <Td>{u.email}</Td>
                <Td>
                  {t(`common.roles.${u.role}`)}
                  {u.signoffFunctions.length ? (
                    <div className="text-xs text-slate-600">{u.signoffFunctions.map((f) => t(`admin.users.functions.${f}`)).join(", ")}</div>
                  ) : null}
                </Td>
                <Td>{u.departmentName ?? t("common.states.none")}</Td>
                <Td>
                  <Badge tone={u.active ? "green" : "slate"}>
                    {u.active ? t("admin.users.statusActive") : t("admin.users.statusInactive")}
                  </Badge>
                </Td>
                <Td>{u.lastLoginAt ? format.dateTime(u.lastLoginAt, { dateStyle: "medium", timeStyle: "short" }) : t("admin.users.never")}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination
        page={page}
        pageSize={pageSize}
        total={total}
        basePath="/admin/users"
        params={{ q: filter.q, role: filter.role, department: param(sp, "department"), status: param(sp, "status") }}
      />
    </div>
  );
}
