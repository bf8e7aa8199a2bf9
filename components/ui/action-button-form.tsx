"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { ActionNotice } from "./action-notice";
import type { buttonVariants } from "./button";
import { SubmitButton } from "./submit-button";
import type { VariantProps } from "class-variance-authority";

type ServerAction = (prev: ActionResult<unknown> | undefined, form: FormData) => Promise<ActionResult<unknown>>;

/**
 * A one-button form for a server action (remove, archive, restore): hidden fields, an optional
 * confirmation before anything is sent, and the error if the action refuses.
 */
export function ActionButtonForm({
  action,
  fields,
  label,
  ariaLabel,
  confirm,
  variant = "secondary",
}: {
  action: ServerAction;
  fields: Record<string, string | number>;
  label: string;
  ariaLabel?: string;
  confirm?: string;
  variant?: VariantProps<typeof buttonVariants>["variant"];
}) {
  const [state, formAction] = useActionState<ActionResult<unknown> | undefined, FormData>(action, undefined);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
      className="inline-flex flex-col gap-1"
    >
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <SubmitButton size="sm" variant={variant} aria-label={ariaLabel}>
        {label}
      </SubmitButton>
      {state && !state.ok ? <ActionNotice state={state} /> : null}
    </form>
  );
}
