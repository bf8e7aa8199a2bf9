import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/crisis/back-link";
import { PlaybookForm } from "@/components/crisis/playbook-form";
import { PageHeader } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/auth/session";
import { departmentKindOptions } from "@/lib/crisis/department-kinds";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => pageTitle("crisis.playbooks.new");

export default async function NewPlaybookPage() {
  await requirePagePermission("crisis:manage");
  const t = await getTranslations("crisis");
  return (
    <>
      <BackLink href="/crisis/playbooks" label={t("playbooks.title")} />
      <PageHeader title={t("playbooks.new")} lead={t("playbooks.editLead")} />
      <PlaybookForm departmentKinds={await departmentKindOptions()} />
    </>
  );
}
