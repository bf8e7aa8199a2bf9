"use client";

import { useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";
import { createPlaybookAction, updatePlaybookAction } from "@/app/(dashboard)/crisis/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import type { PlaybookStepRow } from "@/lib/crisis/checklist";
import { CRISIS_STEP_ROLES, CRISIS_TYPES, DEPARTMENT_KINDS } from "@/lib/enums";

const EMPTY: PlaybookStepRow = { title: "", due: "", unit: "h", role: "", department: "" };

/**
 * A playbook's editor: name, crisis type, description and ordered steps, each due a time after
 * the start and for a role or a department. Steps are added, removed and moved with buttons.
 */
export function PlaybookForm({
  playbook,
  departmentKinds,
}: {
  playbook?: { id: number; name: string; crisisType: string; description: string | null; steps: PlaybookStepRow[] };
  departmentKinds: { value: string; label: string }[];
}) {
  const t = useTranslations("crisis.playbooks");
  const tc = useTranslations("crisis");
  const tr = useTranslations();
  const [state, formAction] = useActionState<ActionResult<unknown> | undefined, FormData>(playbook ? updatePlaybookAction : createPlaybookAction, undefined);
  const nextKey = useRef(0);
  const keyed = (r: PlaybookStepRow) => ({ ...r, key: nextKey.current++ });
  const [rows, setRows] = useState(() => (playbook?.steps.length ? playbook.steps : [EMPTY]).map(keyed));
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const v = state && !state.ok ? state.values : undefined;
  const move = (i: number, d: -1 | 1) =>
    setRows((rs) => {
      const out = [...rs];
      [out[i], out[i + d]] = [out[i + d], out[i]];
      return out;
    });
  const set = (i: number, patch: Partial<PlaybookStepRow>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Card className="max-w-4xl">
      <form action={formAction} className="space-y-4" noValidate aria-label={playbook ? t("edit") : t("new")}>
        <ActionNotice state={state} success={playbook ? t("saved") : undefined} />
        {playbook ? <input type="hidden" name="id" value={playbook.id} /> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("name")} errors={fe?.name}>
            <Input name="name" defaultValue={v?.name ?? playbook?.name ?? ""} maxLength={120} required />
          </Field>
          <Field label={tc("fields.type")} errors={fe?.crisisType}>
            <Select name="crisisType" defaultValue={v?.crisisType ?? playbook?.crisisType ?? "product_defect"}>
              {CRISIS_TYPES.map((c) => (
                <option key={c} value={c}>
                  {tc(`types.${c}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label={t("description")} errors={fe?.description}>
          <Textarea name="description" rows={2} maxLength={2000} defaultValue={v?.description ?? playbook?.description ?? ""} />
        </Field>
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-800">{t("steps")}</legend>
          {fe?.steps ? <p className="text-sm text-red-700">{fe.steps.map((e) => (tr.has(e) ? tr(e) : e)).join(" ")}</p> : null}
          <ol className="space-y-3">
            {rows.map((r, i) => (
              <li key={r.key} className="rounded-md border border-slate-200 p-3">
                <div className="grid gap-3 sm:grid-cols-[1fr_auto]">
                  <Field label={t("stepTitle", { n: i + 1 })} errors={fe?.[`steps.${i}.title`]}>
                    <Input name="stepTitle[]" value={r.title} onChange={(e) => set(i, { title: e.target.value })} maxLength={300} />
                  </Field>
                  <div className="flex items-end gap-2">
                    <Field label={t("due")} errors={fe?.[`steps.${i}.due`]}>
                      <Input name="stepDue[]" value={r.due} onChange={(e) => set(i, { due: e.target.value })} inputMode="numeric" className="w-20" />
                    </Field>
                    <label className="text-sm text-slate-800">
                      <span className="sr-only">{t("unit")}</span>
                      <Select name="stepUnit[]" value={r.unit} onChange={(e) => set(i, { unit: e.target.value as PlaybookStepRow["unit"] })} aria-label={t("unitOf", { n: i + 1 })}>
                        <option value="min">{t("units.min")}</option>
                        <option value="h">{t("units.h")}</option>
                        <option value="d">{t("units.d")}</option>
                      </Select>
                    </label>
                  </div>
                </div>
                <div className="mt-2 grid gap-3 sm:grid-cols-2">
                  <Field label={t("role")} errors={fe?.[`steps.${i}.role`]}>
                    <Select name="stepRole[]" value={r.role} onChange={(e) => set(i, { role: e.target.value })}>
                      <option value="">–</option>
                      {CRISIS_STEP_ROLES.map((x) => (
                        <option key={x} value={x}>
                          {tc(`roles.${x}`)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={t("department")} errors={fe?.[`steps.${i}.department`]}>
                    <Select name="stepDepartment[]" value={r.department} onChange={(e) => set(i, { department: e.target.value })}>
                      <option value="">–</option>
                      {departmentKinds
                        .filter((d) => (DEPARTMENT_KINDS as readonly string[]).includes(d.value))
                        .map((d) => (
                          <option key={d.value} value={d.value}>
                            {d.label}
                          </option>
                        ))}
                    </Select>
                  </Field>
                </div>
                <div className="mt-2 flex flex-wrap gap-2">
                  <Button size="sm" variant="ghost" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t("upLabel", { n: i + 1 })}>
                    {t("up")}
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => move(i, 1)} disabled={i === rows.length - 1} aria-label={t("downLabel", { n: i + 1 })}>
                    {t("down")}
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))} disabled={rows.length === 1} aria-label={t("removeLabel", { n: i + 1 })}>
                    {t("remove")}
                  </Button>
                </div>
              </li>
            ))}
          </ol>
          <Button variant="secondary" onClick={() => setRows((rs) => [...rs, keyed(EMPTY)])}>
            {t("addStep")}
          </Button>
        </fieldset>
        <SubmitButton>{t("save")}</SubmitButton>
      </form>
    </Card>
  );
}
