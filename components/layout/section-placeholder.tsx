import { getTranslations } from "next-intl/server";
import { EmptyState, PageHeader } from "@/components/ui/card";

type Section = "overview" | "kpis" | "alerts";

/** An honest empty state for a capability that is not built yet: no fake data. */
export async function SectionPlaceholder({ section }: { section: Section }) {
  const t = await getTranslations("sections");
  return (
    <>
      <PageHeader title={t(`${section}.title`)} lead={t(`${section}.lead`)} />
      <EmptyState title={t(`${section}.title`)} body={t("notBuilt")} />
    </>
  );
}
