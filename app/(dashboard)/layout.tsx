import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { AppNav } from "@/components/layout/app-nav";
import { UserMenu } from "@/components/layout/user-menu";
import { NotificationBell } from "@/components/notifications/bell";
import { Providers } from "@/components/providers";
import { requireUser } from "@/lib/auth/session";
import { navFor } from "@/lib/permissions";
import { getNavCounts } from "@/lib/nav-badges";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const t = await getTranslations("common");
  const { badges, unread } = await getNavCounts(user);
  // The client translations, React Query and the toasts live here rather than in the root layout,
  // so the login page does not load them. The header's translations only: each part of the
  // dashboard brings its own (its layout's ClientMessages).
  return (
    <ClientMessages area="shell">
      <Providers>
        <div className="min-h-screen">
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
            {t("skipToContent")}
          </a>
          <header className="border-b border-slate-200 bg-white">
            <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 lg:flex-nowrap">
              <span className="font-semibold text-blue-900">{t("appName")}</span>
              <Suspense>
                <AppNav items={navFor(user.role)} badges={badges} />
              </Suspense>
              <div className="ml-auto flex items-center gap-2">
                <NotificationBell unread={unread} />
                <UserMenu name={user.name} email={user.email} roleLabel={t(`roles.${user.role}`)} />
              </div>
            </div>
          </header>
          <main id="main" className="mx-auto max-w-7xl px-4 py-6">
            {children}
          </main>
        </div>
      </Providers>
    </ClientMessages>
  );
}
