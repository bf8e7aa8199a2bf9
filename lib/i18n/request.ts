import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, LOCALE_COOKIE } from "./config";
import { MESSAGES } from "./messages";
import { negotiateLocale } from "./negotiate";

export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  // A choice the user made wins; a first visit follows the browser's Accept-Language.
  const locale = isLocale(fromCookie) ? fromCookie : negotiateLocale((await headers()).get("accept-language"));
  return {
    locale,
    messages: MESSAGES[locale],
    timeZone: "Europe/Berlin",
    now: new Date(),
  };
});
