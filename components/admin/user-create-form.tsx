"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createUserAction } from "@/app/(dashboard)/admin/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import { ROLES } from "@/lib/permissions";

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
      <form action={formAction} className="space-y-4" key={key} noValidate>
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
        <Field label={t("admin.users.role")} errors={fe?.role}>
          <Select name="role" defaultValue={values?.role ?? "employee"}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`common.roles.${r}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("admin.users.department")} errors={fe?.departmentId}>
          <Select name="departmentId" defaultValue={values?.departmentId ?? ""}>
            <option value="">{t("admin.users.noDepartment")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </Select>
        </Field>
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
