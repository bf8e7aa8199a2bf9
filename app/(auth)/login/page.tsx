import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { LoginForm } from "@/components/auth/login-form";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { getCurrentUser } from "@/lib/auth/session";
import { homeFor } from "@/lib/permissions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

export default async function LoginPage() {
  const user = await getCurrentUser();
  if (user) redirect(homeFor(user.role));
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <p className="text-sm font-medium uppercase tracking-wide text-blue-800">{t("common.appName")}</p>
          <h1 className="mt-2 text-2xl font-semibold">{t("auth.title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("auth.intro")}</p>
        </div>
        <Suspense>
          <LoginForm />
        </Suspense>
        <div className="flex justify-center">
          <LanguageSwitch />
        </div>
      </div>
    </main>
  );
}
