"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { revokeTokenAction } from "@/app/(dashboard)/admin/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";

export function RevokeTokenButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations("admin.tokens");
  const [state, formAction] = useActionState<ActionResult<{ id: number }> | undefined, FormData>(revokeTokenAction, undefined);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!window.confirm(t("revokeConfirm", { name }))) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      {state && !state.ok ? <ActionNotice state={state} /> : null}
      <SubmitButton variant="danger" size="sm" aria-label={`${t("revoke")}: ${name}`}>
        {t("revoke")}
      </SubmitButton>
    </form>
  );
}
