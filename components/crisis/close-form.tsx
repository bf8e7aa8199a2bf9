"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { closeCrisisAction } from "@/app/(dashboard)/crisis/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";

/** Closing a crisis asks for a short summary (what happened, how it ended) and a confirmation. */
export function CloseCrisisForm({ crisisId }: { crisisId: number }) {
  const t = useTranslations("crisis.close");
  const [state, formAction] = useActionState<ActionResult<unknown> | undefined, FormData>(closeCrisisAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      action={formAction}
      className="space-y-3"
      aria-label={t("title")}
      noValidate
      onSubmit={(e) => {
        if (!window.confirm(t("confirm"))) e.preventDefault();
      }}
    >
      <ActionNotice state={state} />
      <input type="hidden" name="id" value={crisisId} />
      <Field label={t("summary")} errors={fe?.summary} hint={t("hint")}>
        <Textarea name="summary" rows={4} maxLength={5000} defaultValue={state && !state.ok ? state.values?.summary : undefined} required />
      </Field>
      <SubmitButton variant="danger">{t("submit")}</SubmitButton>
    </form>
  );
}
