import { getTranslations } from "next-intl/server";
import { ChannelForm } from "@/components/channels/channel-form";
import { getDb } from "@/db";
import { listDepartments } from "@/db/queries/departments";
import { listActiveUserOptions } from "@/db/queries/users";
import { requirePagePermission } from "@/lib/auth/session";
import { sectionPageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => sectionPageTitle("channels.form.createTitle", "channels.title");

export default async function NewChannelPage() {
  await requirePagePermission("channels:write");
  const db = await getDb();
  const [people, deps] = await Promise.all([listActiveUserOptions(db), listDepartments(db)]);
  const t = await getTranslations("channels.form");
  return (
    <div className="space-y-4">
      <h2 className="text-lg font-medium">{t("createTitle")}</h2>
      <ChannelForm people={people} departments={deps.map((d) => ({ id: d.id, name: d.name }))} />
    </div>
  );
}
