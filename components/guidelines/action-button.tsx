"use client";

import { useActionState } from "react";
import type { ComponentProps } from "react";
import { ActionNotice } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";

type ServerAction = (prev: unknown, input: FormData) => Promise<ActionResult<unknown>>;

/** One button that calls a server action with fixed fields, optionally after a confirmation. */
export function ActionButton({
  action,
  fields,
  label,
  confirm,
  success,
  variant,
}: {
  action: ServerAction;
  fields: Record<string, string | number>;
  label: string;
  confirm?: string;
  success?: string;
  variant?: ComponentProps<typeof SubmitButton>["variant"];
}) {
  const [state, formAction] = useActionState<ActionResult<unknown> | undefined, FormData>(action, undefined);
  return (
    <form
      action={formAction}
      className="space-y-2"
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <SubmitButton variant={variant} pendingText={label}>
        {label}
      </SubmitButton>
      <ActionNotice state={state} success={success} />
    </form>
  );
}
