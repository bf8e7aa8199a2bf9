"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useConfirmedAction } from "./use-action-outcome";
import { signoffAction } from "@/app/(dashboard)/guidelines/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import { defaultSignoffFunction } from "@/lib/guidelines/access";
import type { SignoffDecision, SignoffFunction } from "@/lib/guidelines/lifecycle";

/**
 * A sign-off: `own` when the signed-in person signs for a function they hold (under their own
 * name), `on_behalf` when the central unit records a decision taken elsewhere (who, and where it is
 * documented). A rejection needs a reason and returns the version to draft. Functions that have
 * decided in this review round are shown but not offered, and never preselected.
 */
export function SignoffForm({
  versionId,
  mode,
  functions,
  decisions,
  signerName,
}: {
  versionId: number;
  mode: "own" | "on_behalf";
  functions: SignoffFunction[];
  decisions: Partial<Record<SignoffFunction, SignoffDecision>>;
  signerName?: string;
}) {
  const t = useTranslations("guidelines");
  const confirmed = useConfirmedAction<{ decision: string }>(
    signoffAction,
    (d) => (d?.decision === "rejected" ? t("signoff.rejectedNotice") : t("signoff.recorded")),
  );
  const [state, formAction] = useActionState<ActionResult<{ decision: string }> | undefined, FormData>(confirmed, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const first = defaultSignoffFunction(functions, { decisions });
  const prefix = `signoff-${mode}`;
  if (!first) {
    return <p className="text-sm text-slate-700">{t("signoff.allDecided")}</p>;
  }
  const chosen = values?.function && functions.includes(values.function as SignoffFunction) && !decisions[values.function as SignoffFunction] ? values.function : first;
  return (
    // Keyed by what has been decided, so the choices start over after each sign-off.
    <form key={JSON.stringify(decisions)} action={formAction} className="space-y-3" noValidate aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`} className="font-medium">
        {mode === "own" ? t("signoff.ownTitle") : t("signoff.onBehalfTitle")}
      </h3>
      <p className="text-sm text-slate-600">{mode === "own" ? t("signoff.ownHint", { name: signerName ?? "" }) : t("signoff.onBehalf")}</p>
      <ActionNotice state={state?.ok ? undefined : state} />
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="mode" value={mode} />
      <Field label={t("signoff.function")} errors={fe?.function}>
        <Select name="function" defaultValue={chosen}>
          {functions.map((f) => (
            <option key={f} value={f} disabled={decisions[f] !== undefined}>
              {decisions[f] ? t("signoff.functionDecided", { fn: t(`functions.${f}`), decision: t(`decisions.${decisions[f]}`) }) : t(`functions.${f}`)}
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
      {mode === "on_behalf" ? (
        <>
          <Field label={t("signoff.signatory")} errors={fe?.signatoryName} hint={t("signoff.signatoryHint")}>
            <Input name="signatoryName" defaultValue={values?.signatoryName} required maxLength={120} />
          </Field>
          <Field label={t("signoff.reference")} errors={fe?.reference} hint={t("signoff.referenceHint")}>
            <Input name="reference" defaultValue={values?.reference} required maxLength={500} />
          </Field>
        </>
      ) : null}
      <Field label={t("signoff.comment")} errors={fe?.comment} hint={t("signoff.commentHint")}>
        <Textarea name="comment" defaultValue={values?.comment} maxLength={2000} />
      </Field>
      <SubmitButton>{mode === "own" ? t("signoff.submitOwn") : t("signoff.submit")}</SubmitButton>
    </form>
  );
}
