import { InsightForm } from "@/components/insights/insight-form";
import { getDb } from "@/db";
import { listChannelOptions } from "@/db/queries/routing-rules";
import { requirePagePermission } from "@/lib/auth/session";
import { COMPANY_TIME_ZONE } from "@/lib/insights/local-time";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => pageTitle("insights.titles.new");

export default async function NewInsightPage() {
  await requirePagePermission("insights:triage");
  const channels = await listChannelOptions(await getDb());
  // The form's default time: now, as wall-clock time in the company's zone.
  const now = new Intl.DateTimeFormat("sv-SE", { timeZone: COMPANY_TIME_ZONE, dateStyle: "short", timeStyle: "short" }).format(new Date()).replace(" ", "T");
  return <InsightForm channels={channels} now={now} />;
}
