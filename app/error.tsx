"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

// Shows a reference instead of the error itself: stack traces never reach users.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common.error");
  return (
    <main className="mx-auto max-w-xl p-10 text-center">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-600">{t("body")}</p>
      {error.digest ? <p className="mt-2 text-xs text-slate-500">{t("reference", { digest: error.digest })}</p> : null}
      <Button className="mt-6" onClick={reset}>
        {t("retry")}
      </Button>
    </main>
  );
}
