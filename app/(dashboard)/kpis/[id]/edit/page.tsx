import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { KpiForm } from "@/components/kpis/kpi-form";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { channelOptions, getKpi, listProcesses } from "@/db/queries/kpis";
import { requirePagePermission } from "@/lib/auth/session";

export default async function EditKpiPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("kpis:write");
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const db = await getDb();
  const [kpi, processes, channels] = await Promise.all([getKpi(db, Number(id)), listProcesses(db), channelOptions(db)]);
  if (!kpi) notFound();
  const t = await getTranslations("kpis");
  return (
    <>
      <PageHeader title={`${t("editTitle")}: ${kpi.name}`} />
      <KpiForm kpi={kpi} processes={processes} channels={channels} />
    </>
  );
}
