"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef, useState } from "react";
import type { ComponentProps } from "react";
import { useConfirmedAction } from "./use-action-outcome";
import { ActionNotice } from "@/components/ui/action-notice";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";

type ServerAction = (prev: unknown, input: FormData) => Promise<ActionResult<unknown>>;

/**
 * One button that calls a server action with fixed fields. With `confirm` the first press only
 * asks (in the page, not a browser dialog): the consequence is spelled out next to a second,
 * explicit button, and "Cancel" returns focus to where it was. A success is confirmed in a toast
 * and focus moves to `focusId` (the page heading unless told otherwise).
 */
export function ActionButton({
  action,
  fields,
  label,
  confirm,
  confirmLabel,
  success,
  focusId,
  variant,
}: {
  action: ServerAction;
  fields: Record<string, string | number>;
  label: string;
  confirm?: string;
  confirmLabel?: string;
  success?: string;
  focusId?: string;
  variant?: ComponentProps<typeof SubmitButton>["variant"];
}) {
  const t = useTranslations("common.actions");
  const confirmed = useConfirmedAction(action, success, focusId);
  const [state, formAction] = useActionState<ActionResult<unknown> | undefined, FormData>(confirmed, undefined);
  const [asking, setAsking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  useEffect(() => {
    if (state?.ok) setAsking(false);
  }, [state]);

  return (
    <form action={formAction} className="space-y-2">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {confirm && !asking ? (
        <Button ref={opener} variant={variant} onClick={() => setAsking(true)}>
          {label}
        </Button>
      ) : confirm ? (
        <div role="group" aria-labelledby={questionId} className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3">
          <p id={questionId} className="text-sm text-amber-950">
            {confirm}
          </p>
          <div className="flex flex-wrap gap-2">
            <SubmitButton variant={variant === "danger" ? "danger" : "primary"} pendingText={confirmLabel ?? label} autoFocus>
              {confirmLabel ?? label}
            </SubmitButton>
            <Button
              variant="secondary"
              onClick={() => {
                setAsking(false);
                requestAnimationFrame(() => opener.current?.focus());
              }}
            >
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <SubmitButton variant={variant} pendingText={label}>
          {label}
        </SubmitButton>
      )}
      <ActionNotice state={state} />
    </form>
  );
}
