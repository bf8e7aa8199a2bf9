"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useState } from "react";
import { createAdvocateAction, updateAdvocateAction } from "@/app/(dashboard)/crisis/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import { ADVOCATE_KINDS, CONSENT_METHODS, INSIGHT_LANGUAGES } from "@/lib/enums";

export interface AdvocateFormValues {
  id: number;
  kind: string;
  userId: number | null;
  name: string;
  email: string;
  platforms: string;
  languages: string[];
  topics: string;
  consentAt: string;
  consentScope: string;
  consentMethod: string;
  consentExpiresAt: string;
  note: string;
}

/**
 * An advocate of the register: who they are (an employee chosen as a user, or an external with
 * name and e-mail), where and in which languages they speak, their topics, and the consent on
 * record — date, scope, how it was given, until when.
 */
export function AdvocateForm({ advocate, users }: { advocate?: AdvocateFormValues; users: { id: number; name: string }[] }) {
  const t = useTranslations("crisis.advocates");
  const [state, formAction] = useActionState<ActionResult<unknown> | undefined, FormData>(advocate ? updateAdvocateAction : createAdvocateAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const v = state && !state.ok ? state.values : undefined;
  const [kind, setKind] = useState(v?.kind ?? advocate?.kind ?? "employee");
  const langs = new Set(advocate?.languages ?? ["de"]);
  return (
    <Card className="max-w-3xl">
      <form
        // Submitted by hand, not through `action`: React resets a form after an action, which would
        // put the controlled kind select back to its first option while the form still shows a
        // supporter's fields.
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          startTransition(() => formAction(data));
        }}
        className="space-y-4"
        noValidate
        aria-label={advocate ? t("edit") : t("new")}
      >
        <ActionNotice state={state} success={advocate ? t("saved") : undefined} />
        {advocate ? <input type="hidden" name="id" value={advocate.id} /> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("kind")} errors={fe?.kind}>
            <Select name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              {ADVOCATE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </Select>
          </Field>
          {kind === "employee" ? (
            <Field label={t("user")} errors={fe?.userId} hint={t("userHint")}>
              <Select name="userId" defaultValue={v?.userId ?? String(advocate?.userId ?? "")}>
                <option value="">–</option>
                {users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </Select>
            </Field>
          ) : (
            <>
              <Field label={t("name")} errors={fe?.name}>
                <Input name="name" defaultValue={v?.name ?? advocate?.name ?? ""} maxLength={160} autoComplete="off" />
              </Field>
              <Field label={t("email")} errors={fe?.email}>
                <Input name="email" type="email" defaultValue={v?.email ?? advocate?.email ?? ""} maxLength={254} autoComplete="off" />
              </Field>
            </>
          )}
        </div>
        <Field label={t("platforms")} errors={fe?.platforms} hint={t("platformsHint")}>
          <Textarea name="platforms" rows={3} defaultValue={v?.platforms ?? advocate?.platforms ?? ""} maxLength={2000} />
        </Field>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">{t("languages")}</legend>
          <div className="mt-1 flex gap-4">
            {INSIGHT_LANGUAGES.map((l) => (
              <label key={l} className="flex items-center gap-2 text-sm text-slate-800">
                <Checkbox name="languages[]" value={l} defaultChecked={langs.has(l)} />
                {t(`languageNames.${l}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={t("topics")} errors={fe?.topics} hint={t("topicsHint")}>
          <Input name="topics" defaultValue={v?.topics ?? advocate?.topics ?? ""} maxLength={1000} />
        </Field>
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-800">{t("consent")}</legend>
          <p className="text-xs text-slate-600">{t("consentHint")}</p>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t("consentAt")} errors={fe?.consentAt}>
              <Input name="consentAt" type="date" defaultValue={v?.consentAt ?? advocate?.consentAt ?? ""} />
            </Field>
            <Field label={t("consentMethod")} errors={fe?.consentMethod}>
              <Select name="consentMethod" defaultValue={v?.consentMethod ?? advocate?.consentMethod ?? ""}>
                <option value="">–</option>
                {CONSENT_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {t(`methods.${m}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("consentScope")} errors={fe?.consentScope} hint={t("consentScopeHint")}>
              <Input name="consentScope" defaultValue={v?.consentScope ?? advocate?.consentScope ?? ""} maxLength={500} />
            </Field>
            <Field label={t("consentExpiresAt")} errors={fe?.consentExpiresAt} hint={t("consentExpiresHint")}>
              <Input name="consentExpiresAt" type="date" defaultValue={v?.consentExpiresAt ?? advocate?.consentExpiresAt ?? ""} />
            </Field>
          </div>
        </fieldset>
        <Field label={t("note")} errors={fe?.note}>
          <Textarea name="note" rows={2} defaultValue={v?.note ?? advocate?.note ?? ""} maxLength={2000} />
        </Field>
        <SubmitButton>{t("save")}</SubmitButton>
      </form>
    </Card>
  );
}
