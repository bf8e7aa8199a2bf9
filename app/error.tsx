"use client";

import { useErrorTexts } from "@/components/layout/error-texts";
import { buttonVariants } from "@/components/ui/button-variants";

// Shows a reference instead of the error itself: stack traces never reach users.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useErrorTexts();
  return (
    <main className="mx-auto max-w-xl p-10 text-center">
      <h1 className="text-2xl font-semibold">{t.title}</h1>
      <p className="mt-2 text-slate-600">{t.body}</p>
      {error.digest ? <p className="mt-2 text-xs text-slate-500">{t.reference.replace("{digest}", error.digest)}</p> : null}
      {/* A plain button: Button's class merging (tailwind-merge) would load on every route. */}
      <button type="button" className={buttonVariants({ className: "mt-6" })} onClick={reset}>
        {t.retry}
      </button>
    </main>
  );
}
