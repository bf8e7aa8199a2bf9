"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action-result";
import { Notice } from "./notice";

/** Shows the form-level outcome of a server action: success text, or the translated error. */
export function ActionNotice({ state, success }: { state: ActionResult<unknown> | undefined; success?: string }) {
  const t = useTranslations();
  if (!state) return null;
  if (state.ok) return success ? <Notice tone="success">{success}</Notice> : null;
  const formErrors = state.fieldErrors?._form?.map((e) => (t.has(e) ? t(e) : e)) ?? [];
  return <Notice tone="error">{[t(`common.result.${state.error}`), ...formErrors].join(" ")}</Notice>;
}
