"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createSubjectRequestAction } from "@/app/(dashboard)/insights/subject-requests/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import { PLATFORMS, SUBJECT_REQUEST_KINDS } from "@/lib/enums";

/** A new request: who (platform and handle), what (access or erasure), how it came in. */
export function SubjectRequestForm() {
  const t = useTranslations("insights.subjects");
  const tp = useTranslations("insights.platform");
  const [state, formAction] = useActionState<ActionResult<unknown> | undefined, FormData>(createSubjectRequestAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate key={JSON.stringify(values ?? {})}>
      <ActionNotice state={state} />
      <Field label={t("kind")} errors={fe?.kind}>
        <Select name="kind" defaultValue={values?.kind ?? "access"}>
          {SUBJECT_REQUEST_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("platform")} errors={fe?.platform}>
        <Select name="platform" defaultValue={values?.platform ?? "instagram"}>
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {tp(p)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("handle")} errors={fe?.handle} hint={t("handleHint")}>
        <Input name="handle" defaultValue={values?.handle} required maxLength={200} autoComplete="off" />
      </Field>
      <Field label={t("note")} errors={fe?.note} hint={t("noteHint")}>
        <Textarea name="note" defaultValue={values?.note} rows={2} maxLength={500} />
      </Field>
      <SubmitButton>{t("create")}</SubmitButton>
    </form>
  );
}
