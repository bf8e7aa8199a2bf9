import { getLocale } from "next-intl/server";
import { sessionRoute } from "@/lib/api";
import { isLocale } from "@/lib/i18n/config";
import { recordMarkdown } from "@/lib/privacy/record";
import { loadRecord } from "@/lib/privacy/record-load";

export const dynamic = "force-dynamic";

/** The record of processing (Art. 30 GDPR) as a Markdown file, in `?locale=de|en` (default: the reader's language). */
export const GET = sessionRoute("admin:users", async (req, { db }) => {
  const asked = new URL(req.url).searchParams.get("locale");
  const locale = isLocale(asked) ? asked : (await getLocale()) === "en" ? "en" : "de";
  const now = new Date();
  const text = recordMarkdown(await loadRecord(db, locale, now), locale, now.toISOString().slice(0, 10));
  const name = locale === "de" ? "verarbeitungsverzeichnis" : "record-of-processing";
  return new Response(text, {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${name}-${now.toISOString().slice(0, 10)}.md"`,
      "cache-control": "no-store",
    },
  });
});
