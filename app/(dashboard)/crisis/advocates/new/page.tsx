import { getTranslations } from "next-intl/server";
import { AdvocateForm } from "@/components/crisis/advocate-form";
import { BackLink } from "@/components/crisis/back-link";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { advocateUserOptions } from "@/db/queries/advocates";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => pageTitle("crisis.advocates.new");

export default async function NewAdvocatePage() {
  await requirePagePermission("crisis:manage");
  const users = await advocateUserOptions(await getDb());
  const t = await getTranslations("crisis.advocates");
  return (
    <>
      <BackLink href="/crisis/advocates" label={t("title")} />
      <PageHeader title={t("new")} lead={t("formLead")} />
      <AdvocateForm users={users} />
    </>
  );
}
