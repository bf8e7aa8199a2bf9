"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import type { FieldErrors } from "@/lib/errors";
import { STRATEGY_KEYS, type StrategyKey } from "@/lib/channels/constants";

export type StrategyValues = Partial<Record<StrategyKey, string | null>>;

/** The five strategy questions as form fields, shared by the full channel form and the head's form. */
export function StrategyFields({ values, errors }: { values?: StrategyValues; errors?: FieldErrors }) {
  const t = useTranslations("channels.strategy");
  return (
    <fieldset className="space-y-4">
      <legend className="mb-2 font-medium text-slate-900">{t("title")}</legend>
      {STRATEGY_KEYS.map((key) => (
        <Field key={key} label={t(key)} errors={errors?.[key]}>
          <Textarea name={key} defaultValue={values?.[key] ?? ""} rows={2} maxLength={2000} />
        </Field>
      ))}
    </fieldset>
  );
}
