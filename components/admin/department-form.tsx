"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createDepartmentAction, updateDepartmentAction } from "@/app/(dashboard)/admin/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import type { DepartmentKind } from "@/db/schema";

const KINDS: DepartmentKind[] = ["rnd", "service", "hr", "sales", "marketing", "communications", "finance", "production", "other"];

interface Dept {
  id: number;
  name: string;
  slug: string;
  kind: DepartmentKind;
  headUserId: number | null;
}

export function DepartmentForm({ department, people }: { department?: Dept; people: { id: number; name: string }[] }) {
  const t = useTranslations();
  const [state, formAction] = useActionState<ActionResult<{ id: number; name?: string }> | undefined, FormData>(
    department ? updateDepartmentAction : createDepartmentAction,
    undefined,
  );
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const success = department
    ? t("admin.departments.saved")
    : state?.ok && state.data?.name
      ? t("admin.departments.created", { name: state.data.name })
      : undefined;
  return (
    <Card className="max-w-xl">
      <form action={formAction} className="space-y-4" noValidate key={state && !state.ok ? JSON.stringify(state.values ?? {}) : !department && state?.ok ? `done-${state.data?.id}` : "form"}>
        <ActionNotice state={state} success={success} />
        {department ? <input type="hidden" name="id" value={department.id} /> : null}
        <Field label={t("admin.departments.name")} errors={fe?.name}>
          <Input name="name" defaultValue={values?.name ?? department?.name} required />
        </Field>
        <Field label={t("admin.departments.slug")} errors={fe?.slug} hint={t("validation.slug")}>
          <Input name="slug" defaultValue={values?.slug ?? department?.slug} required />
        </Field>
        <Field label={t("admin.departments.kind")} errors={fe?.kind}>
          <Select name="kind" defaultValue={values?.kind ?? department?.kind ?? "other"}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`common.departmentKinds.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("admin.departments.head")} errors={fe?.headUserId}>
          <Select name="headUserId" defaultValue={values?.headUserId ?? department?.headUserId ?? ""}>
            <option value="">{t("admin.departments.noHead")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <SubmitButton>{department ? t("common.actions.save") : t("common.actions.create")}</SubmitButton>
      </form>
    </Card>
  );
}
