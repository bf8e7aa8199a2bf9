import { getTranslations } from "next-intl/server";
import { NotificationPreferencesForm } from "@/components/profile/notification-preferences-form";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { notificationPreferencesOf } from "@/db/queries/notifications";
import { twoFactorStatus } from "@/db/queries/two-factor";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata() {
  const t = await getTranslations("notifications.preferences");
  return { title: t("title") };
}

/** The signed-in person's own settings: who they are, and how they want to be told by e-mail. */
export default async function ProfilePage() {
  const user = await requireUser();
  const [t, tc, ta, tp, prefs, twoFactor] = await Promise.all([
    getTranslations("notifications.preferences"),
    getTranslations("common"),
    getTranslations("auth.twoFactor"),
    getTranslations("privacy.recorded"),
    getDb().then((db) => notificationPreferencesOf(db, user.id)),
    getDb().then((db) => twoFactorStatus(db, user.id)),
  ]);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <dl className="mb-6 grid max-w-xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">{t("name")}</dt>
        <dd className="break-words">{user.name}</dd>
        <dt className="font-medium">{t("email")}</dt>
        <dd className="break-all">{user.email}</dd>
        <dt className="font-medium">{t("role")}</dt>
        <dd>{tc(`roles.${user.role}`)}</dd>
        <dt className="font-medium">{ta("manage")}</dt>
        <dd>
          <a href="/two-factor" className="font-medium text-blue-800 underline">
            {twoFactor.enabled ? ta("manageOn") : ta("manageOff")}
          </a>
        </dd>
      </dl>
      <p className="mb-6 text-sm">
        <a href="/profile/recorded" className="font-medium text-blue-800 underline">
          {tp("title")}
        </a>
      </p>
      <h2 className="mb-3 text-lg font-semibold">{t("mailHeading")}</h2>
      <NotificationPreferencesForm initial={prefs} />
    </>
  );
}
