import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch";
import { LogoutButton } from "./logout-button";
import { MenuDisclosure } from "./menu-disclosure";
import { SignOutEverywhereButton } from "./sign-out-everywhere-button";

/**
 * The signed-in person's menu. The button shows their name and is announced as "<name>,
 * Benutzermenü", so what a sighted user reads is what a speech-input user says (WCAG 2.5.3); the
 * role sits in the panel, which keeps the header on one line at desktop widths.
 */
export async function UserMenu({ name, email, roleLabel }: { name: string; email: string; roleLabel: string }) {
  const t = await getTranslations("common.userMenu");
  return (
    <MenuDisclosure
      summary={
        <>
          <span className="inline-block max-w-[12rem] truncate align-bottom font-medium">{name}</span>
          <span className="sr-only">, {t("label")}</span>
        </>
      }
    >
      <div>
        <p className="font-medium">{name}</p>
        <p className="text-sm text-slate-600">{roleLabel}</p>
        <p className="truncate text-sm text-slate-600">{email}</p>
      </div>
      <a href="/profile" className="block font-medium text-blue-800 underline">
        {t("profile")}
      </a>
      <div>
        <p className="mb-1 text-xs font-medium uppercase text-slate-600">{t("language")}</p>
        <LanguageSwitch />
      </div>
      <LogoutButton label={t("logout")} />
      <SignOutEverywhereButton
        label={t("logoutEverywhere")}
        confirm={t("logoutEverywhereConfirm")}
        failed={t("logoutEverywhereFailed")}
      />
    </MenuDisclosure>
  );
}
