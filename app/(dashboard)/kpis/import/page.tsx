import { getTranslations } from "next-intl/server";
import { CsvImport } from "@/components/kpis/csv-import";
import { PageHeader } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => pageTitle("kpis.import.title");

export default async function ImportPage() {
  await requirePagePermission("measurements:write");
  const t = await getTranslations("kpis.import");
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <CsvImport />
    </>
  );
}
