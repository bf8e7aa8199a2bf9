"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { resetPasswordAction, updateUserAction } from "@/app/(dashboard)/admin/actions";
import { RoleAndDepartmentFields } from "./user-fields";
import { ActionNotice } from "@/components/ui/action-notice";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Checkbox, Input, Label } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import { type Role, SIGNOFF_FUNCTIONS, type SignoffFunction } from "@/lib/enums";

interface EditableUser {
  id: number;
  name: string;
  email: string;
  role: Role;
  departmentId: number | null;
  active: boolean;
  signoffFunctions: SignoffFunction[];
}

export function UserEditForm({ user, departments }: { user: EditableUser; departments: { id: number; name: string }[] }) {
  const t = useTranslations();
  const [state, formAction] = useActionState<ActionResult<{ id: number }> | undefined, FormData>(updateUserAction, undefined);
  const [pwState, pwAction] = useActionState<ActionResult<{ id: number }> | undefined, FormData>(resetPasswordAction, undefined);
  const [active, setActive] = useState(user.active);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const pwFe = pwState && !pwState.ok ? pwState.fieldErrors : undefined;

  function confirmDeactivation(e: React.FormEvent<HTMLFormElement>) {
    if (user.active && !active && !window.confirm(t("admin.users.deactivateConfirm"))) e.preventDefault();
  }

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card>
        <form action={formAction} onSubmit={confirmDeactivation} className="space-y-4" noValidate>
          <ActionNotice state={state} success={t("admin.users.saved")} />
          <input type="hidden" name="id" value={user.id} />
          <p className="text-sm text-slate-600">{user.email}</p>
          <Field label={t("admin.users.name")} errors={fe?.name}>
            <Input name="name" defaultValue={user.name} required />
          </Field>
          <RoleAndDepartmentFields departments={departments} role={user.role} departmentId={user.departmentId ?? ""} errors={fe} />
          <div className="flex items-center gap-2">
            <Checkbox id="active" name="active" checked={active} onChange={(e) => setActive(e.target.checked)} />
            <Label htmlFor="active">{t("admin.users.active")}</Label>
          </div>
          <fieldset className="space-y-2" aria-describedby="signoff-functions-hint">
            <legend className="text-sm font-medium text-slate-900">{t("admin.users.signoffFunctions")}</legend>
            <p id="signoff-functions-hint" className="text-sm text-slate-600">
              {t("admin.users.signoffFunctionsHint")}
            </p>
            {fe?.signoffFunctions ? (
              <p className="text-sm text-red-700">{fe.signoffFunctions.map((k) => t(k)).join(" ")}</p>
            ) : null}
            {SIGNOFF_FUNCTIONS.map((f) => (
              <div key={f} className="flex items-center gap-2">
                <Checkbox id={`fn-${f}`} name="signoffFunctions[]" value={f} defaultChecked={user.signoffFunctions.includes(f)} />
                <Label htmlFor={`fn-${f}`}>{t(`admin.users.functions.${f}`)}</Label>
              </div>
            ))}
          </fieldset>
          <SubmitButton>{t("common.actions.save")}</SubmitButton>
        </form>
      </Card>
      <Card>
        <form action={pwAction} className="space-y-4" noValidate key={pwState?.ok ? "reset-done" : "reset"}>
          <h2 className="font-medium">{t("admin.users.resetPassword")}</h2>
          <ActionNotice state={pwState} success={t("admin.users.passwordReset")} />
          <input type="hidden" name="id" value={user.id} />
          <Field label={t("admin.users.newPassword")} errors={pwFe?.password} hint={t("validation.passwordTooShort")}>
            <Input name="password" type="password" autoComplete="new-password" required />
          </Field>
          <SubmitButton variant="secondary">{t("admin.users.resetPassword")}</SubmitButton>
        </form>
      </Card>
    </div>
  );
}
