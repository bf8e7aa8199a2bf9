"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createKpiAction, updateKpiAction } from "@/app/(dashboard)/kpis/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import type { KpiDto, ProcessOption } from "@/db/queries/kpis";
import { KPI_UNITS } from "@/lib/enums";

const DIRECTIONS = ["higher_is_better", "lower_is_better"] as const;
const PERIODS = ["week", "month", "quarter"] as const;
const AGGREGATIONS = ["sum", "avg", "last"] as const;

/** Create or edit a KPI; the server checks everything again, including the threshold order. */
export function KpiForm({
  kpi,
  processes,
  channels,
}: {
  kpi?: KpiDto;
  processes: ProcessOption[];
  channels: { id: number; name: string }[];
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
