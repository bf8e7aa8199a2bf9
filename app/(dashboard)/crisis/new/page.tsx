import { getTranslations } from "next-intl/server";
import { CrisisForm } from "@/components/crisis/crisis-form";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { listChannelOptions } from "@/db/queries/routing-rules";
import { crisisPeople, listPlaybooks } from "@/db/queries/crises";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";
import { COMPANY_TIME_ZONE } from "@/lib/insights/local-time";

export const generateMetadata = () => pageTitle("crisis.declare.title");

export default async function DeclareCrisisPage() {
  await requirePagePermission("crisis:manage");
  const db = await getDb();
  const [people, playbooks, channels] = await Promise.all([crisisPeople(db), listPlaybooks(db), listChannelOptions(db)]);
  const t = await getTranslations("crisis");
  // The form's default start: now, as wall-clock time in the company's zone.
  const now = new Intl.DateTimeFormat("sv-SE", { timeZone: COMPANY_TIME_ZONE, dateStyle: "short", timeStyle: "short" }).format(new Date()).replace(" ", "T");
  return (
    <>
      <PageHeader title={t("declare.title")} lead={t("declare.lead")} />
      <CrisisForm mode="declare" people={people} playbooks={playbooks.map((p) => ({ id: p.id, name: p.name }))} channels={channels} now={now} />
    </>
  );
}
