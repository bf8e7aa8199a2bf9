"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useState } from "react";
import { createMeasureAction, updateMeasureAction } from "@/app/(dashboard)/measures/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import { BENEFIT_KINDS, MEASURE_STATUSES } from "@/lib/enums";

/** The form's values as text, the way the inputs hold them. */
export interface MeasureFormValues {
  id?: number;
  businessProcessId: string;
  title: string;
  goal: string;
  startsOn: string;
  endsOn: string;
  status: string;
  benefitKind: string;
  expectedBenefit: string;
  realisedBenefit: string;
  benefitNote: string;
  resultKpiId: string;
  channelIds: number[];
  goals: { kpiId: string; baseline: string; target: string }[];
}

export interface MeasureFormOptions {
  processes: { id: number; name: string; departmentName: string }[];
  kpis: { id: number; name: string; processId: number; unit: string }[];
  channels: { id: number; name: string }[];
}

const GOAL_ROWS = 3;

/**
 * A measure: its process, goal, period and status, the channels it runs on, and the benefit it is
 * to bring — money, or KPIs of its process moving from a baseline to a target. The KPI choices
 * follow the chosen process.
 */
export function MeasureForm({ initial, options, today }: { initial?: MeasureFormValues; options: MeasureFormOptions; today: string }) {
  const t = useTranslations("measures");
  const tAll = useTranslations();
  const [state, formAction] = useActionState<ActionResult<unknown> | undefined, FormData>(initial?.id ? updateMeasureAction : createMeasureAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const echo = state && !state.ok ? state.values : undefined;
  const [processId, setProcessId] = useState(echo?.businessProcessId ?? initial?.businessProcessId ?? String(options.processes[0]?.id ?? ""));
  const [benefitKind, setBenefitKind] = useState(echo?.benefitKind ?? initial?.benefitKind ?? "money");
  const kpisOfProcess = options.kpis.filter((k) => String(k.processId) === processId);
  const value = (k: keyof MeasureFormValues, fallback = "") => (echo?.[k] as string | undefined) ?? (initial?.[k] as string | undefined) ?? fallback;
  const goals = Array.from({ length: GOAL_ROWS }, (_, i) => initial?.goals[i] ?? { kpiId: "", baseline: "", target: "" });
  const channels = new Set(initial?.channelIds ?? []);
  return (
    <Card className="max-w-3xl">
      <form
        // Submitted by hand: React resets a form after an action, which would put the controlled
        // selects back while the rest of the form still shows what was typed.
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          startTransition(() => formAction(data));
        }}
        className="space-y-4"
        noValidate
        aria-label={initial?.id ? t("edit") : t("new")}
      >
        <ActionNotice state={state} />
        {initial?.id ? <input type="hidden" name="id" value={initial.id} /> : null}
        <Field label={t("fields.title")} errors={fe?.title}>
          <Input name="title" defaultValue={value("title")} maxLength={160} required />
        </Field>
        <Field label={t("fields.process")} errors={fe?.businessProcessId}>
          <Select name="businessProcessId" value={processId} onChange={(e) => setProcessId(e.target.value)}>
            {options.processes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.departmentName}: {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("fields.goal")} errors={fe?.goal}>
          <Textarea name="goal" rows={3} defaultValue={value("goal")} maxLength={2000} required />
        </Field>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label={t("fields.startsOn")} errors={fe?.startsOn}>
            <Input name="startsOn" type="date" defaultValue={value("startsOn", today)} required />
          </Field>
          <Field label={t("fields.endsOn")} errors={fe?.endsOn}>
            <Input name="endsOn" type="date" defaultValue={value("endsOn")} />
          </Field>
          <Field label={t("fields.status")} errors={fe?.status}>
            <Select name="status" defaultValue={value("status", "planned")}>
              {MEASURE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {options.channels.length ? (
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">{t("fields.channels")}</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {options.channels.map((c) => (
                <label key={c.id} className="flex items-center gap-2 text-sm text-slate-800">
                  <Checkbox name="channelIds[]" value={c.id} defaultChecked={channels.has(c.id)} />
                  {c.name}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        <Field label={t("fields.resultKpi")} errors={fe?.resultKpiId} hint={t("fields.resultKpiHint")}>
          <Select name="resultKpiId" defaultValue={value("resultKpiId")} key={`result-${processId}`}>
            <option value="">{t("fields.none")}</option>
            {kpisOfProcess
              .filter((k) => k.unit === "count")
              .map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name}
                </option>
              ))}
          </Select>
        </Field>
        <Field label={t("fields.benefitKind")} errors={fe?.benefitKind}>
          <Select name="benefitKind" value={benefitKind} onChange={(e) => setBenefitKind(e.target.value)}>
            {BENEFIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`benefitKinds.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        {benefitKind === "money" ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t("fields.expectedBenefit")} errors={fe?.expectedBenefit ?? fe?.expectedBenefitCents}>
              <Input name="expectedBenefit" inputMode="decimal" defaultValue={value("expectedBenefit")} />
            </Field>
            <Field label={t("fields.realisedBenefit")} errors={fe?.realisedBenefit}>
              <Input name="realisedBenefit" inputMode="decimal" defaultValue={value("realisedBenefit")} />
            </Field>
          </div>
        ) : (
          <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
            <legend className="px-1 text-sm font-medium text-slate-800">{t("fields.goalsLegend")}</legend>
            <p className="text-xs text-slate-600">{t("fields.goalsHint")}</p>
            {fe?.goals ? (
              <p className="text-sm text-red-700" role="alert">
                {fe.goals.map((k) => (tAll.has(k) ? tAll(k) : k)).join(" ")}
              </p>
            ) : null}
            {goals.map((g, i) => (
              <div key={`${processId}-${i}`} className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr]">
                <Field label={t("fields.goalKpi", { n: i + 1 })} errors={fe?.[`goals.${i}.kpiId`]}>
                  <Select name="goalKpiIds[]" defaultValue={g.kpiId}>
                    <option value="">{t("fields.none")}</option>
                    {kpisOfProcess.map((k) => (
                      <option key={k.id} value={k.id}>
                        {k.name}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={t("fields.baseline")} errors={fe?.[`goals.${i}.baseline`]}>
                  <Input name="goalBaselines[]" inputMode="decimal" defaultValue={g.baseline} />
                </Field>
                <Field label={t("fields.target")} errors={fe?.[`goals.${i}.target`]}>
                  <Input name="goalTargets[]" inputMode="decimal" defaultValue={g.target} />
                </Field>
              </div>
            ))}
          </fieldset>
        )}
        <Field label={t("fields.benefitNote")} errors={fe?.benefitNote}>
          <Input name="benefitNote" defaultValue={value("benefitNote")} maxLength={1000} />
        </Field>
        <SubmitButton>{initial?.id ? t("save") : t("createSubmit")}</SubmitButton>
      </form>
    </Card>
  );
}
