"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { runRetentionAction, saveRetentionAction, setWorksCouncilModeAction } from "@/app/(dashboard)/admin/privacy/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Field } from "@/components/ui/field";
import { Checkbox, Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import type { RetentionSettings } from "@/lib/privacy/retention";

/** The retention periods in months; an empty field keeps that data. Category names come translated from the page. */
export function RetentionForm({ current, categories }: { current: RetentionSettings; categories: { key: string; label: string }[] }) {
  const t = useTranslations("admin.privacy");
  const [state, formAction] = useActionState<ActionResult<{ saved: boolean }> | undefined, FormData>(saveRetentionAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const initial = (name: string, v: number | null) => values?.[name] ?? (v === null ? "" : String(v));
  return (
    <form action={formAction} className="space-y-4" noValidate key={state && !state.ok ? JSON.stringify(values ?? {}) : "form"}>
      <ActionNotice state={state} success={t("saved")} />
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-medium text-slate-800">{t("insightsLegend")}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {categories.map((c) => (
            <Field key={c.key} label={c.label} errors={fe?.[`insight_${c.key}`]}>
              <Input
                name={`insight_${c.key}`}
                type="number"
                min={1}
                max={120}
                inputMode="numeric"
                defaultValue={initial(`insight_${c.key}`, current.insights[c.key as keyof RetentionSettings["insights"]])}
                placeholder={t("keep")}
                className="max-w-32"
              />
            </Field>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("auditMonths")} errors={fe?.auditMonths}>
          <Input name="auditMonths" type="number" min={1} max={120} inputMode="numeric" defaultValue={initial("auditMonths", current.auditMonths)} placeholder={t("keep")} className="max-w-32" />
        </Field>
        <Field label={t("notificationMonths")} errors={fe?.notificationMonths} hint={t("notificationHint")}>
          <Input
            name="notificationMonths"
            type="number"
            min={1}
            max={120}
            inputMode="numeric"
            defaultValue={initial("notificationMonths", current.notificationMonths)}
            placeholder={t("keep")}
            className="max-w-32"
          />
        </Field>
      </div>
      <p className="text-xs text-slate-600">{t("monthsHint")}</p>
      <SubmitButton>{t("save")}</SubmitButton>
    </form>
  );
}

/** Runs the retention now, after a confirmation (what it erases cannot be brought back). */
export function RunRetentionButton() {
  const t = useTranslations("admin.privacy");
  const [state, formAction] = useActionState<ActionResult<{ anonymised: number }> | undefined, FormData>(runRetentionAction, undefined);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!window.confirm(t("runConfirm"))) e.preventDefault();
      }}
      className="space-y-2"
    >
      <ActionNotice state={state} success={state?.ok ? t("ran", { count: state.data?.anonymised ?? 0 }) : undefined} />
      <SubmitButton variant="secondary">{t("runNow")}</SubmitButton>
    </form>
  );
}

/** Works-council mode: one box, saved with a confirmation of what it now does. */
export function WorksCouncilModeForm({ on, minGroup }: { on: boolean; minGroup: number }) {
  const t = useTranslations("admin.privacy");
  const [state, formAction] = useActionState<ActionResult<{ on: boolean }> | undefined, FormData>(setWorksCouncilModeAction, undefined);
  return (
    <form action={formAction} className="space-y-3">
      <ActionNotice state={state} success={state?.ok ? t(state.data?.on ? "worksCouncilOn" : "worksCouncilOff") : undefined} />
      <label className="flex items-start gap-2 text-sm">
        <Checkbox name="on" defaultChecked={on} className="mt-0.5" />
        <span>{t("worksCouncilLabel", { n: minGroup })}</span>
      </label>
      <SubmitButton variant="secondary">{t("worksCouncilSave")}</SubmitButton>
    </form>
  );
}
