import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <main className="mx-auto max-w-xl p-10 text-center">
      <p className="text-sm font-semibold text-slate-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-600">{t("body")}</p>
      <LinkButton href="/" className="mt-6">
        {t("home")}
      </LinkButton>
    </main>
  );
}
