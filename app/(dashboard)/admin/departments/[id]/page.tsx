import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { DepartmentForm } from "@/components/admin/department-form";
import { getDb } from "@/db";
import { listDepartments } from "@/db/queries/departments";
import { listActiveUserOptions } from "@/db/queries/users";
import { requirePagePermission } from "@/lib/auth/session";
import { cache } from "react";
import { namedPageTitle } from "@/lib/i18n/page-title";

/** The department, for someone who may edit departments (403 otherwise, 404 for an unknown id); once per request. */
const load = cache(async (id: string) => {
  await requirePagePermission("admin:departments");
  if (!/^\d{1,9}$/.test(id)) notFound();
  const db = await getDb();
  const dept = (await listDepartments(db)).find((d) => d.id === Number(id));
  if (!dept) notFound();
  return { db, dept };
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { dept } = await load((await params).id);
  const t = await getTranslations("admin");
  return namedPageTitle(t("departments.editTitle", { name: dept.name }), "admin.title");
}

export default async function EditDepartmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, dept } = await load((await params).id);
  const people = await listActiveUserOptions(db);
  const t = await getTranslations("admin.departments");
  return (
    <div className="space-y-4">
      <h2 className="text-lg font-medium">{t("editTitle", { name: dept.name })}</h2>
      <DepartmentForm department={dept} people={people} />
    </div>
  );
}
