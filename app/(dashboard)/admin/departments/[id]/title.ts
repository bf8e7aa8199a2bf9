import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listDepartments } from "@/db/queries/departments";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";

/** "<department> bearbeiten – Administration", the name only for those who may edit departments. */
export async function departmentTitle(params: Promise<{ id: string }>): Promise<Metadata> {
  const t = await getTranslations();
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user || !can(user.role, "admin:departments") || !/^\d{1,9}$/.test(id)) return { title: t("admin.title") };
  const dept = (await listDepartments(await getDb())).find((d) => d.id === Number(id));
  if (!dept) return { title: t("admin.title") };
  return { title: `${t("admin.departments.editTitle", { name: dept.name })} – ${t("admin.title")}` };
}
