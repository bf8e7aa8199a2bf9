import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch";
import { LogoutButton } from "./logout-button";

/** A native disclosure: keyboard accessible and working before any script loads. */
export async function UserMenu({ name, email, roleLabel }: { name: string; email: string; roleLabel: string }) {
  const t = await getTranslations("common.userMenu");
  return (
    <details className="relative">
      <summary
        className="cursor-pointer list-none rounded-md px-3 py-2 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-700"
        aria-label={t("label")}
      >
        <span className="font-medium">{name}</span> <span className="text-slate-600">· {roleLabel}</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-64 space-y-3 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
        <p className="truncate text-sm text-slate-600">{email}</p>
        <div>
          <p className="mb-1 text-xs font-medium uppercase text-slate-500">{t("language")}</p>
          <LanguageSwitch />
        </div>
        <LogoutButton label={t("logout")} />
      </div>
    </details>
  );
}
