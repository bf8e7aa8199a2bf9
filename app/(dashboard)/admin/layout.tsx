import { getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { PageHeader } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/auth/session";

// The check sits in the layout so the 403 is decided before anything below it streams.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("admin:users");
  const t = await getTranslations("admin");
  return (
    <>
      <PageHeader title={t("title")} />
      <AdminTabs />
      <div className="mt-6">{children}</div>
    </>
  );
}
