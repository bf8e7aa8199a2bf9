import { getFormatter, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { DisableTwoFactor, RenewRecoveryCodes, TwoFactorSetup } from "@/components/auth/two-factor";
import { ClientMessages } from "@/components/i18n/client-messages";
import { LogoutButton } from "@/components/layout/logout-button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { getDb } from "@/db";
import { totpRequiredRoles, twoFactorStatus } from "@/db/queries/two-factor";
import { getUserForTwoFactorSetup } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("auth.twoFactor");
  return { title: t("title") };
}

/**
 * One's own two-factor authentication: set it up, renew recovery codes, switch it off. Outside the
 * dashboard's frame, because it is also where a password sign-in waits when the person's role
 * requires a second factor they have not set up yet (lib/auth/session.ts).
 */
export default async function TwoFactorPage() {
  const s = await getUserForTwoFactorSetup();
  if (!s) redirect("/login?callbackUrl=/two-factor");
  const db = await getDb();
  const [status, required, t, format] = await Promise.all([
    twoFactorStatus(db, s.user.id),
    totpRequiredRoles(db).then((roles) => roles.includes(s.user.role)),
    getTranslations(),
    getFormatter(),
  ]);
  return (
    <main className="mx-auto max-w-xl space-y-6 p-4 sm:p-8">
      <div>
        <p className="text-sm font-medium uppercase tracking-wide text-blue-800">{t("common.appName")}</p>
        <h1 className="mt-2 text-2xl font-semibold">{t("auth.twoFactor.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("auth.twoFactor.lead")}</p>
      </div>
      {s.mustEnrol ? <Notice tone="info">{t("auth.twoFactor.requiredNotice")}</Notice> : null}
      <ClientMessages area="two-factor">
        {status.enabled ? (
          <>
            <Card className="space-y-2">
              <p role="status" className="font-medium text-green-900">
                {t("auth.twoFactor.onSince", { date: format.dateTime(status.enabledAt!, { dateStyle: "medium" }) })}
              </p>
              <p className="text-sm text-slate-700">{t("auth.twoFactor.codesLeft", { count: status.recoveryCodesLeft })}</p>
            </Card>
            <Card>
              <h2 className="mb-3 text-lg font-medium">{t("auth.twoFactor.renewTitle")}</h2>
              <RenewRecoveryCodes />
            </Card>
            <Card>
              <h2 className="mb-3 text-lg font-medium">{t("auth.twoFactor.disableTitle")}</h2>
              {required ? <p className="text-sm text-slate-700">{t("auth.twoFactor.requiredForRole")}</p> : <DisableTwoFactor />}
            </Card>
          </>
        ) : (
          <Card>
            <TwoFactorSetup />
          </Card>
        )}
      </ClientMessages>
      <div className="flex flex-wrap items-center gap-4">
        {s.mustEnrol ? null : (
          <a href="/profile" className="font-medium text-blue-800 underline">
            {t("auth.twoFactor.backToProfile")}
          </a>
        )}
        <div className="w-40">
          <LogoutButton label={t("common.userMenu.logout")} />
        </div>
      </div>
    </main>
  );
}
