import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { SsoButton } from "@/components/auth/sso-button";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { Card } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { getCurrentUser, getUserForTwoFactorSetup } from "@/lib/auth/session";
import { env, ssoEnabled } from "@/lib/env";
import { homeFor } from "@/lib/permissions";

export const dynamic = "force-dynamic";

/** Refusals the single sign-on redirects back here with (lib/auth/options.ts, db/queries/sso.ts). */
const SSO_ERRORS = ["sso_unmapped", "sso_no_email", "sso_conflict", "deactivated", "local_login_disabled"] as const;

function ssoError(raw: unknown): (typeof SSO_ERRORS)[number] | "sso_failed" | null {
  if (typeof raw !== "string" || !raw) return null;
  // next-auth's own codes (OAuthCallback, AccessDenied, Configuration, …) all mean the round trip failed.
  return (SSO_ERRORS as readonly string[]).includes(raw) ? (raw as (typeof SSO_ERRORS)[number]) : "sso_failed";
}

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

// Everything but the form's submit logic is rendered here, on the server: the login page's own
// JavaScript is components/auth/login-form.tsx alone (`npm run bench:bundle`, goal ≤ 150 kB).
export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await getCurrentUser();
  if (user) redirect(homeFor(user.role));
  // Signed in, but the role requires a second factor not set up yet.
  if (await getUserForTwoFactorSetup()) redirect("/two-factor");
  const t = await getTranslations();
  const { callbackUrl, error } = await searchParams;
  const notice = (text: string) => <Notice tone="error">{text}</Notice>;
  const refusal = ssoError(error);
  const callback = typeof callbackUrl === "string" ? callbackUrl : null;
  // LOCAL_LOGIN: true shows the password form, admins tucks it away as break-glass access, false
  // removes it (and the endpoint refuses, see lib/auth/options.ts).
  const localLogin = env.LOCAL_LOGIN;
  const passwordForm = (
    <LoginForm
      callbackUrl={callback}
      notices={{
        invalid: notice(t("auth.errors.invalid")),
        deactivated: notice(t("auth.errors.deactivated")),
        throttled: notice(t("auth.errors.throttled")),
        local_login_disabled: notice(t("auth.errors.local_login_disabled")),
        totp_required: notice(t("auth.errors.totp_required")),
        invalid_code: notice(t("auth.errors.invalid_code")),
        generic: notice(t("auth.errors.generic")),
      }}
      submit={t("auth.submit")}
      submitting={t("auth.submitting")}
      code={{ label: t("auth.twoFactor.loginCode"), hint: t("auth.twoFactor.loginCodeHint") }}
    >
      <div className="space-y-1">
        <Label htmlFor="email">{t("auth.email")}</Label>
        <Input id="email" name="email" type="email" autoComplete="username" required autoFocus={!ssoEnabled} />
      </div>
      <div className="space-y-1">
        <Label htmlFor="password">{t("auth.password")}</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
    </LoginForm>
  );
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <p className="text-sm font-medium uppercase tracking-wide text-blue-800">{t("common.appName")}</p>
          <h1 className="mt-2 text-2xl font-semibold">{t("auth.title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("auth.intro")}</p>
        </div>
        <Card className="space-y-4">
          {refusal ? notice(t(`auth.errors.${refusal}`)) : null}
          {ssoEnabled ? (
            <SsoButton
              label={env.OIDC_LABEL}
              pending={t("auth.sso.pending")}
              failed={t("auth.errors.sso_failed")}
              callbackUrl={callback}
              secondary={false}
            />
          ) : null}
          {localLogin === "true" ? (
            ssoEnabled ? (
              <>
                <p className="flex items-center gap-3 text-xs uppercase tracking-wide text-slate-600 before:h-px before:flex-1 before:bg-slate-200 after:h-px after:flex-1 after:bg-slate-200">
                  {t("auth.sso.or")}
                </p>
                {passwordForm}
              </>
            ) : (
              passwordForm
            )
          ) : localLogin === "admins" ? (
            <details className="text-sm">
              <summary className="cursor-pointer text-slate-700">{t("auth.sso.breakGlass")}</summary>
              <div className="mt-3">{passwordForm}</div>
            </details>
          ) : null}
        </Card>
        <div className="flex justify-center">
          <LanguageSwitch />
        </div>
      </div>
    </main>
  );
}
