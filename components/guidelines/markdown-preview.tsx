"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { previewAction } from "@/app/(dashboard)/guidelines/actions";
import { PROSE } from "./prose";

/** Renders the draft on the server with the readers' sanitising renderer, a moment after typing stops. */
export function MarkdownPreview({ markdown }: { markdown: string }) {
  const t = useTranslations("guidelines.editor");
  const [html, setHtml] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(async () => {
      const r = await previewAction(undefined, { bodyMd: markdown });
      if (!current) return;
      if (r.ok && r.data) {
        setHtml(r.data.html);
        setFailed(false);
      } else setFailed(true);
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [markdown]);
  return (
    <section aria-labelledby="preview-heading" className="rounded-md border border-slate-200 bg-white p-4">
      <h2 id="preview-heading" className="mb-3 text-sm font-medium text-slate-600">
        {t("preview")}
      </h2>
      {failed ? <p className="text-sm text-red-700">{t("previewFailed")}</p> : null}
      {html === null ? (
        <p className="text-sm text-slate-500">{t("previewLoading")}</p>
      ) : (
        <div data-testid="markdown-preview" className={PROSE} dangerouslySetInnerHTML={{ __html: html }} />
      )}
    </section>
  );
}
