import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { DepartmentForm } from "@/components/admin/department-form";
import { getDb } from "@/db";
import { listDepartments } from "@/db/queries/departments";
import { listActiveUserOptions } from "@/db/queries/users";
import { requirePagePermission } from "@/lib/auth/session";
import { departmentTitle } from "./title";

export const generateMetadata = ({ params }: { params: Promise<{ id: string }> }) => departmentTitle(params);

export default async function EditDepartmentPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("admin:departments");
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const db = await getDb();
  const [deps, people] = await Promise.all([listDepartments(db), listActiveUserOptions(db)]);
  const dept = deps.find((d) => d.id === Number(id));
  if (!dept) notFound();
  const t = await getTranslations("admin.departments");
  return (
    <div className="space-y-4">
      <h2 className="text-lg font-medium">{t("editTitle", { name: dept.name })}</h2>
      <DepartmentForm department={dept} people={people} />
    </div>
  );
}
