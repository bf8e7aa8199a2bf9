"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { confirmCrisisAction, declareCrisisAction } from "@/app/(dashboard)/crisis/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Checkbox, Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import { CRISIS_SEVERITIES, CRISIS_TYPES } from "@/lib/enums";

export interface CrisisFormDefaults {
  id: number;
  title: string;
  severity: number;
  crisisType: string | null;
  leadId: number | null;
  playbookId: number | null;
  channelIds: number[];
  topics: string[];
}

/**
 * Declaring a crisis by hand, or confirming a draft the early warning opened: what it is about
 * (title, type, severity), who leads, which playbook's checklist it follows, and the channels and
 * topics whose insights belong to it.
 */
export function CrisisForm({
  mode,
  people,
  playbooks,
  channels,
  now,
  defaults,
}: {
  mode: "declare" | "confirm";
  people: { id: number; name: string }[];
  playbooks: { id: number; name: string }[];
  channels: { id: number; name: string; platform: string }[];
  now?: string;
  defaults?: CrisisFormDefaults;
}) {
  const t = useTranslations("crisis");
  const [state, formAction] = useActionState<ActionResult<unknown> | undefined, FormData>(mode === "declare" ? declareCrisisAction : confirmCrisisAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const v = state && !state.ok ? state.values : undefined;
  const chosen = new Set(defaults?.channelIds ?? []);
  return (
    <Card className="max-w-3xl">
      <form action={formAction} className="space-y-4" noValidate aria-label={mode === "declare" ? t("declare.title") : t("confirm.title")}>
        <ActionNotice state={state} success={mode === "confirm" ? t("confirm.done") : undefined} />
        {defaults ? <input type="hidden" name="id" value={defaults.id} /> : null}
        <Field label={t("fields.title")} errors={fe?.title}>
          <Input name="title" defaultValue={v?.title ?? defaults?.title ?? ""} maxLength={160} required />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("fields.severity")} errors={fe?.severity}>
            <Select name="severity" defaultValue={v?.severity ?? String(defaults?.severity ?? 2)}>
              {CRISIS_SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {t(`severities.${s}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("fields.type")} errors={fe?.crisisType}>
            <Select name="crisisType" defaultValue={v?.crisisType ?? defaults?.crisisType ?? ""}>
              <option value="">{t("fields.noType")}</option>
              {CRISIS_TYPES.map((c) => (
                <option key={c} value={c}>
                  {t(`types.${c}`)}
                </option>
              ))}
            </Select>
          </Field>
          {mode === "declare" ? (
            <Field label={t("fields.startedAt")} errors={fe?.startedAt} hint={t("hints.startedAt")}>
              <Input name="startedAt" type="datetime-local" defaultValue={v?.startedAt ?? now} required />
            </Field>
          ) : null}
          <Field label={t("fields.lead")} errors={fe?.leadId}>
            <Select name="leadId" defaultValue={v?.leadId ?? String(defaults?.leadId ?? "")}>
              <option value="">{t("fields.noLead")}</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("fields.playbook")} errors={fe?.playbookId} hint={t("hints.playbook")}>
            <Select name="playbookId" defaultValue={v?.playbookId ?? String(defaults?.playbookId ?? "")}>
              <option value="">{t("fields.noPlaybook")}</option>
              {playbooks.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label={t("fields.topics")} errors={fe?.topics} hint={t("hints.topics")}>
          <Input name="topics" defaultValue={v?.topics ?? defaults?.topics.join(", ") ?? ""} maxLength={1000} />
        </Field>
        <fieldset className="space-y-2" aria-describedby="crisis-channels-hint">
          <legend className="text-sm font-medium text-slate-800">{t("fields.channels")}</legend>
          <p id="crisis-channels-hint" className="text-xs text-slate-600">
            {t("hints.channels")}
          </p>
          <div className="grid max-h-56 gap-1 overflow-y-auto rounded border border-slate-200 p-2 sm:grid-cols-2">
            {channels.map((c) => (
              <label key={c.id} className="flex min-w-0 items-center gap-2 text-sm text-slate-800">
                <Checkbox name="channelIds[]" value={c.id} defaultChecked={chosen.has(c.id)} />
                <span className="truncate">{c.name}</span>
              </label>
            ))}
          </div>
          {fe?.channelIds ? <p className="text-sm text-red-700">{t("errors.channel")}</p> : null}
        </fieldset>
        <SubmitButton>{mode === "declare" ? t("declare.submit") : t("confirm.submit")}</SubmitButton>
      </form>
    </Card>
  );
}
