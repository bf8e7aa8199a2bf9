import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/crisis/back-link";
import { StatementForm } from "@/components/crisis/statement-form";
import { PageHeader } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => pageTitle("crisis.statements.new");

export default async function NewStatementPage() {
  await requirePagePermission("crisis:manage");
  const t = await getTranslations("crisis.statements");
  return (
    <>
      <BackLink href="/crisis/statements" label={t("title")} />
      <PageHeader title={t("new")} lead={t("newLead")} />
      <StatementForm />
    </>
  );
}
