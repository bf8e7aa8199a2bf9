"use client";

import { useTranslations } from "next-intl";
import { completeAccessAction, eraseSubjectAction } from "@/app/(dashboard)/insights/subject-requests/actions";
import { ActionButtonForm } from "@/components/ui/action-button-form";

/** Closing an open request: an access request once the export was handed over, an erasure by erasing. */
export function SubjectRequestActions({ id, kind }: { id: number; kind: "access" | "erasure" }) {
  const t = useTranslations("insights.subjects");
  return kind === "access" ? (
    <ActionButtonForm action={completeAccessAction} fields={{ id }} label={t("completeAccess")} confirm={t("completeAccessConfirm")} variant="primary" />
  ) : (
    <ActionButtonForm action={eraseSubjectAction} fields={{ id }} label={t("erase")} confirm={t("eraseConfirm")} variant="danger" />
  );
}
