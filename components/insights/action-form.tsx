"use client";

import { useActionState, useRef } from "react";
import { ActionNotice } from "@/components/ui/action-notice";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import type { FieldErrors } from "@/lib/errors";
import { focusAfterUpdate } from "./focus";

type ServerAction = (prev: unknown, input: FormData) => Promise<ActionResult<unknown>>;

/**
 * One small form for one server action: hands field errors to its fields, optionally asks for
 * confirmation first, and starts empty again after a success. A success is confirmed by a toast
 * (the form itself often disappears with the new state, e.g. "Annehmen" after accepting) and focus
 * moves to `focusId`, an element that stays, instead of falling to <body>.
 */
export function ActionForm({
  action,
  success,
  confirm,
  title,
  focusId,
  children,
  className,
}: {
  action: ServerAction;
  /** The confirmation; a function when it depends on the button pressed (e.g. which triage exit). */
  success: string | ((form: FormData) => string);
  confirm?: string;
  title?: string;
  focusId: string;
  children: (fieldErrors: FieldErrors | undefined) => React.ReactNode;
  className?: string;
}) {
  const toast = useToast();
  const run = async (prev: ActionResult<unknown> | undefined, form: FormData) => {
    const result = await action(prev, form);
    if (result.ok) {
      toast.success(typeof success === "function" ? success(form) : success);
      focusAfterUpdate(focusId);
    }
    return result;
  };
  const [state, formAction] = useActionState<ActionResult<unknown> | undefined, FormData>(run, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  // A new key after each success empties the fields for the next entry.
  const successes = useRef({ seen: state, count: 0 });
  if (successes.current.seen !== state) {
    successes.current = { seen: state, count: successes.current.count + (state?.ok ? 1 : 0) };
  }
  return (
    <form
      action={formAction}
      noValidate
      className={className ?? "space-y-3"}
      key={successes.current.count}
      aria-label={title}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      {title ? <h3 className="font-medium">{title}</h3> : null}
      {state && !state.ok ? <ActionNotice state={state} /> : null}
      {children(fe)}
    </form>
  );
}
