"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { saveNotificationPreferencesAction } from "@/app/(dashboard)/profile/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import { NOTIFICATION_DELIVERIES, type NotificationDelivery, SWITCHABLE_NOTIFICATION_KINDS, type SwitchableNotificationKind } from "@/lib/enums";

/**
 * One radio group per kind of notification: e-mail at once, in the morning digest, or none. The
 * in-app list always shows every notification; this only decides the mail.
 */
export function NotificationPreferencesForm({ initial }: { initial: Record<SwitchableNotificationKind, NotificationDelivery> }) {
  const t = useTranslations("notifications.preferences");
  const tAll = useTranslations();
  const [state, formAction] = useActionState<ActionResult<{ changed: number }> | undefined, FormData>(saveNotificationPreferencesAction, undefined);
  // After a failed save the form shows what was chosen, not what is stored.
  const chosen = (kind: SwitchableNotificationKind) => (state && !state.ok ? (state.values?.[kind] as NotificationDelivery | undefined) : undefined) ?? initial[kind];
  return (
    <form action={formAction} className="space-y-4">
      <ActionNotice state={state} success={state?.ok ? t("saved", { count: state.data?.changed ?? 0 }) : undefined} />
      {SWITCHABLE_NOTIFICATION_KINDS.map((kind) => (
        <fieldset key={kind} className="rounded-lg border border-slate-200 bg-white p-4" aria-describedby={`pref-${kind}-hint`}>
          <legend className="px-1 font-medium">{t(`kind.${kind}`)}</legend>
          <p id={`pref-${kind}-hint`} className="mb-2 text-sm text-slate-600">
            {t(`hint.${kind}`)}
          </p>
          <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:gap-6">
            {NOTIFICATION_DELIVERIES.map((d) => (
              <label key={d} className="inline-flex items-center gap-2">
                <input type="radio" name={kind} value={d} defaultChecked={chosen(kind) === d} className="h-4 w-4" />
                {t(`delivery.${d}`)}
              </label>
            ))}
          </div>
          {state && !state.ok && state.fieldErrors?.[kind] ? (
            <p className="mt-2 text-sm text-red-700">{state.fieldErrors[kind]!.map((e) => (tAll.has(e) ? tAll(e) : e)).join(" ")}</p>
          ) : null}
        </fieldset>
      ))}
      <p className="text-sm text-slate-600">{t("crisisNote")}</p>
      <SubmitButton>{t("save")}</SubmitButton>
    </form>
  );
}
