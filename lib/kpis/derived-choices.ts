import "server-only";
import { getTranslations } from "next-intl/server";
import type { DerivedChoices } from "@/components/kpis/kpi-form";
import { INSIGHT_CATEGORIES, SENTIMENTS } from "@/lib/enums";

/** The category and sentiment names the KPI form's derived filters show (the insights' own labels). */
export async function derivedChoices(): Promise<DerivedChoices> {
  const t = await getTranslations("insights");
  return {
    categories: INSIGHT_CATEGORIES.map((c) => ({ key: c, label: t(`category.${c}`) })),
    sentiments: SENTIMENTS.map((s) => ({ key: s, label: t(`sentiment.${s}` as "sentiment.negative") })),
  };
}
