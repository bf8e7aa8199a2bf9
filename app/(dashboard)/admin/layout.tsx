import { getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { countDisabledWebhookEndpoints } from "@/db/queries/webhooks";
import { requirePagePermission } from "@/lib/auth/session";
import { can } from "@/lib/permissions";

// The check sits in the layout so the 403 is decided before anything below it streams.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePagePermission("admin:users");
  const t = await getTranslations("admin");
  // An endpoint switched off after failing deliveries is flagged on its tab on every admin page.
  const disabledWebhooks = can(user.role, "admin:tokens") ? await countDisabledWebhookEndpoints(await getDb()) : 0;
  return (
    <ClientMessages area="admin">
      <PageHeader title={t("title")} />
      <AdminTabs disabledWebhooks={disabledWebhooks} />
      <div className="mt-6">{children}</div>
    </ClientMessages>
  );
}
