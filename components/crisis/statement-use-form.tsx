"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { recordStatementAction } from "@/app/(dashboard)/crisis/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Field } from "@/components/ui/field";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";

export interface ApprovedStatement {
  versionId: number;
  label: string;
  body: string;
}

/**
 * Uses an approved holding statement: pick it, adapt the text to the case (the room then shows
 * the difference to the approved words), and say where it was posted.
 */
export function StatementUseForm({ crisisId, statements, channels }: { crisisId: number; statements: ApprovedStatement[]; channels: { id: number; name: string }[] }) {
  const t = useTranslations("crisis.statements");
  const [state, formAction] = useActionState<ActionResult<unknown> | undefined, FormData>(recordStatementAction, undefined);
  const [versionId, setVersionId] = useState<string>("");
  const [text, setText] = useState("");
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" aria-label={t("use")} noValidate key={state?.ok ? "used" : "form"}>
      <ActionNotice state={state} success={state?.ok ? t("used") : undefined} />
      <input type="hidden" name="id" value={crisisId} />
      <Field label={t("choose")} errors={fe?.versionId}>
        <Select
          name="versionId"
          value={versionId}
          onChange={(e) => {
            setVersionId(e.target.value);
            setText(statements.find((s) => String(s.versionId) === e.target.value)?.body ?? "");
          }}
        >
          <option value="">–</option>
          {statements.map((s) => (
            <option key={s.versionId} value={s.versionId}>
              {s.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("text")} errors={fe?.text} hint={t("textHint")}>
        <Textarea name="text" rows={6} maxLength={5000} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t("postedOn")}</legend>
        <div className="grid max-h-48 gap-1 overflow-y-auto rounded border border-slate-200 p-2 sm:grid-cols-2">
          {channels.map((c) => (
            <label key={c.id} className="flex min-w-0 items-center gap-2 text-sm text-slate-800">
              <Checkbox name="channelIds[]" value={c.id} />
              <span className="truncate">{c.name}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={t("postedNote")} errors={fe?.postedNote}>
        <Input name="postedNote" maxLength={500} />
      </Field>
      <SubmitButton>{t("record")}</SubmitButton>
    </form>
  );
}
