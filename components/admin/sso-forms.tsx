"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { saveSsoMappingAction, setSsoDefaultRoleAction, setTwoFactorRolesAction } from "@/app/(dashboard)/admin/sso/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Field } from "@/components/ui/field";
import { Checkbox, Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import { ROLES_BY_RIGHTS } from "@/lib/auth/group-map";
import type { Role } from "@/lib/enums";

interface Mapping {
  id: number;
  groupName: string;
  role: Role;
  departmentId: number | null;
}

/** Adds a group's grant, or changes one (`mapping`). */
export function SsoMappingForm({ mapping, departments }: { mapping?: Mapping; departments: { id: number; name: string }[] }) {
  const t = useTranslations();
  const [state, formAction] = useActionState<
    ActionResult<{ id: number; groupName: string; updated: boolean }> | undefined,
    FormData
  >(saveSsoMappingAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const success = state?.ok
    ? t(state.data?.updated ? "admin.sso.mappingSaved" : "admin.sso.mappingCreated", { group: state.data?.groupName ?? "" })
    : undefined;
  return (
    <form
      action={formAction}
      className="space-y-4"
      noValidate
      key={state && !state.ok ? JSON.stringify(values ?? {}) : !mapping && state?.ok ? `done-${state.data?.id}` : "form"}
    >
      <ActionNotice state={state} success={success} />
      {mapping ? <input type="hidden" name="id" value={mapping.id} /> : null}
      <Field label={t("admin.sso.group")} errors={fe?.groupName} hint={t("admin.sso.groupHint")}>
        <Input name="groupName" defaultValue={values?.groupName ?? mapping?.groupName} required maxLength={256} />
      </Field>
      <Field label={t("admin.sso.role")} errors={fe?.role}>
        <Select name="role" defaultValue={values?.role ?? mapping?.role ?? "employee"}>
          {ROLES_BY_RIGHTS.map((r) => (
            <option key={r} value={r}>
              {t(`common.roles.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("admin.sso.department")} errors={fe?.departmentId} hint={t("admin.sso.departmentHint")}>
        <Select name="departmentId" defaultValue={values?.departmentId ?? mapping?.departmentId ?? ""}>
          <option value="">{t("admin.sso.noDepartment")}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </Select>
      </Field>
      <SubmitButton>{mapping ? t("common.actions.save") : t("admin.sso.add")}</SubmitButton>
    </form>
  );
}

/** The role of people none of whose groups is mapped, or "refuse them". */
export function SsoDefaultRoleForm({ current, choices }: { current: Role | null; choices: readonly Role[] }) {
  const t = useTranslations();
  const [state, formAction] = useActionState<ActionResult<{ defaultRole: string }> | undefined, FormData>(setSsoDefaultRoleAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <ActionNotice state={state} success={t("admin.sso.defaultSaved")} />
      <Field label={t("admin.sso.defaultRole")} errors={fe?.defaultRole} hint={t("admin.sso.defaultRoleHint")}>
        <Select name="defaultRole" defaultValue={current ?? ""}>
          <option value="">{t("admin.sso.refuseUnmapped")}</option>
          {choices.map((r) => (
            <option key={r} value={r}>
              {t(`common.roles.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
      <SubmitButton variant="secondary">{t("common.actions.save")}</SubmitButton>
    </form>
  );
}

/** The roles whose password sign-ins need a second factor (their people set it up at the next sign-in). */
export function TwoFactorRolesForm({ current }: { current: readonly Role[] }) {
  const t = useTranslations();
  const [state, formAction] = useActionState<ActionResult<{ roles: Role[] }> | undefined, FormData>(setTwoFactorRolesAction, undefined);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <ActionNotice state={state} success={t("admin.sso.twoFactorSaved")} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t("admin.sso.twoFactorRoles")}</legend>
        {ROLES_BY_RIGHTS.map((r) => (
          <label key={r} className="flex items-center gap-2 text-sm">
            <Checkbox name="roles[]" value={r} defaultChecked={current.includes(r)} />
            {t(`common.roles.${r}`)}
          </label>
        ))}
      </fieldset>
      <p className="text-xs text-slate-600">{t("admin.sso.twoFactorHint")}</p>
      <SubmitButton variant="secondary">{t("common.actions.save")}</SubmitButton>
    </form>
  );
}
