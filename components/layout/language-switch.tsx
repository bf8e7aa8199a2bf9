import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/actions/locale";
import { LOCALES } from "@/lib/i18n/config";
import { cn } from "@/lib/utils";

/** Plain forms posting to a server action: works with the keyboard and without client JavaScript. */
export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("common");
  return (
    <div role="group" aria-label={t("userMenu.language")} className="flex gap-1">
      {LOCALES.map((l) => (
        <form key={l} action={setLocaleAction}>
          <input type="hidden" name="locale" value={l} />
          <button
            type="submit"
            lang={l}
            aria-pressed={l === locale}
            className={cn(
              "rounded px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-700",
              l === locale ? "bg-slate-800 text-white" : "text-slate-700 hover:bg-slate-100",
            )}
          >
            {t(`languages.${l}`)}
          </button>
        </form>
      ))}
    </div>
  );
}
