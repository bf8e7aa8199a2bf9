import { CsvImport } from "@/components/insights/csv-import";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => pageTitle("insights.titles.import");

export default async function ImportInsightsPage() {
  await requirePagePermission("insights:triage");
  return <CsvImport />;
}
