"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { recordMeasurementAction } from "@/app/(dashboard)/kpis/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";

type Result = { stored: number; alert: { decision: string; severity?: "warning" | "critical" } | null };

export function MeasurementForm({ kpiId, today }: { kpiId: number; today: string }) {
  const t = useTranslations("kpis");
  const [state, formAction] = useActionState<ActionResult<Result> | undefined, FormData>(recordMeasurementAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const alert = state?.ok ? state.data?.alert : null;
  return (
    <Card>
      <h2 className="mb-1 font-medium">{t("detail.recordValue")}</h2>
      <p className="mb-3 text-sm text-slate-600">{t("detail.recordHint")}</p>
      <form action={formAction} className="space-y-3" noValidate key={state?.ok ? "saved" : values ? JSON.stringify(values) : "form"}>
        <ActionNotice state={state} success={t("detail.recorded")} />
        {alert && (alert.decision === "open" || alert.decision === "escalate") ? (
          <Notice tone="info">{t("detail.alertOpened", { severity: t(`status.${alert.severity === "critical" || alert.decision === "escalate" ? "critical" : "warning"}`) })}</Notice>
        ) : null}
        {alert?.decision === "resolve" ? <Notice tone="info">{t("detail.alertResolved")}</Notice> : null}
        <input type="hidden" name="kpiId" value={kpiId} />
        <Field label={t("detail.date")} errors={fe?.measuredOn}>
          <Input type="date" name="measuredOn" max={today} defaultValue={values?.measuredOn ?? today} required />
        </Field>
        <Field label={t("detail.newValue")} errors={fe?.value}>
          <Input name="value" inputMode="decimal" defaultValue={values?.value} required />
        </Field>
        <SubmitButton>{t("detail.record")}</SubmitButton>
      </form>
    </Card>
  );
}
