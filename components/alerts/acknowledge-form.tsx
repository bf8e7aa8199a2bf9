"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { acknowledgeAlertAction } from "@/app/(dashboard)/alerts/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";

export function AcknowledgeForm({ id, kpiName }: { id: number; kpiName: string }) {
  const t = useTranslations("alerts");
  const [open, setOpen] = useState(false);
  const [state, formAction] = useActionState<ActionResult<{ id: number }> | undefined, FormData>(acknowledgeAlertAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  if (state?.ok) return <ActionNotice state={state} success={t("acknowledged")} />;
  if (!open) {
    return (
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)} aria-label={t("acknowledgeTitle", { kpi: kpiName })}>
        {t("acknowledge")}
      </Button>
    );
  }
  return (
    <form action={formAction} className="space-y-2" noValidate aria-label={t("acknowledgeTitle", { kpi: kpiName })}>
      <ActionNotice state={state} />
      <input type="hidden" name="id" value={id} />
      <Field label={t("comment")} errors={fe?.comment}>
        <Textarea name="comment" defaultValue={state && !state.ok ? state.values?.comment : undefined} maxLength={1000} autoFocus />
      </Field>
      <SubmitButton size="sm">{t("acknowledge")}</SubmitButton>
    </form>
  );
}
