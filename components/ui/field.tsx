"use client";

import { useTranslations } from "next-intl";
import { type ReactElement, cloneElement, useId } from "react";
import { Label } from "./input";

/**
 * Label, control and error text wired together for screen readers: the control gets its id,
 * `aria-invalid` and `aria-describedby` pointing at the translated error.
 */
export function Field({
  label,
  errors,
  hint,
  children,
}: {
  label: string;
  errors?: string[];
  hint?: string;
  children: ReactElement<Record<string, unknown>>;
}) {
  const id = useId();
  const t = useTranslations();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [errors?.length ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <Label htmlFor={id}>{label}</Label>
      {cloneElement(children, { id, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy })}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={errorId} className="text-sm text-red-700">
          {errors.map((e) => (t.has(e) ? t(e) : e)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}
