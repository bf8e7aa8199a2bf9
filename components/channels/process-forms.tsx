"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createProcessAction, renameProcessAction } from "@/app/(dashboard)/channels/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { OptionList } from "@/components/ui/option-list";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import { formKey } from "./form-key";

type Saved = { id: number; name: string };

export function ProcessCreateForm({ departments, departmentId }: { departments: { id: number; name: string }[]; departmentId?: number }) {
  const t = useTranslations("channels.processes");
  const tc = useTranslations("common.actions");
  const [state, formAction] = useActionState<ActionResult<Saved> | undefined, FormData>(createProcessAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <Card>
      <form action={formAction} className="space-y-4" noValidate key={formKey(state)} aria-label={t("new")}>
        <h2 className="font-medium text-slate-900">{t("new")}</h2>
        <ActionNotice state={state} success={state?.ok && state.data ? t("created", { name: state.data.name }) : undefined} />
        <Field label={t("department")} errors={fe?.departmentId}>
          <Select name="departmentId" defaultValue={values?.departmentId ?? departmentId ?? ""}>
            <OptionList items={departments} empty="—" />
          </Select>
        </Field>
        <Field label={t("name")} errors={fe?.name}>
          <Input name="name" defaultValue={values?.name} required maxLength={120} />
        </Field>
        <Field label={t("description")} errors={fe?.description}>
          <Textarea name="description" defaultValue={values?.description} rows={2} maxLength={500} />
        </Field>
        <SubmitButton>{tc("create")}</SubmitButton>
      </form>
    </Card>
  );
}

/** Rename (and re-describe) one process; opens in place so the list stays in view. */
export function ProcessRenameForm({ process }: { process: { id: number; name: string; description: string | null } }) {
  const t = useTranslations("channels.processes");
  const tc = useTranslations("common.actions");
  const [state, formAction] = useActionState<ActionResult<Saved> | undefined, FormData>(renameProcessAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-blue-800" aria-label={t("renameLabel", { name: process.name })}>
        {t("rename")}
      </summary>
      <form action={formAction} className="mt-2 space-y-3" noValidate>
        <ActionNotice state={state} success={t("saved")} />
        <input type="hidden" name="id" value={process.id} />
        <Field label={t("name")} errors={fe?.name}>
          <Input name="name" defaultValue={values?.name ?? process.name} required maxLength={120} />
        </Field>
        <Field label={t("description")} errors={fe?.description}>
          <Textarea name="description" defaultValue={values?.description ?? process.description ?? ""} rows={2} maxLength={500} />
        </Field>
        <SubmitButton size="sm">{tc("save")}</SubmitButton>
      </form>
    </details>
  );
}
