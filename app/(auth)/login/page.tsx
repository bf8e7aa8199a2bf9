import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { Card } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { getCurrentUser } from "@/lib/auth/session";
import { homeFor } from "@/lib/permissions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

// Everything but the form's submit logic is rendered here, on the server: the login page's own
// JavaScript is components/auth/login-form.tsx alone (`npm run bench:bundle`, goal ≤ 150 kB).
export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await getCurrentUser();
  if (user) redirect(homeFor(user.role));
  const t = await getTranslations();
  const { callbackUrl } = await searchParams;
  const notice = (text: string) => <Notice tone="error">{text}</Notice>;
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <p className="text-sm font-medium uppercase tracking-wide text-blue-800">{t("common.appName")}</p>
          <h1 className="mt-2 text-2xl font-semibold">{t("auth.title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("auth.intro")}</p>
        </div>
        <Card>
          <LoginForm
            callbackUrl={typeof callbackUrl === "string" ? callbackUrl : null}
            notices={{
              invalid: notice(t("auth.errors.invalid")),
              deactivated: notice(t("auth.errors.deactivated")),
              throttled: notice(t("auth.errors.throttled")),
              generic: notice(t("auth.errors.generic")),
            }}
            submit={t("auth.submit")}
            submitting={t("auth.submitting")}
          >
            <div className="space-y-1">
              <Label htmlFor="email">{t("auth.email")}</Label>
              <Input id="email" name="email" type="email" autoComplete="username" required autoFocus />
            </div>
            <div className="space-y-1">
              <Label htmlFor="password">{t("auth.password")}</Label>
              <Input id="password" name="password" type="password" autoComplete="current-password" required />
            </div>
          </LoginForm>
        </Card>
        <div className="flex justify-center">
          <LanguageSwitch />
        </div>
      </div>
    </main>
  );
}
