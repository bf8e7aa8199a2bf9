import { getTranslations } from "next-intl/server";
import { DEPARTMENT_KINDS } from "@/lib/enums";

/** The kinds of department a playbook step can be for, named in the reader's language. */
export async function departmentKindOptions(): Promise<{ value: string; label: string }[]> {
  const t = await getTranslations("common.departmentKinds");
  return DEPARTMENT_KINDS.map((k) => ({ value: k, label: t(k) }));
}
