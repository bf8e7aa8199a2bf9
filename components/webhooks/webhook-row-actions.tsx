"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { deleteWebhookAction, enableWebhookAction, redeliverWebhookAction } from "@/app/(dashboard)/admin/webhooks/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";

export function DeleteWebhookButton({ id, url }: { id: number; url: string }) {
  const t = useTranslations("admin.webhooks");
  const [state, formAction] = useActionState<ActionResult<{ id: number }> | undefined, FormData>(deleteWebhookAction, undefined);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!window.confirm(t("deleteConfirm", { url }))) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      {state && !state.ok ? <ActionNotice state={state} /> : null}
      <SubmitButton variant="danger" size="sm" aria-label={`${t("delete")}: ${url}`}>
        {t("delete")}
      </SubmitButton>
    </form>
  );
}

export function EnableWebhookButton({ id, url }: { id: number; url: string }) {
  const t = useTranslations("admin.webhooks");
  const [state, formAction] = useActionState<ActionResult<{ id: number }> | undefined, FormData>(enableWebhookAction, undefined);
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={id} />
      {state && !state.ok ? <ActionNotice state={state} /> : null}
      <SubmitButton variant="secondary" size="sm" aria-label={`${t("enable")}: ${url}`}>
        {t("enable")}
      </SubmitButton>
    </form>
  );
}

export function RedeliverButton({ id, label }: { id: number; label: string }) {
  const t = useTranslations("admin.webhooks");
  const [state, formAction] = useActionState<ActionResult<{ id: number; outcome: string }> | undefined, FormData>(redeliverWebhookAction, undefined);
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="id" value={id} />
      <ActionNotice state={state} success={t("redelivered")} />
      <SubmitButton variant="secondary" size="sm" aria-label={`${t("redeliver")}: ${label}`}>
        {t("redeliver")}
      </SubmitButton>
    </form>
  );
}
