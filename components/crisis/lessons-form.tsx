"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { lessonsAction } from "@/app/(dashboard)/crisis/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";

/** The team's lessons learned, beside the post-mortem's figures; the next crisis starts from them. */
export function LessonsForm({ crisisId, value }: { crisisId: number; value: string | null }) {
  const t = useTranslations("crisis.postMortem");
  const [state, formAction] = useActionState<ActionResult<unknown> | undefined, FormData>(lessonsAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-3" aria-label={t("lessons")} noValidate>
      <ActionNotice state={state} success={t("lessonsSaved")} />
      <input type="hidden" name="id" value={crisisId} />
      <Field label={t("lessons")} errors={fe?.lessonsLearned} hint={t("lessonsHint")}>
        <Textarea name="lessonsLearned" rows={5} maxLength={10_000} defaultValue={state && !state.ok ? state.values?.lessonsLearned : (value ?? "")} />
      </Field>
      <SubmitButton variant="secondary">{t("saveLessons")}</SubmitButton>
    </form>
  );
}
