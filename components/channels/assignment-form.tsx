"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { setAssignmentAction } from "@/app/(dashboard)/channels/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { OptionList } from "@/components/ui/option-list";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import { RESPONSIBILITIES } from "@/lib/channels/constants";

/** Sets one department's responsibility for the channel (adds or changes the assignment). */
export function AssignmentForm({ channelId, departments }: { channelId: number; departments: { id: number; name: string }[] }) {
  const t = useTranslations("channels");
  const [state, formAction] = useActionState<ActionResult<{ id: number }> | undefined, FormData>(setAssignmentAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label={t("detail.setAssignment")}>
      <h3 className="font-medium text-slate-900">{t("detail.setAssignment")}</h3>
      <ActionNotice state={state} success={t("detail.assignmentSaved")} />
      <input type="hidden" name="channelId" value={channelId} />
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        <Field label={t("fields.department")} errors={fe?.departmentId}>
          <Select name="departmentId" defaultValue="">
            <OptionList items={departments} empty={t("form.noDepartment")} />
          </Select>
        </Field>
        <Field label={t("detail.responsibility")} errors={fe?.responsibility}>
          <Select name="responsibility" defaultValue="contributor">
            {RESPONSIBILITIES.map((r) => (
              <option key={r} value={r}>
                {t(`responsibilities.${r}`)}
              </option>
            ))}
          </Select>
        </Field>
        <SubmitButton>{t("detail.assign")}</SubmitButton>
      </div>
      <p className="text-xs text-slate-600">{t("detail.handoverHint")}</p>
    </form>
  );
}
