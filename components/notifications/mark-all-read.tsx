"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { markAllNotificationsReadAction } from "@/app/(dashboard)/notifications/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";

export function MarkAllRead() {
  const t = useTranslations("notifications");
  const [state, formAction] = useActionState<ActionResult<{ count: number }> | undefined, FormData>(markAllNotificationsReadAction, undefined);
  return (
    <form action={formAction} className="space-y-2">
      <ActionNotice state={state} success={state?.ok ? t("markedRead", { count: state.data?.count ?? 0 }) : undefined} />
      <SubmitButton size="sm" variant="secondary">
        {t("markAllRead")}
      </SubmitButton>
    </form>
  );
}
