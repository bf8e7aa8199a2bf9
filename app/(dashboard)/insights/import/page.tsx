import { CsvImport } from "@/components/insights/csv-import";
import { requirePagePermission } from "@/lib/auth/session";

export default async function ImportInsightsPage() {
  await requirePagePermission("insights:triage");
  return <CsvImport />;
}
