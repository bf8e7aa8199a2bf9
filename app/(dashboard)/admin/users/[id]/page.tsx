import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { UserEditForm } from "@/components/admin/user-edit-form";
import { ActionButtonForm } from "@/components/ui/action-button-form";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { listDepartments } from "@/db/queries/departments";
import { twoFactorStatus } from "@/db/queries/two-factor";
import { getUser } from "@/db/queries/users";
import { requirePagePermission } from "@/lib/auth/session";
import { namedPageTitle } from "@/lib/i18n/page-title";
import { resetTwoFactorAction } from "../../actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("admin:users");
  const { id } = await params;
  const user = /^\d{1,9}$/.test(id) ? await getUser(await getDb(), Number(id)) : null;
  if (!user) notFound();
  return namedPageTitle(user.name, "admin.users.edit");
}

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("admin:users");
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const db = await getDb();
  const [user, deps, twoFactor] = await Promise.all([getUser(db, Number(id)), listDepartments(db), twoFactorStatus(db, Number(id))]);
  if (!user) notFound();
  const t = await getTranslations("admin.users");
  return (
    <div className="space-y-4">
      <h2 className="text-lg font-medium">{t("editTitle", { name: user.name })}</h2>
      <UserEditForm user={user} departments={deps.map((d) => ({ id: d.id, name: d.name }))} />
      <Card className="max-w-xl space-y-3">
        <h3 className="font-medium">{t("twoFactorTitle")}</h3>
        <p className="text-sm text-slate-700">
          {twoFactor.enabled ? t("twoFactorOn", { count: twoFactor.recoveryCodesLeft }) : t("twoFactorOff")}
        </p>
        {twoFactor.enabled ? (
          <ActionButtonForm
            action={resetTwoFactorAction}
            fields={{ id: user.id }}
            label={t("twoFactorReset")}
            confirm={t("twoFactorResetConfirm", { name: user.name })}
            variant="danger"
          />
        ) : null}
      </Card>
    </div>
  );
}
