"use client";

import { useTranslations } from "next-intl";
import { retryJobAction } from "@/app/(dashboard)/admin/jobs/actions";
import { ActionButton } from "@/components/guidelines/action-button";

/** Retry for one failed job: asks first (in the page), confirms in a toast, moves focus to the failures' heading (this job's card is gone then). */
export function RetryJobButton({ id, queue, queueLabel }: { id: string; queue: string; queueLabel: string }) {
  const t = useTranslations("admin.jobs");
  return (
    <ActionButton
      action={retryJobAction}
      fields={{ id, queue }}
      label={t("retry")}
      confirm={t("retryConfirm", { queue: queueLabel })}
      confirmLabel={t("retryConfirmButton")}
      success={t("retried")}
      variant="secondary"
      focusId="jobs-failures"
    />
  );
}
