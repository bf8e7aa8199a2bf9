"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { sendTestMailAction } from "./actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";

type Result = { id: number; status: string; error: string | null };

export function TestMailButton({ email }: { email: string }) {
  const t = useTranslations("admin.outbox");
  const [state, formAction] = useActionState<ActionResult<Result> | undefined, FormData>(sendTestMailAction, undefined);
  const data = state?.ok ? state.data : undefined;
  return (
    <form action={formAction} className="space-y-2">
      <SubmitButton variant="secondary" pendingText={t("testSending")}>
        {t("testSend", { email })}
      </SubmitButton>
      {state && !state.ok ? <ActionNotice state={state} /> : null}
      {data ? (
        <Notice tone={data.error ? "error" : "success"}>
          {data.error ? t("testFailed", { error: data.error }) : data.status === "sent" ? t("testSent", { email }) : t("testKept")}
        </Notice>
      ) : null}
    </form>
  );
}
