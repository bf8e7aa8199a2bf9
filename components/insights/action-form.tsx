"use client";

import { useActionState, useRef } from "react";
import { ActionNotice } from "@/components/ui/action-notice";
import type { ActionResult } from "@/lib/action-result";
import type { FieldErrors } from "@/lib/errors";

type ServerAction = (prev: unknown, input: FormData) => Promise<ActionResult<unknown>>;

/**
 * One small form for one server action: shows the outcome, hands field errors to its fields,
 * optionally asks for confirmation first, and starts empty again after a success.
 */
export function ActionForm({
  action,
  success,
  confirm,
  title,
  children,
  className,
}: {
  action: ServerAction;
  success: string;
  confirm?: string;
  title?: string;
  children: (fieldErrors: FieldErrors | undefined) => React.ReactNode;
  className?: string;
}) {
  const [state, formAction] = useActionState<ActionResult<unknown> | undefined, FormData>(action, undefined);
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
      <ActionNotice state={state} success={success} />
      {children(fe)}
    </form>
  );
}
