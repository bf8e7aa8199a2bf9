"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { sendBriefingAction } from "@/app/(dashboard)/crisis/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Field } from "@/components/ui/field";
import { Checkbox, Select, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";

export interface BriefingCandidate {
  id: number;
  name: string;
  kindLabel: string;
  platforms: string;
  languages: string;
  briefable: boolean;
}

/**
 * Briefs advocates: the chosen ones (only those with a valid consent can be ticked; the server
 * checks again) get what happened, the statement, dos and don'ts and links, by e-mail with their
 * personal link, employees also in the app.
 */
export function BriefingForm({ crisisId, candidates, statements = [] }: { crisisId: number; candidates: BriefingCandidate[]; statements?: { label: string; text: string }[] }) {
  const t = useTranslations("crisis.briefing");
  const tr = useTranslations();
  const [state, formAction] = useActionState<ActionResult<{ recipients: number }> | undefined, FormData>(sendBriefingAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const v = state && !state.ok ? state.values : undefined;
  const sent = state?.ok ? state.data : undefined;
  // The statement the room used (as adapted), offered so the advocates get the agreed words.
  const [statement, setStatement] = useState(v?.statement ?? statements[0]?.text ?? "");
  return (
    <form
      action={formAction}
      className="space-y-4"
      aria-label={t("title")}
      noValidate
      key={sent ? `sent-${sent.recipients}-${Date.now()}` : "form"}
      onSubmit={(e) => {
        const n = new FormData(e.currentTarget).getAll("advocateIds[]").length;
        if (n > 0 && !window.confirm(t("confirm", { count: n }))) e.preventDefault();
      }}
    >
      <ActionNotice state={state} success={sent ? t("sent", { count: sent.recipients }) : undefined} />
      <input type="hidden" name="id" value={crisisId} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t("advocates")}</legend>
        {fe?.advocateIds ? <p className="text-sm text-red-700">{fe.advocateIds.map((e) => (tr.has(e) ? tr(e) : e)).join(" ")}</p> : null}
        {candidates.length ? (
          <ul className="max-h-72 space-y-1 overflow-y-auto rounded border border-slate-200 p-2">
            {candidates.map((c) => (
              <li key={c.id}>
                <label className={`flex flex-wrap items-baseline gap-x-2 text-sm ${c.briefable ? "text-slate-800" : "text-slate-500"}`}>
                  <Checkbox name="advocateIds[]" value={c.id} disabled={!c.briefable} aria-describedby={c.briefable ? undefined : `no-consent-${c.id}`} />
                  <span className="font-medium">{c.name}</span>
                  <span>
                    {c.kindLabel} · {c.platforms || "–"} · {c.languages || "–"}
                  </span>
                  {c.briefable ? null : (
                    <span id={`no-consent-${c.id}`} className="text-red-700">
                      {t("noConsent")}
                    </span>
                  )}
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-700">{t("noCandidates")}</p>
        )}
      </fieldset>
      <Field label={t("message")} errors={fe?.message} hint={t("messageHint")}>
        <Textarea name="message" rows={3} maxLength={4000} defaultValue={v?.message ?? ""} required />
      </Field>
      {statements.length > 1 ? (
        <Field label={t("statementPick")}>
          <Select onChange={(e) => setStatement(statements[Number(e.target.value)]?.text ?? "")} defaultValue="0">
            {statements.map((s, i) => (
              <option key={i} value={i}>
                {s.label}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field label={t("statement")} errors={fe?.statement} hint={statements.length ? t("statementHint") : undefined}>
        <Textarea name="statement" rows={3} maxLength={4000} value={statement} onChange={(e) => setStatement(e.target.value)} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("dos")} errors={fe?.dos}>
          <Textarea name="dos" rows={3} maxLength={2000} defaultValue={v?.dos ?? ""} />
        </Field>
        <Field label={t("donts")} errors={fe?.donts}>
          <Textarea name="donts" rows={3} maxLength={2000} defaultValue={v?.donts ?? ""} />
        </Field>
      </div>
      <Field label={t("links")} errors={fe?.links} hint={t("linksHint")}>
        <Textarea name="links" rows={2} maxLength={4000} defaultValue={v?.links ?? ""} />
      </Field>
      <SubmitButton>{t("send")}</SubmitButton>
    </form>
  );
}
