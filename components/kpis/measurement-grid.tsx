"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { recordGridAction } from "@/app/(dashboard)/kpis/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { Table, Td, Th } from "@/components/ui/table";
import type { ActionResult } from "@/lib/action-result";

export interface GridRow {
  id: number;
  name: string;
  unitLabel: string;
  current: string;
}

/** One value per KPI of a process for the same day, saved together (all or nothing). */
export function MeasurementGrid({ processId, day, rows }: { processId: number; day: string; rows: GridRow[] }) {
  const t = useTranslations("kpis.grid");
  const tr = useTranslations();
  const [state, formAction] = useActionState<ActionResult<{ stored: number }> | undefined, FormData>(recordGridAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-3" noValidate key={state?.ok ? "saved" : "form"}>
      <ActionNotice state={state} success={state?.ok ? t("saved", { count: state.data?.stored ?? 0 }) : undefined} />
      {fe?.measuredOn ? <ActionNotice state={{ ok: false, error: "validation_failed", fieldErrors: { _form: fe.measuredOn } }} /> : null}
      <input type="hidden" name="processId" value={processId} />
      <input type="hidden" name="measuredOn" value={day} />
      <Table>
        <thead>
          <tr>
            <Th>{t("kpi")}</Th>
            <Th className="text-right">{t("currentValue")}</Th>
            <Th>{t("newValue")}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const err = fe?.[`value.${i}`];
            return (
              <tr key={r.id}>
                <Td>
                  <label htmlFor={`grid-${r.id}`} className="font-medium">
                    {r.name}
                  </label>
                  <div className="text-xs text-slate-600">{r.unitLabel}</div>
                </Td>
                <Td className="text-right tabular-nums">{r.current}</Td>
                <Td>
                  <input type="hidden" name="kpiId[]" value={r.id} />
                  <Input
                    id={`grid-${r.id}`}
                    name="value[]"
                    inputMode="decimal"
                    className="max-w-40"
                    aria-invalid={err ? true : undefined}
                    aria-describedby={err ? `grid-${r.id}-error` : undefined}
                  />
                  {err ? (
                    <p id={`grid-${r.id}-error`} className="text-sm text-red-700">
                      {err.map((e) => (tr.has(e) ? tr(e) : e)).join(" ")}
                    </p>
                  ) : null}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      <SubmitButton>{t("save")}</SubmitButton>
    </form>
  );
}
