"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { routeAction } from "@/app/(dashboard)/insights/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Checkbox, Input, Label, Select } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { Table, Td, Th } from "@/components/ui/table";
import type { InsightRow } from "@/db/queries/insights";
import type { ActionResult } from "@/lib/action-result";
import { AuthorLabel, InsightSummaryCells, StatusBadge } from "./labels";

type Option = { id: number; name: string };

export function InsightTable({ rows, departments, canRoute }: { rows: InsightRow[]; departments: Option[]; canRoute: boolean }) {
  const t = useTranslations("insights");
  const tr = useTranslations();
  const format = useFormatter();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [state, formAction] = useActionState<ActionResult<{ routed: number; skipped: number }> | undefined, FormData>(routeAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));

  return (
    <div className="space-y-3">
      {canRoute ? (
        <form action={formAction} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" onSubmit={() => setTimeout(() => setSelected(new Set()), 0)}>
          <fieldset className="contents">
            <legend className="sr-only">{t("bulk.legend")}</legend>
            {[...selected].map((id) => (
              <input key={id} type="hidden" name="ids[]" value={id} />
            ))}
            <p className="text-sm text-slate-700" aria-live="polite">
              {t("bulk.selected", { count: selected.size })}
            </p>
            <div>
              <Label htmlFor="bulk-department">{t("bulk.department")}</Label>
              <Select id="bulk-department" name="departmentId" className="w-56" aria-invalid={fe?.departmentId ? true : undefined}>
                <option value="">—</option>
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </Select>
            </div>
            <div>
              <Label htmlFor="bulk-sla">{t("bulk.slaHours")}</Label>
              <Input id="bulk-sla" name="slaHours" type="number" min={1} max={720} defaultValue={48} className="w-28" />
            </div>
            <SubmitButton disabled={selected.size === 0}>{t("bulk.submit")}</SubmitButton>
          </fieldset>
          <div className="w-full empty:hidden">
            {state?.ok && state.data ? (
              <Notice tone="success">
                {t("bulk.done", { routed: state.data.routed })} {state.data.skipped ? t("bulk.skipped", { skipped: state.data.skipped }) : null}
              </Notice>
            ) : (
              <ActionNotice state={state} />
            )}
            {fe ? (
              <p className="mt-1 text-sm text-red-700">
                {Object.values(fe)
                  .flat()
                  .map((e) => (tr.has(e) ? tr(e) : e))
                  .join(" ")}
              </p>
            ) : null}
          </div>
        </form>
      ) : null}
      <Table>
        <thead>
          <tr>
            {canRoute ? (
              <Th className="w-8">
                <Checkbox
                  aria-label={t("bulk.selectAll")}
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)))}
                />
              </Th>
            ) : null}
            <Th>{t("fields.occurredAt")}</Th>
            <Th>{t("fields.text")}</Th>
            <Th>{t("fields.category")}</Th>
            <Th>{t("fields.sentiment")}</Th>
            <Th>{t("fields.channel")}</Th>
            <Th>{t("fields.author")}</Th>
            <Th>{t("fields.status")}</Th>
            <Th>{t("fields.department")}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              {canRoute ? (
                <Td>
                  <Checkbox aria-label={t("bulk.select", { id: r.id })} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
                </Td>
              ) : null}
              <Td className="whitespace-nowrap">{format.dateTime(new Date(r.occurredAt), { dateStyle: "short", timeStyle: "short" })}</Td>
              <InsightSummaryCells id={r.id} text={r.text} category={r.category} sentiment={r.sentiment} />
              <Td>{r.channelName ?? (r.platform ? t(`platform.${r.platform}`) : "—")}</Td>
              <Td>
                <AuthorLabel author={r.author} />
              </Td>
              <Td>
                <StatusBadge status={r.status} />
              </Td>
              <Td>{r.departmentName ?? "—"}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
