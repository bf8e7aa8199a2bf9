import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { deleteMeasureAction } from "@/app/(dashboard)/measures/actions";
import { BackLink } from "@/components/crisis/back-link";
import { MeasureForm } from "@/components/measures/measure-form";
import { ActionButtonForm } from "@/components/ui/action-button-form";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { getMeasure } from "@/db/queries/measures";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";
import { todayIn } from "@/lib/kpis/periods";
import { inScope } from "@/lib/kpis/scope";
import { measureWriteScope } from "@/lib/measures/access";
import { measureFormOptions } from "@/lib/measures/form-options";

export const generateMetadata = () => pageTitle("measures.edit");

/** Cents as the form shows them: "1234,56" (German) or "1234.56" (English), no grouping. */
const amount = (cents: number | null, locale: string) =>
  cents === null ? "" : new Intl.NumberFormat(locale === "en" ? "en-GB" : "de-DE", { useGrouping: false, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100);

export default async function EditMeasurePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePagePermission("measures:write");
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const db = await getDb();
  const m = await getMeasure(db, Number(id));
  if (!m) notFound();
  const scope = measureWriteScope(user)!;
  if (!inScope(scope, m.departmentId)) forbidden();
  const [options, t] = await Promise.all([measureFormOptions(db, scope), getTranslations("measures")]);
  const locale = user.locale ?? "de";
  const num = (x: number) => new Intl.NumberFormat(locale === "en" ? "en-GB" : "de-DE", { useGrouping: false, maximumFractionDigits: 6 }).format(x);
  return (
    <>
      <BackLink href={`/measures/${m.id}`} label={m.title} />
      <PageHeader
        title={t("edit")}
        actions={<ActionButtonForm action={deleteMeasureAction} fields={{ id: m.id }} label={t("delete")} confirm={t("deleteConfirm")} variant="danger" />}
      />
      <MeasureForm
        today={todayIn()}
        options={options}
        initial={{
          id: m.id,
          businessProcessId: String(m.businessProcessId),
          title: m.title,
          goal: m.goal,
          startsOn: m.startsOn,
          endsOn: m.endsOn ?? "",
          status: m.status,
          benefitKind: m.benefitKind,
          expectedBenefit: amount(m.expectedBenefitCents, locale),
          realisedBenefit: amount(m.realisedBenefitCents, locale),
          benefitNote: m.benefitNote ?? "",
          resultKpiId: m.resultKpiId ? String(m.resultKpiId) : "",
          channelIds: m.channels.map((c) => c.id),
          goals: m.goals.map((g) => ({ kpiId: String(g.kpiId), baseline: num(g.baseline), target: num(g.target) })),
        }}
      />
    </>
  );
}
