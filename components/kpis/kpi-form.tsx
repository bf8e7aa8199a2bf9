"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { createKpiAction, updateKpiAction } from "@/app/(dashboard)/kpis/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionResult, echoedList } from "@/lib/action-result";
import type { KpiDto, ProcessOption } from "@/db/queries/kpis";
import { KPI_UNITS } from "@/lib/enums";
import { DERIVED_METRICS } from "@/lib/kpis/derived";

/** Labels of what a derived KPI can filter by, translated on the server (they live in other namespaces). */
export interface DerivedChoices {
  categories: { key: string; label: string }[];
  sentiments: { key: string; label: string }[];
}

const DIRECTIONS = ["higher_is_better", "lower_is_better"] as const;
const PERIODS = ["week", "month", "quarter"] as const;
const AGGREGATIONS = ["sum", "avg", "last"] as const;

/** Create or edit a KPI; the server checks everything again, including the threshold order. */
export function KpiForm({
  kpi,
  processes,
  channels,
  choices,
}: {
  kpi?: KpiDto;
  processes: ProcessOption[];
  channels: { id: number; name: string }[];
  choices: DerivedChoices;
}) {
  const t = useTranslations("kpis");
  const tc = useTranslations("common.actions");
  const [state, formAction] = useActionState<ActionResult<{ id: number; name: string }> | undefined, FormData>(
    kpi ? updateKpiAction : createKpiAction,
    undefined,
  );
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const val = (k: keyof KpiDto & string) => values?.[k] ?? (kpi ? String(kpi[k] ?? "") : undefined);
  const created = !kpi && state?.ok ? state.data : undefined;
  const departments = [...new Set(processes.map((p) => p.departmentName))];
  const departmentOptions = [...new Map(processes.map((p) => [p.departmentId, p.departmentName])).entries()];
  const [metric, setMetric] = useState<string>(values?.derivedMetric ?? kpi?.derived?.metric ?? "");
  const formField = { categories: "derivedCategories", sentiments: "derivedSentiments", channelIds: "derivedChannelIds", departmentIds: "derivedDepartmentIds" } as const;
  // Ticked as sent when the server refused the form, else as stored.
  const picked = (field: keyof typeof formField, key: string | number) =>
    (echoedList(values, formField[field]) ?? (kpi?.derived?.[field] as (string | number)[] | undefined)?.map(String) ?? []).includes(String(key));
  return (
    <Card className="max-w-3xl">
      {/* Remounted per result: React resets a form after its action, and the remount restores what was typed. */}
      <form action={formAction} className="space-y-4" noValidate key={created ? `done-${created.id}` : values ? JSON.stringify(values) : "form"}>
        <ActionNotice state={state} success={kpi ? t("saved") : created ? t("created", { name: created.name }) : undefined} />
        {created ? (
          <LinkButton href={`/kpis/${created.id}`} variant="secondary" size="sm">
            {t("open")}: {created.name}
          </LinkButton>
        ) : null}
        {kpi ? <input type="hidden" name="id" value={kpi.id} /> : null}
        <Field label={t("fields.process")} errors={fe?.businessProcessId}>
          <Select name="businessProcessId" defaultValue={values?.businessProcessId ?? kpi?.processId ?? ""}>
            <option value="">—</option>
            {departments.map((d) => (
              <optgroup key={d} label={d}>
                {processes
                  .filter((p) => p.departmentName === d)
                  .map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </Select>
        </Field>
        <Field label={t("fields.name")} errors={fe?.name}>
          <Input name="name" defaultValue={val("name")} maxLength={120} required />
        </Field>
        <Field label={t("fields.description")} errors={fe?.description}>
          <Textarea name="description" defaultValue={val("description")} maxLength={1000} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("fields.unit")} errors={fe?.unit}>
            <Select name="unit" defaultValue={val("unit") ?? "count"}>
              {KPI_UNITS.map((u) => (
                <option key={u} value={u}>
                  {t(`units.${u}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("fields.direction")} errors={fe?.direction}>
            <Select name="direction" defaultValue={val("direction") ?? "higher_is_better"}>
              {DIRECTIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`directions.${d}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("fields.period")} errors={fe?.period}>
            <Select name="period" defaultValue={val("period") ?? "month"}>
              {PERIODS.map((p) => (
                <option key={p} value={p}>
                  {t(`periods.${p}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("fields.aggregation")} errors={fe?.aggregation}>
            <Select name="aggregation" defaultValue={val("aggregation") ?? "sum"}>
              {AGGREGATIONS.map((a) => (
                <option key={a} value={a}>
                  {t(`aggregations.${a}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label={t("fields.channel")} errors={fe?.channelId}>
          <Select name="channelId" defaultValue={values?.channelId ?? kpi?.channelId ?? ""}>
            <option value="">{t("fields.noChannel")}</option>
            {channels.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-800">{t("derived.title")}</legend>
          <Field label={t("derived.source")} errors={fe?.derivedMetric ?? fe?.metric} hint={t("derived.hint")}>
            <Select name="derivedMetric" value={metric} onChange={(e) => setMetric(e.target.value)}>
              <option value="">{t("derived.entered")}</option>
              {DERIVED_METRICS.map((m) => (
                <option key={m} value={m}>
                  {t(`derived.metrics.${m}`)}
                </option>
              ))}
            </Select>
          </Field>
          {metric ? (
            <div className="space-y-3">
              <p className="text-sm text-slate-700">{t("derived.filters")}</p>
              {(
                [
                  ["categories", "derivedCategories", choices.categories.map((c) => [c.key, c.label] as const)],
                  ["sentiments", "derivedSentiments", choices.sentiments.map((c) => [c.key, c.label] as const)],
                  ["channelIds", "derivedChannelIds", channels.map((c) => [c.id, c.name] as const)],
                  ["departmentIds", "derivedDepartmentIds", departmentOptions],
                ] as const
              ).map(([field, name, options]) => (
                <fieldset key={field}>
                  <legend className="text-sm font-medium text-slate-800">
                    {t(`derived.${field === "channelIds" ? "channels" : field === "departmentIds" ? "departments" : field}`)}
                  </legend>
                  <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                    {options.map(([key, label]) => (
                      <label key={key} className="flex items-center gap-2 text-sm text-slate-800">
                        <Checkbox name={`${name}[]`} value={key} defaultChecked={picked(field, key)} />
                        {label}
                      </label>
                    ))}
                  </div>
                  {fe?.[field] ? <p className="text-sm text-red-700">{fe[field].map((k) => (k.startsWith("kpis.") ? t(k.slice(5) as never) : k)).join(" ")}</p> : null}
                </fieldset>
              ))}
            </div>
          ) : null}
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">{t("fields.thresholds")}</legend>
          <p className="text-xs text-slate-600">{t("thresholdsHint")}</p>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label={t("fields.target")} errors={fe?.target}>
              <Input name="target" inputMode="decimal" defaultValue={val("target")} required />
            </Field>
            <Field label={t("fields.warningThreshold")} errors={fe?.warningThreshold}>
              <Input name="warningThreshold" inputMode="decimal" defaultValue={val("warningThreshold")} required />
            </Field>
            <Field label={t("fields.criticalThreshold")} errors={fe?.criticalThreshold}>
              <Input name="criticalThreshold" inputMode="decimal" defaultValue={val("criticalThreshold")} required />
            </Field>
          </div>
        </fieldset>
        <SubmitButton>{kpi ? tc("save") : tc("create")}</SubmitButton>
      </form>
    </Card>
  );
}
