"use client";

import { useCallback } from "react";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";

type ServerAction<T> = (prev: unknown, input: FormData) => Promise<ActionResult<T>>;

/** Focuses an element by id once it is in the page (the refreshed page may render it a moment later). */
function focusWhenThere(id: string, frames = 30) {
  const el = document.getElementById(id);
  if (el) el.focus();
  else if (frames > 0) requestAnimationFrame(() => focusWhenThere(id, frames - 1));
}

/**
 * Wraps a server action for `useActionState` so that a success is confirmed in the toast region
 * and focus moves to `focusId`. Both happen as the result arrives, outside the component that ran
 * the action: that form often disappears in the same re-render (an acknowledged guideline loses
 * its button, a published version its review card), and focus must never drop to <body>.
 */
export function useConfirmedAction<T>(
  action: ServerAction<T>,
  message: string | ((data: T | undefined) => string) | undefined,
  focusId = "page-title",
): ServerAction<T> {
  const toast = useToast();
  return useCallback(
    async (prev: unknown, input: FormData) => {
      const result = await action(prev, input);
      if (result.ok) {
        const text = typeof message === "function" ? message(result.data) : message;
        if (text) toast.success(text);
        requestAnimationFrame(() => focusWhenThere(focusId));
      }
      return result;
    },
    [action, message, focusId, toast],
  );
}
