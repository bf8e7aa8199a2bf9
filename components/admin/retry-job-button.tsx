"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { retryJobAction } from "@/app/(dashboard)/admin/jobs/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";

/**
 * Retry for one failed job. The first press only asks (in the page); the second puts the job back.
 * A success is confirmed in a toast, focus moves to the failures' heading, and then the page is
 * refreshed, which takes this job's card away. The form is bound to the server action itself.
 */
export function RetryJobButton({ id, queue, queueLabel }: { id: string; queue: string; queueLabel: string }) {
  const t = useTranslations("admin.jobs");
  const tc = useTranslations("common.actions");
  const toast = useToast();
  const router = useRouter();
  const [state, formAction] = useActionState<ActionResult<{ id: string }> | undefined, FormData>(retryJobAction, undefined);
  const [asking, setAsking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const questionId = useId();

  useEffect(() => {
    if (!state?.ok) return;
    toast.success(t("retried"));
    document.getElementById("jobs-failures")?.focus();
    router.refresh();
  }, [state, toast, t, router]);

  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="queue" value={queue} />
      {!asking ? (
        <Button ref={opener} variant="secondary" onClick={() => setAsking(true)}>
          {t("retry")}
        </Button>
      ) : (
        <div role="group" aria-labelledby={questionId} className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3">
          <p id={questionId} className="text-sm text-amber-950">
            {t("retryConfirm", { queue: queueLabel })}
          </p>
          <div className="flex flex-wrap gap-2">
            <SubmitButton pendingText={t("retryConfirmButton")} autoFocus>
              {t("retryConfirmButton")}
            </SubmitButton>
            <Button
              variant="secondary"
              onClick={() => {
                setAsking(false);
                requestAnimationFrame(() => opener.current?.focus());
              }}
            >
              {tc("cancel")}
            </Button>
          </div>
        </div>
      )}
      {state && !state.ok ? <ActionNotice state={state} /> : null}
    </form>
  );
}
