"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { addCostItemAction } from "@/app/(dashboard)/measures/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import { COST_CATEGORIES } from "@/lib/enums";

/** One cost item: planned or actual; staff as hours × hourly rate, anything else as an amount. */
export function CostItemForm({ measureId }: { measureId: number }) {
  const t = useTranslations("measures");
  const [state, formAction] = useActionState<ActionResult<{ id: number }> | undefined, FormData>(addCostItemAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const echo = state && !state.ok ? state.values : undefined;
  const [category, setCategory] = useState(echo?.category ?? "staff");
  return (
    // A new key after each success (the new item's id) empties the fields for the next item.
    <form action={formAction} className="space-y-3" noValidate aria-label={t("costs.add")} key={state?.ok ? `added-${state.data?.id}` : "form"}>
      <ActionNotice state={state} success={t("costs.added")} />
      <input type="hidden" name="measureId" value={measureId} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t("costs.kind")} errors={fe?.actual}>
          <Select name="actual" defaultValue={echo?.actual ?? "actual"}>
            <option value="actual">{t("fields.actual")}</option>
            <option value="planned">{t("fields.planned")}</option>
          </Select>
        </Field>
        <Field label={t("costs.category")} errors={fe?.category}>
          <Select name="category" value={category} onChange={(e) => setCategory(e.target.value)}>
            {COST_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("costs.incurredOn")} errors={fe?.incurredOn}>
          <Input name="incurredOn" type="date" defaultValue={echo?.incurredOn ?? ""} />
        </Field>
      </div>
      <Field label={t("costs.description")} errors={fe?.description}>
        <Input name="description" defaultValue={echo?.description ?? ""} maxLength={200} required />
      </Field>
      {category === "staff" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t("costs.hours")} errors={fe?.hours}>
            <Input name="hours" inputMode="decimal" defaultValue={echo?.hours ?? ""} />
          </Field>
          <Field label={t("costs.hourlyRate")} errors={fe?.hourlyRate}>
            <Input name="hourlyRate" inputMode="decimal" defaultValue={echo?.hourlyRate ?? ""} />
          </Field>
        </div>
      ) : (
        <Field label={t("costs.amount")} errors={fe?.amount}>
          <Input name="amount" inputMode="decimal" defaultValue={echo?.amount ?? ""} className="max-w-48" />
        </Field>
      )}
      <p className="text-xs text-slate-600">{t("costs.staffHint")}</p>
      <SubmitButton variant="secondary">{t("costs.add")}</SubmitButton>
    </form>
  );
}
