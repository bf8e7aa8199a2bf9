import { pageTitle } from "@/lib/i18n/page-title";
import { getTranslations } from "next-intl/server";
import { UserCreateForm } from "@/components/admin/user-create-form";
import { getDb } from "@/db";
import { listDepartments } from "@/db/queries/departments";
import { requirePagePermission } from "@/lib/auth/session";

export const generateMetadata = () => pageTitle("admin.users.new");

export default async function NewUserPage() {
  await requirePagePermission("admin:users");
  const t = await getTranslations("admin.users");
  const deps = await listDepartments(await getDb());
  return (
    <div className="space-y-4">
      <h2 className="text-lg font-medium">{t("new")}</h2>
      <UserCreateForm departments={deps.map((d) => ({ id: d.id, name: d.name }))} />
    </div>
  );
}
