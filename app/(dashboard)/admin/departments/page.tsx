import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DepartmentForm } from "@/components/admin/department-form";
import { EmptyState } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listDepartments } from "@/db/queries/departments";
import { listActiveUserOptions } from "@/db/queries/users";
import { requirePagePermission } from "@/lib/auth/session";
import { sectionPageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => sectionPageTitle("admin.tabs.departments", "admin.title");

export default async function DepartmentsPage() {
  await requirePagePermission("admin:departments");
  const db = await getDb();
  const [deps, people] = await Promise.all([listDepartments(db), listActiveUserOptions(db)]);
  const t = await getTranslations();
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <div>
        {deps.length === 0 ? (
          <EmptyState title={t("admin.departments.empty")} body={t("admin.departments.emptyHint")} />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("admin.departments.name")}</Th>
                <Th>{t("admin.departments.kind")}</Th>
                <Th>{t("admin.departments.head")}</Th>
                <Th className="text-right">{t("admin.departments.members")}</Th>
              </tr>
            </thead>
            <tbody>
              {deps.map((d) => (
                <tr key={d.id}>
                  <Td>
                    <Link href={`/admin/departments/${d.id}`} className="font-medium text-blue-800 hover:underline">
                      {d.name}
                    </Link>
                    <div className="text-xs text-slate-500">{d.slug}</div>
                  </Td>
                  <Td>{t(`common.departmentKinds.${d.kind}`)}</Td>
                  <Td>{d.headName ?? t("admin.departments.noHead")}</Td>
                  <Td className="text-right tabular-nums">{d.memberCount}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </div>
      <div className="space-y-3">
        <h2 className="text-lg font-medium">{t("admin.departments.new")}</h2>
        <DepartmentForm people={people} />
      </div>
    </div>
  );
}
