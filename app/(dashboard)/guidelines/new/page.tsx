import { getTranslations } from "next-intl/server";
import { GuidelineForm } from "@/components/guidelines/guideline-form";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { scopeOptions } from "@/db/queries/guidelines";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => pageTitle("guidelines.new");

export default async function NewGuidelinePage() {
  await requirePagePermission("guidelines:write");
  const [options, t] = await Promise.all([scopeOptions(await getDb()), getTranslations("guidelines")]);
  return (
    <>
      <PageHeader title={t("new")} lead={t("editor.newLead")} />
      <GuidelineForm
        initial={{ title: "", scope: "company", departmentIds: [], channelIds: [], requiredSignoffs: ["legal", "data_protection", "works_council"], bodyMd: "", changeNote: "" }}
        departments={options.departments}
        channels={options.channels}
      />
    </>
  );
}
