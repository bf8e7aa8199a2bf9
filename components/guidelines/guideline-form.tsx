"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { createGuidelineAction, updateDraftAction } from "@/app/(dashboard)/guidelines/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Checkbox, Input, Label, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { GuidelineInput } from "@/db/queries/guidelines";
import type { ActionResult } from "@/lib/action-result";
import { SIGNOFF_FUNCTIONS } from "@/lib/enums";
import type { ScopeKind } from "@/lib/guidelines/scope";
import { MarkdownPreview } from "./markdown-preview";

export type GuidelineFormValues = Omit<GuidelineInput, "changeNote"> & { versionId?: number; changeNote: string };

type Option = { id: number; name: string };

const SCOPES: ScopeKind[] = ["company", "departments", "channels"];

function ErrorText({ id, errors }: { id: string; errors?: string[] }) {
  const t = useTranslations();
  if (!errors?.length) return null;
  return (
    <p id={id} className="text-sm text-red-700">
      {errors.map((e) => (t.has(e) ? t(e) : e)).join(" ")}
    </p>
  );
}

/** A group of checkboxes named `name[]`, so the action receives a list. */
function CheckboxGroup<T extends string | number>({
  legend,
  name,
  options,
  selected,
  onToggle,
  errors,
  hint,
}: {
  legend: string;
  name: string;
  options: { id: T; name: string }[];
  selected: T[];
  onToggle: (id: T) => void;
  errors?: string[];
  hint?: string;
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset className="space-y-2" aria-describedby={errors?.length ? errorId : undefined} aria-invalid={errors?.length ? true : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? <p className="text-xs text-slate-600">{hint}</p> : null}
      <div className="grid gap-1 sm:grid-cols-2">
        {options.map((o) => (
          <div key={o.id} className="flex items-center gap-2">
            <Checkbox id={`${name}-${o.id}`} name={`${name}[]`} value={o.id} checked={selected.includes(o.id)} onChange={() => onToggle(o.id)} />
            <Label htmlFor={`${name}-${o.id}`} className="font-normal">
              {o.name}
            </Label>
          </div>
        ))}
      </div>
      <ErrorText id={errorId} errors={errors} />
    </fieldset>
  );
}

export function GuidelineForm({ initial, departments, channels }: { initial: GuidelineFormValues; departments: Option[]; channels: Option[] }) {
  const t = useTranslations("guidelines");
  const editing = initial.versionId !== undefined;
  const [state, formAction] = useActionState<ActionResult<unknown> | undefined, FormData>(editing ? updateDraftAction : createGuidelineAction, undefined);
  const [scope, setScope] = useState<ScopeKind>(initial.scope);
  const [body, setBody] = useState(initial.bodyMd);
  // Controlled, so a failed save keeps what was ticked.
  const [deps, setDeps] = useState(initial.departmentIds);
  const [chans, setChans] = useState(initial.channelIds);
  const [signoffs, setSignoffs] = useState(initial.requiredSignoffs);
  const toggle = <T,>(set: (f: (xs: T[]) => T[]) => void) => (id: T) => set((xs) => (xs.includes(id) ? xs.filter((x) => x !== id) : [...xs, id]));
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;

  return (
    <form action={formAction} className="grid gap-6 lg:grid-cols-2" noValidate>
      <Card className="space-y-5">
        <ActionNotice state={state} />
        {editing ? <input type="hidden" name="versionId" value={initial.versionId} /> : null}
        <Field label={t("fields.title")} errors={fe?.title}>
          <Input name="title" defaultValue={values?.title ?? initial.title} required maxLength={200} />
        </Field>

        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">{t("fields.scope")}</legend>
          {SCOPES.map((s) => (
            <div key={s} className="flex items-center gap-2">
              <input type="radio" id={`scope-${s}`} name="scope" value={s} checked={scope === s} onChange={() => setScope(s)} className="h-4 w-4" />
              <Label htmlFor={`scope-${s}`} className="font-normal">
                {t(`scope.${s}`)}
              </Label>
            </div>
          ))}
        </fieldset>
        {scope === "departments" ? (
          <CheckboxGroup legend={t("fields.departments")} name="departmentIds" options={departments} selected={deps} onToggle={toggle(setDeps)} errors={fe?.departmentIds} />
        ) : null}
        {scope === "channels" ? (
          channels.length ? (
            <CheckboxGroup legend={t("fields.channels")} name="channelIds" options={channels} selected={chans} onToggle={toggle(setChans)} errors={fe?.channelIds} />
          ) : (
            <div>
              <p className="text-sm text-slate-600">{t("editor.noChannels")}</p>
              <ErrorText id="channelIds-error" errors={fe?.channelIds} />
            </div>
          )
        ) : null}

        <CheckboxGroup
          legend={t("fields.requiredSignoffs")}
          hint={t("editor.signoffHint")}
          name="requiredSignoffs"
          options={SIGNOFF_FUNCTIONS.map((f) => ({ id: f, name: t(`functions.${f}`) }))}
          selected={signoffs}
          onToggle={toggle(setSignoffs)}
          errors={fe?.requiredSignoffs}
        />

        <Field label={t("fields.body")} errors={fe?.bodyMd} hint={t("editor.bodyHint")}>
          <Textarea name="bodyMd" value={body} onChange={(e) => setBody(e.target.value)} rows={22} className="font-mono" required />
        </Field>
        <Field label={t("fields.changeNote")} errors={fe?.changeNote}>
          <Input name="changeNote" defaultValue={values?.changeNote ?? initial.changeNote} maxLength={500} />
        </Field>
        <SubmitButton>{editing ? t("editor.saveDraft") : t("editor.create")}</SubmitButton>
      </Card>
      <MarkdownPreview markdown={body} />
    </form>
  );
}
