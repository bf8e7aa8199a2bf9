"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { createTokenAction } from "@/app/(dashboard)/admin/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Checkbox, Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import { API_SCOPES } from "@/lib/api-tokens/scopes";

type Created = { id: number; name: string; token: string };

export function TokenCreateForm() {
  const t = useTranslations();
  const [state, formAction] = useActionState<ActionResult<Created> | undefined, FormData>(createTokenAction, undefined);
  const [copied, setCopied] = useState(false);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const created = state?.ok ? state.data : undefined;
  return (
    <Card>
      <form action={formAction} className="space-y-4" noValidate key={created ? `done-${created.id}` : "form"}>
        <h2 className="font-medium">{t("admin.tokens.new")}</h2>
        {created ? (
          <Notice tone="success">
            <p>{t("admin.tokens.created", { name: created.name })}</p>
            <div className="mt-2 flex items-center gap-2">
              <code className="break-all rounded bg-white px-2 py-1 text-xs" data-testid="new-token">
                {created.token}
              </code>
              <Button
                size="sm"
                variant="secondary"
                onClick={() => navigator.clipboard?.writeText(created.token).then(() => setCopied(true))}
              >
                {copied ? t("admin.tokens.copied") : t("admin.tokens.copy")}
              </Button>
            </div>
          </Notice>
        ) : (
          <ActionNotice state={state} />
        )}
        <Field label={t("admin.tokens.name")} errors={fe?.name}>
          <Input name="name" defaultValue={state && !state.ok ? state.values?.name : undefined} required />
        </Field>
        <fieldset className="space-y-2" aria-describedby={fe?.scopes ? "scopes-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t("admin.tokens.scopes")}</legend>
          {API_SCOPES.map((s) => (
            <label key={s} className="flex items-center gap-2 text-sm">
              <Checkbox name="scopes[]" value={s} />
              {t(`admin.tokens.scope.${s}`)} <code className="text-xs text-slate-500">{s}</code>
            </label>
          ))}
          {fe?.scopes ? (
            <p id="scopes-error" className="text-sm text-red-700">
              {fe.scopes.map((e) => (t.has(e) ? t(e) : e)).join(" ")}
            </p>
          ) : null}
        </fieldset>
        <SubmitButton>{t("common.actions.create")}</SubmitButton>
      </form>
    </Card>
  );
}
