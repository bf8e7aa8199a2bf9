"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signoffAction } from "@/app/(dashboard)/guidelines/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import type { SignoffFunction } from "@/lib/guidelines/lifecycle";

/** Records a sign-off on behalf of a signing function; a rejection needs a reason and returns the version to draft. */
export function SignoffForm({ versionId, functions }: { versionId: number; functions: SignoffFunction[] }) {
  const t = useTranslations("guidelines");
  const [state, formAction] = useActionState<ActionResult<{ decision: string }> | undefined, FormData>(signoffAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const success = state?.ok ? (state.data?.decision === "rejected" ? t("signoff.rejectedNotice") : t("signoff.recorded")) : undefined;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <h3 className="font-medium">{t("signoff.title")}</h3>
      <p className="text-sm text-slate-600">{t("signoff.onBehalf")}</p>
      <ActionNotice state={state} success={success} />
      <input type="hidden" name="versionId" value={versionId} />
      <Field label={t("signoff.function")} errors={fe?.function}>
        <Select name="function" defaultValue={values?.function ?? functions[0]}>
          {functions.map((f) => (
            <option key={f} value={f}>
              {t(`functions.${f}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("signoff.decision")} errors={fe?.decision}>
        <Select name="decision" defaultValue={values?.decision ?? "approved"}>
          <option value="approved">{t("decisions.approved")}</option>
          <option value="rejected">{t("decisions.rejected")}</option>
        </Select>
      </Field>
      <Field label={t("signoff.signatory")} errors={fe?.signatoryName} hint={t("signoff.signatoryHint")}>
        <Input name="signatoryName" defaultValue={values?.signatoryName} required maxLength={120} />
      </Field>
      <Field label={t("signoff.comment")} errors={fe?.comment} hint={t("signoff.commentHint")}>
        <Textarea name="comment" defaultValue={values?.comment} maxLength={2000} />
      </Field>
      <SubmitButton>{t("signoff.submit")}</SubmitButton>
    </form>
  );
}
