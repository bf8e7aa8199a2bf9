"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db";
import { setUserLocale } from "@/db/queries/users";
import { getCurrentUser } from "@/lib/auth/session";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/config";

const schema = z.object({ locale: z.enum(LOCALES) });

/**
 * Deliberately open to anonymous visitors (the login page has a language switch): it only sets a
 * cookie for the caller; a signed-in user's choice is also remembered on their account.
 */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const parsed = schema.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  const user = await getCurrentUser();
  if (user) await setUserLocale(await getDb(), user.id, parsed.data.locale);
}
