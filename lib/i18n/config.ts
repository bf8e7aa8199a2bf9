export const LOCALES = ["de", "en"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "de";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(x: unknown): x is AppLocale {
  return typeof x === "string" && (LOCALES as readonly string[]).includes(x);
}
