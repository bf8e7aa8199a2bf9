"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { addCrisisInsightAction } from "@/app/(dashboard)/crisis/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";

/** Adds an insight the crisis's channels and topics did not catch, by its number. */
export function AddInsightForm({ crisisId }: { crisisId: number }) {
  const t = useTranslations("crisis.room");
  const [state, formAction] = useActionState<ActionResult<{ insightId: number; added: boolean }> | undefined, FormData>(addCrisisInsightAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const done = state?.ok ? state.data : undefined;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" aria-label={t("addInsight")} noValidate>
      <input type="hidden" name="id" value={crisisId} />
      <Field label={t("insightNumber")} errors={fe?.insightId}>
        <Input name="insightId" inputMode="numeric" className="w-40" />
      </Field>
      <SubmitButton variant="secondary">{t("addInsight")}</SubmitButton>
      <div className="basis-full">
        <ActionNotice state={state} success={done ? (done.added ? t("insightAdded", { id: done.insightId }) : t("insightThere", { id: done.insightId })) : undefined} />
      </div>
    </form>
  );
}
