"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createUserAction } from "@/app/(dashboard)/admin/actions";
import { RoleAndDepartmentFields } from "./user-fields";
import { ActionNotice } from "@/components/ui/action-notice";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";

type Created = { id: number; email: string };

export function UserCreateForm({ departments }: { departments: { id: number; name: string }[] }) {
  const t = useTranslations();
  const [state, formAction] = useActionState<ActionResult<Created> | undefined, FormData>(createUserAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  // After success the form remounts empty (key), ready for the next person.
  const key = state?.ok ? `done-${state.data?.id}` : "form";
  return (
    <Card className="max-w-xl">
      <form action={formAction} className="space-y-4" key={state && !state.ok ? JSON.stringify(state.values ?? {}) : key} noValidate>
        <ActionNotice state={state} success={state?.ok && state.data ? t("admin.users.created", { email: state.data.email }) : undefined} />
        <Field label={t("admin.users.name")} errors={fe?.name}>
          <Input name="name" defaultValue={values?.name} required autoComplete="off" />
        </Field>
        <Field label={t("admin.users.email")} errors={fe?.email}>
          <Input name="email" type="email" defaultValue={values?.email} required autoComplete="off" />
        </Field>
        <Field label={t("admin.users.password")} errors={fe?.password} hint={t("validation.passwordTooShort")}>
          <Input name="password" type="password" required autoComplete="new-password" />
        </Field>
        <RoleAndDepartmentFields departments={departments} role={values?.role ?? "employee"} departmentId={values?.departmentId ?? ""} errors={fe} />
        <Field label={t("admin.users.locale")} errors={fe?.locale}>
          <Select name="locale" defaultValue={values?.locale ?? "de"}>
            <option value="de">{t("common.languages.de")}</option>
            <option value="en">{t("common.languages.en")}</option>
          </Select>
        </Field>
        <SubmitButton>{t("common.actions.create")}</SubmitButton>
      </form>
    </Card>
  );
}
