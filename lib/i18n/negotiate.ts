import { DEFAULT_LOCALE, LOCALES, type AppLocale } from "./config";

/**
 * The language for a first visit, before anyone picked one: the browser's most preferred language
 * we offer (RFC 9110 `Accept-Language`, q-values honoured, `de-AT` counts as `de`, `*` as our
 * default). German when the browser prefers German, sends nothing, or asks only for languages we
 * lack. Malformed parts are skipped, never thrown on.
 */
export function negotiateLocale(header: string | null | undefined): AppLocale {
  if (!header) return DEFAULT_LOCALE;
  let best: { locale: AppLocale; q: number; index: number } | null = null;
  const parts = header.slice(0, 1000).split(",");
  parts.forEach((part, index) => {
    const [rangeRaw, ...params] = part.trim().split(";");
    const range = rangeRaw.trim().toLowerCase();
    if (!range) return;
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p);
      if (m) q = Number(m[1]);
    }
    if (!(q > 0) || q > 1) return;
    const primary = range.split("-")[0];
    const locale: AppLocale | undefined =
      range === "*" ? DEFAULT_LOCALE : (LOCALES as readonly string[]).includes(primary) ? (primary as AppLocale) : undefined;
    if (!locale) return;
    if (!best || q > best.q) best = { locale, q, index };
  });
  return (best as { locale: AppLocale } | null)?.locale ?? DEFAULT_LOCALE;
}
