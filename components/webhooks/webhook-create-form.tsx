"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { createWebhookAction } from "@/app/(dashboard)/admin/webhooks/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Checkbox, Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";

type Created = { id: number; url: string; secret: string };

export function WebhookCreateForm() {
  const t = useTranslations();
  const [state, formAction] = useActionState<ActionResult<Created> | undefined, FormData>(createWebhookAction, undefined);
  const [copied, setCopied] = useState(false);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const created = state?.ok ? state.data : undefined;
  return (
    <Card>
      <form action={formAction} className="space-y-4" noValidate key={created ? `done-${created.id}` : "form"}>
        <h2 className="font-medium">{t("admin.webhooks.new")}</h2>
        {created ? (
          <Notice tone="success">
            <p>{t("admin.webhooks.created")}</p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <code className="break-all rounded bg-white px-2 py-1 text-xs" data-testid="new-webhook-secret">
                {created.secret}
              </code>
              <Button size="sm" variant="secondary" onClick={() => navigator.clipboard?.writeText(created.secret).then(() => setCopied(true))}>
                {copied ? t("admin.webhooks.copied") : t("admin.webhooks.copy")}
              </Button>
            </div>
          </Notice>
        ) : (
          <ActionNotice state={state} />
        )}
        <Field label={t("admin.webhooks.url")} hint={t("admin.webhooks.urlHint")} errors={fe?.url}>
          <Input name="url" type="url" inputMode="url" defaultValue={values?.url} placeholder="https://crm.example.com/hooks" required />
        </Field>
        <fieldset className="space-y-2" aria-describedby={fe?.events ? "events-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t("admin.webhooks.events")}</legend>
          {WEBHOOK_EVENTS.map((e) => (
            <label key={e} className="flex items-start gap-2 text-sm">
              <Checkbox name="events[]" value={e} className="mt-0.5" />
              <span>
                {t(`admin.webhooks.event.${e.replace(".", "_")}`)} <code className="text-xs text-slate-600">{e}</code>
              </span>
            </label>
          ))}
          {fe?.events ? (
            <p id="events-error" className="text-sm text-red-700">
              {fe.events.map((m) => (t.has(m) ? t(m) : m)).join(" ")}
            </p>
          ) : null}
        </fieldset>
        <Field label={t("admin.webhooks.secret")} hint={t("admin.webhooks.secretHint")} errors={fe?.secret}>
          <Input name="secret" autoComplete="off" spellCheck={false} />
        </Field>
        <div className="space-y-1">
          <label className="flex items-start gap-2 text-sm">
            <Checkbox name="internalCrm" className="mt-0.5" aria-describedby="internal-crm-hint" />
            <span>{t("admin.webhooks.internalCrm")}</span>
          </label>
          <p id="internal-crm-hint" className="text-xs text-slate-600">
            {t("admin.webhooks.internalCrmHint")}
          </p>
        </div>
        <SubmitButton>{t("common.actions.create")}</SubmitButton>
      </form>
    </Card>
  );
}
