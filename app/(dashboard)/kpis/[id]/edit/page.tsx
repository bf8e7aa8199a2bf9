import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { KpiForm } from "@/components/kpis/kpi-form";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { channelOptions, getKpi, listProcesses } from "@/db/queries/kpis";
import { getCurrentUser, requirePagePermission } from "@/lib/auth/session";
import { derivedChoices } from "@/lib/kpis/derived-choices";
import { can } from "@/lib/permissions";
import { pageTitle, namedPageTitle } from "@/lib/i18n/page-title";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const user = await getCurrentUser();
  const kpi = user && can(user.role, "kpis:write") && /^\d{1,9}$/.test(id) ? await getKpi(await getDb(), Number(id)) : null;
  return kpi ? namedPageTitle(kpi.name, "kpis.editTitle") : pageTitle("kpis.editTitle");
}

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
      <KpiForm kpi={kpi} processes={processes} channels={channels} choices={await derivedChoices()} />
    </>
  );
}
