"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { ROLES } from "@/lib/enums";

/** Role and department pickers shared by the create and edit forms. */
export function RoleAndDepartmentFields({
  departments,
  role,
  departmentId,
  errors,
}: {
  departments: { id: number; name: string }[];
  role: string;
  departmentId: string | number;
  errors?: Record<string, string[]>;
}) {
  const t = useTranslations();
  return (
    <>
      <Field label={t("admin.users.role")} errors={errors?.role}>
        <Select name="role" defaultValue={role}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`common.roles.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("admin.users.department")} errors={errors?.departmentId}>
        <Select name="departmentId" defaultValue={departmentId}>
          <option value="">{t("admin.users.noDepartment")}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}
