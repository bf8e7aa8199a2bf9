"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { stepAssignAction, stepCommentAction, stepDoneAction } from "@/app/(dashboard)/crisis/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Badge } from "@/components/ui/card";
import { Select, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import type { StepState } from "@/lib/crisis/checklist";

export interface ChecklistStep {
  id: number;
  position: number;
  title: string;
  dueAt: string;
  state: StepState;
  responsible: string | null;
  assigneeId: number | null;
  assigneeName: string | null;
  doneAt: string | null;
  doneByName: string | null;
  comments: { at: string; by: string | null; text: string }[];
}

const TONE: Record<StepState, "slate" | "red" | "green" | "amber"> = { open: "slate", overdue: "red", done: "green", done_late: "amber" };

type Run = (prev: ActionResult<unknown> | undefined, form: FormData) => Promise<ActionResult<unknown>>;

function StepForm({ action, children, label, className }: { action: Run; children: React.ReactNode; label: string; className?: string }) {
  const [state, formAction] = useActionState<ActionResult<unknown> | undefined, FormData>(action, undefined);
  return (
    <form action={formAction} aria-label={label} className={className}>
      {children}
      {state && !state.ok ? <ActionNotice state={state} /> : null}
    </form>
  );
}

/**
 * The crisis's checklist: each step with its due time and state (overdue in red), who is
 * responsible and assigned, who ticked it when, and its comments. Managers tick, assign and
 * comment; everyone else reads.
 */
export function Checklist({ crisisId, steps, people, canEdit }: { crisisId: number; steps: ChecklistStep[]; people: { id: number; name: string }[]; canEdit: boolean }) {
  const t = useTranslations("crisis.checklist");
  const f = useFormatter();
  const when = (iso: string) => f.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short" });
  return (
    <ol className="space-y-3" aria-label={t("title")}>
      {steps.map((s) => (
        <li key={s.id} className={`rounded-md border p-3 ${s.state === "overdue" ? "border-red-300 bg-red-50" : "border-slate-200 bg-white"}`} data-step={s.position}>
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <p className="font-medium text-slate-900">
                {s.position}. {s.title}
              </p>
              <p className="text-sm text-slate-700">
                {t("due", { time: when(s.dueAt) })}
                {s.responsible ? ` · ${s.responsible}` : null}
                {s.assigneeName ? ` · ${t("assignedTo", { name: s.assigneeName })}` : null}
              </p>
              {s.doneAt ? <p className="text-sm text-slate-700">{t("doneBy", { name: s.doneByName ?? "–", time: when(s.doneAt) })}</p> : null}
            </div>
            <div className="flex items-center gap-2">
              <Badge tone={TONE[s.state]}>{t(`states.${s.state}`)}</Badge>
              {canEdit ? (
                <StepForm action={stepDoneAction} label={t("tickLabel", { title: s.title })}>
                  <input type="hidden" name="id" value={crisisId} />
                  <input type="hidden" name="stepId" value={s.id} />
                  <input type="hidden" name="done" value={s.doneAt ? "false" : "true"} />
                  <SubmitButton size="sm" variant={s.doneAt ? "secondary" : "primary"} aria-label={s.doneAt ? t("reopenLabel", { title: s.title }) : t("tickLabel", { title: s.title })}>
                    {s.doneAt ? t("reopen") : t("tick")}
                  </SubmitButton>
                </StepForm>
              ) : null}
            </div>
          </div>
          {s.comments.length ? (
            <ul className="mt-2 space-y-1 border-l-2 border-slate-200 pl-3 text-sm text-slate-800">
              {s.comments.map((c, i) => (
                <li key={i}>
                  <span className="text-slate-600">
                    {c.by ?? "–"}, {when(c.at)}:
                  </span>{" "}
                  <span className="whitespace-pre-wrap break-words">{c.text}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {canEdit ? (
            <details className="mt-2">
              <summary className="cursor-pointer text-sm text-blue-800">{t("more")}</summary>
              <div className="mt-2 grid gap-3 sm:grid-cols-2">
                <StepForm action={stepAssignAction} label={t("assignLabel", { title: s.title })} className="flex flex-wrap items-end gap-2">
                  <input type="hidden" name="id" value={crisisId} />
                  <input type="hidden" name="stepId" value={s.id} />
                  <label className="text-sm text-slate-800">
                    <span className="block">{t("assignee")}</span>
                    <Select name="assigneeId" defaultValue={s.assigneeId ?? ""} className="max-w-56">
                      <option value="">{t("nobody")}</option>
                      {people.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                    </Select>
                  </label>
                  <SubmitButton size="sm" variant="secondary">
                    {t("assign")}
                  </SubmitButton>
                </StepForm>
                <StepForm action={stepCommentAction} label={t("commentLabel", { title: s.title })} className="space-y-2">
                  <input type="hidden" name="id" value={crisisId} />
                  <input type="hidden" name="stepId" value={s.id} />
                  <label className="block text-sm text-slate-800">
                    <span className="block">{t("comment")}</span>
                    <Textarea name="comment" rows={2} maxLength={2000} required />
                  </label>
                  <SubmitButton size="sm" variant="secondary">
                    {t("addComment")}
                  </SubmitButton>
                </StepForm>
              </div>
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
