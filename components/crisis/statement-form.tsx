"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createStatementAction } from "@/app/(dashboard)/crisis/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import { CRISIS_TYPES, INSIGHT_LANGUAGES } from "@/lib/enums";

/** A new holding statement; it then goes through the guidelines' sign-off (legal, communications). */
export function StatementForm() {
  const t = useTranslations("crisis");
  const [state, formAction] = useActionState<ActionResult<unknown> | undefined, FormData>(createStatementAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const v = state && !state.ok ? state.values : undefined;
  return (
    <Card className="max-w-3xl">
      <form action={formAction} className="space-y-4" noValidate aria-label={t("statements.new")}>
        <ActionNotice state={state} />
        <Field label={t("statements.titleField")} errors={fe?.title}>
          <Input name="title" defaultValue={v?.title ?? ""} maxLength={160} required />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("fields.type")} errors={fe?.crisisType}>
            <Select name="crisisType" defaultValue={v?.crisisType ?? "product_defect"}>
              {CRISIS_TYPES.map((c) => (
                <option key={c} value={c}>
                  {t(`types.${c}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("statements.language")} errors={fe?.language}>
            <Select name="language" defaultValue={v?.language ?? "de"}>
              {INSIGHT_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`advocates.languageNames.${l}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label={t("statements.body")} errors={fe?.body} hint={t("statements.bodyHint")}>
          <Textarea name="body" rows={8} maxLength={5000} defaultValue={v?.body ?? ""} required />
        </Field>
        <SubmitButton>{t("statements.create")}</SubmitButton>
      </form>
    </Card>
  );
}
