"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { saveControllerAction } from "@/app/(dashboard)/admin/privacy/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import type { Controller } from "@/lib/privacy/record";

/** Who is responsible (Art. 30(1)(a) GDPR): the name at the top of the record of processing. */
export function ControllerForm({ current }: { current: Controller }) {
  const t = useTranslations("admin.record");
  const [state, formAction] = useActionState<ActionResult<{ saved: boolean }> | undefined, FormData>(saveControllerAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const initial = (k: keyof Controller) => values?.[k] ?? current[k];
  return (
    <form action={formAction} className="space-y-3" noValidate key={state && !state.ok ? JSON.stringify(values ?? {}) : "form"}>
      <ActionNotice state={state} success={t("controllerSaved")} />
      <Field label={t("controllerName")} errors={fe?.name}>
        <Input name="name" defaultValue={initial("name")} maxLength={200} autoComplete="organization" required />
      </Field>
      <Field label={t("controllerAddress")} errors={fe?.address}>
        <Textarea name="address" defaultValue={initial("address")} rows={3} maxLength={500} />
      </Field>
      <Field label={t("controllerContact")} errors={fe?.contact}>
        <Input name="contact" defaultValue={initial("contact")} maxLength={300} />
      </Field>
      <Field label={t("controllerDpo")} errors={fe?.dpo}>
        <Input name="dpo" defaultValue={initial("dpo")} maxLength={300} />
      </Field>
      <SubmitButton>{t("controllerSave")}</SubmitButton>
    </form>
  );
}
