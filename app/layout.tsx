import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ErrorTextsProvider } from "@/components/layout/error-texts";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("tagline") };
}

/**
 * Every route loads what this layout puts on the client, the login page included, so it carries
 * only the error page's texts. The translations, React Query and the toasts of the signed-in pages
 * are provided by app/(dashboard)/layout.tsx.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("common.error");
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        <ErrorTextsProvider
          texts={{ title: t("title"), body: t("body"), retry: t("retry"), reference: t.raw("reference") as string }}
        >
          {children}
        </ErrorTextsProvider>
      </body>
    </html>
  );
}
