"use client";

import { useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";
import { bulkDismissAction, bulkReopenAction, routeAction } from "@/app/(dashboard)/insights/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Input, Label, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useToast } from "@/components/ui/toast";
import type { RouteResult } from "@/db/queries/insight-actions";
import type { InsightRow } from "@/db/queries/insights";
import type { ActionResult } from "@/lib/action-result";
import { insightHeadline } from "@/lib/insights/presentation";
import { groupSkips, type RouteSkipReason } from "@/lib/insights/triage";
import { BULK_RESULT_ID, focusAfterUpdate } from "./focus";

type Option = { id: number; name: string };
type Outcome =
  | { kind: "route"; lines: { text: string; items: string[] }[] }
  | { kind: "dismiss"; lines: { text: string; items: string[] }[]; ids: number[] }
  | { kind: "undone"; lines: { text: string; items: string[] }[] };

/**
 * What the central unit does with a selection of the list: route it to a department, or close it
 * without one ("no action needed", spam) with an undo. The selection is cleared only after a
 * success, every outcome is confirmed (toast) and kept below the bar with the reason for each
 * insight that stayed where it was, and focus moves to that result.
 */
export function BulkBar({ selected, rows, departments, onSettled }: { selected: number[]; rows: InsightRow[]; departments: Option[]; onSettled: () => void }) {
  const t = useTranslations("insights");
  const tr = useTranslations();
  const toast = useToast();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const departmentRef = useRef<HTMLSelectElement>(null);
  const none = selected.length === 0;

  const nameOf = (names: Map<number, string>) => (id: number) => names.get(id) ?? t("bulk.unknownItem", { id });
  const show = (next: Outcome, tone: "success" | "info") => {
    setOutcome(next);
    toast[tone](next.lines.map((l) => l.text).join(" "));
    focusAfterUpdate(BULK_RESULT_ID);
  };

  const route = async (prev: ActionResult<RouteResult> | undefined, form: FormData) => {
    // Names as the user saw them when submitting: routed rows leave the list with the refresh.
    const names = new Map(rows.map((r) => [r.id, insightHeadline(r.text, 60)]));
    const res = await routeAction(prev, form);
    if (res.ok && res.data) {
      const department = departments.find((d) => d.id === Number(form.get("departmentId")))?.name ?? "";
      const skips = groupSkips<{ id: number; reason: RouteSkipReason }>(res.data.skipped);
      show(
        {
          kind: "route",
          lines: [
            { text: res.data.routed ? t("bulk.done", { routed: res.data.routed }) : t("bulk.nothingRouted"), items: [] },
            ...skips.map(([reason, list]) => ({
              text: t(`bulk.skip.${reason}`, { count: list.length, department }),
              items: list.map((s) => nameOf(names)(s.id)),
            })),
          ],
        },
        res.data.routed ? "success" : "info",
      );
      onSettled();
    } else if (!res.ok && res.fieldErrors?.departmentId) {
      departmentRef.current?.focus();
    }
    return res;
  };

  const dismiss = async (prev: ActionResult<{ ids: number[]; skipped: number[]; outcome: string }> | undefined, form: FormData) => {
    const names = new Map(rows.map((r) => [r.id, insightHeadline(r.text, 60)]));
    const res = await bulkDismissAction(prev, form);
    if (res.ok && res.data) {
      const { ids, skipped } = res.data;
      const lines = [{ text: t(res.data.outcome === "spam" ? "bulk.markedSpam" : "bulk.dismissed", { count: ids.length }), items: [] as string[] }];
      if (skipped.length) lines.push({ text: t("bulk.notInTriage", { count: skipped.length }), items: skipped.map(nameOf(names)) });
      show({ kind: "dismiss", lines, ids }, "success");
      onSettled();
    }
    return res;
  };

  const undo = async (prev: ActionResult<{ ids: number[] }> | undefined, form: FormData) => {
    const res = await bulkReopenAction(prev, form);
    if (res.ok && res.data) show({ kind: "undone", lines: [{ text: t("bulk.undone", { count: res.data.ids.length }), items: [] }] }, "success");
    return res;
  };

  const [routeState, routeFormAction] = useActionState(route, undefined);
  const [dismissState, dismissFormAction] = useActionState(dismiss, undefined);
  const [undoState, undoFormAction] = useActionState(undo, undefined);
  const depError = routeState && !routeState.ok ? routeState.fieldErrors?.departmentId : undefined;
  const idsError = [routeState, dismissState].flatMap((s) => (s && !s.ok ? (s.fieldErrors?.ids ?? []) : []));
  const hiddenIds = selected.map((id) => <input key={id} type="hidden" name="ids[]" value={id} />);

  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-3">
      <p className="text-sm font-medium text-slate-800" aria-live="polite">
        {t("bulk.selected", { count: selected.length })}
      </p>
      <div className="flex flex-col gap-4 lg:flex-row lg:flex-wrap lg:items-end lg:gap-8">
        <form action={routeFormAction} noValidate className="flex flex-wrap items-end gap-3">
          <fieldset className="contents">
            <legend className="sr-only">{t("bulk.routeLegend")}</legend>
            {hiddenIds}
            <div className="w-full sm:w-auto">
              <Label htmlFor="bulk-department">{t("bulk.department")}</Label>
              <Select
                id="bulk-department"
                ref={departmentRef}
                name="departmentId"
                className="w-full sm:w-56"
                aria-invalid={depError ? true : undefined}
                aria-describedby={depError ? "bulk-department-error" : undefined}
              >
                <option value="">—</option>
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </Select>
              {depError ? (
                <p id="bulk-department-error" className="mt-1 text-sm text-red-700">
                  {depError.map((e) => (tr.has(e) ? tr(e) : e)).join(" ")}
                </p>
              ) : null}
            </div>
            <div>
              <Label htmlFor="bulk-sla">{t("bulk.slaHours")}</Label>
              <Input id="bulk-sla" name="slaHours" type="number" min={1} max={720} defaultValue={48} className="w-28" />
            </div>
            <SubmitButton disabled={none}>{t("bulk.submit")}</SubmitButton>
          </fieldset>
        </form>
        <form action={dismissFormAction} noValidate className="flex flex-wrap items-end gap-3">
          <fieldset className="contents">
            <legend className="sr-only">{t("bulk.exitsLegend")}</legend>
            {hiddenIds}
            <div className="w-full sm:w-auto">
              <Label htmlFor="bulk-note">{t("bulk.note")}</Label>
              <Input id="bulk-note" name="note" className="w-full sm:w-56" maxLength={2000} />
            </div>
            <SubmitButton variant="secondary" name="outcome" value="no_action" disabled={none}>
              {t("bulk.noAction")}
            </SubmitButton>
            <SubmitButton variant="secondary" name="outcome" value="spam" disabled={none}>
              {t("bulk.spam")}
            </SubmitButton>
          </fieldset>
        </form>
      </div>
      {routeState && !routeState.ok && !depError ? <ActionNotice state={routeState} /> : null}
      {dismissState && !dismissState.ok && !dismissState.fieldErrors?.ids ? <ActionNotice state={dismissState} /> : null}
      {undoState && !undoState.ok ? <ActionNotice state={undoState} /> : null}
      {idsError.length ? (
        <p role="alert" className="text-sm text-red-700">
          {[...new Set(idsError)].map((e) => (tr.has(e) ? tr(e) : e)).join(" ")}
        </p>
      ) : null}
      <div
        id={BULK_RESULT_ID}
        tabIndex={-1}
        aria-label={outcome ? t("bulk.resultLabel") : undefined}
        role={outcome ? "region" : undefined}
        className="space-y-2 text-sm empty:hidden focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600"
        data-testid="bulk-result"
      >
        {outcome ? (
          <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
            {outcome.lines.map((line) => (
              <div key={line.text}>
                <p>{line.text}</p>
                {line.items.length ? (
                  <ul className="ml-5 list-disc text-slate-700" aria-label={t("bulk.skippedItems")}>
                    {line.items.map((item, i) => (
                      <li key={`${item}-${i}`} className="[overflow-wrap:anywhere]">
                        {item}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            ))}
            {outcome.kind === "dismiss" && outcome.ids.length ? (
              <form action={undoFormAction} className="mt-2">
                {outcome.ids.map((id) => (
                  <input key={id} type="hidden" name="ids[]" value={id} />
                ))}
                <SubmitButton size="sm" variant="secondary">
                  {t("bulk.undo")}
                </SubmitButton>
              </form>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
