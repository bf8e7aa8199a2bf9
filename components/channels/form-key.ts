import type { ActionResult } from "@/lib/action-result";

/**
 * React resets a form after its action; selects then fall back to the defaults of the mount.
 * Keying the form on what was submitted remounts it with the submitted values as defaults, so a
 * failed submit keeps every choice; a success remounts it per created record.
 */
export function formKey(state: ActionResult<{ id: number }> | undefined): string {
  if (!state) return "form";
  return state.ok ? `done-${state.data?.id ?? ""}` : `failed-${JSON.stringify(state.values ?? {})}`;
}
