import { getTranslations } from "next-intl/server";
import { KpiForm } from "@/components/kpis/kpi-form";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { channelOptions, listProcesses } from "@/db/queries/kpis";
import { requirePagePermission } from "@/lib/auth/session";
import { derivedChoices } from "@/lib/kpis/derived-choices";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => pageTitle("kpis.newTitle");

export default async function NewKpiPage() {
  await requirePagePermission("kpis:write");
  const db = await getDb();
  const [processes, channels] = await Promise.all([listProcesses(db), channelOptions(db)]);
  const t = await getTranslations("kpis");
  return (
    <>
      <PageHeader title={t("newTitle")} lead={t("thresholdsHint")} />
      <KpiForm processes={processes} channels={channels} choices={await derivedChoices()} />
    </>
  );
}
