import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/crisis/back-link";
import { MeasureForm } from "@/components/measures/measure-form";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";
import { todayIn } from "@/lib/kpis/periods";
import { measurementScope } from "@/lib/kpis/scope";
import { measureFormOptions } from "@/lib/measures/form-options";

export const generateMetadata = () => pageTitle("measures.new");

export default async function NewMeasurePage() {
  const user = await requirePagePermission("measures:write");
  const [options, t] = await Promise.all([measureFormOptions(await getDb(), measurementScope(user)), getTranslations("measures")]);
  return (
    <>
      <BackLink href="/measures" label={t("title")} />
      <PageHeader title={t("new")} />
      {options.processes.length ? (
        <MeasureForm options={options} today={todayIn()} />
      ) : (
        <EmptyState title={t("errors.process")} />
      )}
    </>
  );
}
