import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch";
import { LogoutButton } from "./logout-button";
import { MenuDisclosure } from "./menu-disclosure";
import { SignOutEverywhereButton } from "./sign-out-everywhere-button";

export async function UserMenu({ name, email, roleLabel }: { name: string; email: string; roleLabel: string }) {
  const t = await getTranslations("common.userMenu");
  return (
    <MenuDisclosure label={t("label")} summary={<><span className="font-medium">{name}</span> <span className="text-slate-600">· {roleLabel}</span></>}>
      <p className="truncate text-sm text-slate-600">{email}</p>
      <div>
        <p className="mb-1 text-xs font-medium uppercase text-slate-500">{t("language")}</p>
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
