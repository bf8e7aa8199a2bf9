"use client";

import { useTranslations } from "next-intl";
import {
  acceptAction,
  closeLoopAction,
  commentAction,
  declineAction,
  dismissAction,
  reassignAction,
  reopenAction,
  resolveAction,
  routeAction,
} from "@/app/(dashboard)/insights/actions";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { isTriageExit } from "@/lib/insights/triage";
import { SubmitButton } from "@/components/ui/submit-button";
import type { InsightStatus } from "@/db/queries/insights";
import { ActionForm } from "./action-form";
// Focus goes to the actions heading after an action: every state of the page has it.
import { ACTIONS_HEADING_ID } from "./focus";

type Option = { id: number; name: string };

export interface ActionsProps {
  id: number;
  status: InsightStatus;
  loopClosed: boolean;
  /** The head of the department the insight is routed to. */
  canAct: boolean;
  /** The central unit (route, close the loop). */
  central: boolean;
  departmentId: number | null;
  departments: Option[];
}

function DepartmentField({ label, options, errors }: { label: string; options: Option[]; errors?: string[] }) {
  return (
    <Field label={label} errors={errors}>
      <Select name="departmentId" defaultValue="">
        <option value="">—</option>
        {options.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function InsightActions(p: ActionsProps) {
  const t = useTranslations("insights.actions");
  const tf = useTranslations("insights");
  const open = p.status === "routed" || p.status === "accepted";
  const done = p.status === "resolved" || p.status === "declined";
  const hidden = <input type="hidden" name="id" value={p.id} />;
  const focusId = ACTIONS_HEADING_ID;
  const others = p.departments.filter((d) => d.id !== p.departmentId);
  const forms: React.ReactNode[] = [];

  if (p.canAct && p.status === "routed") {
    forms.push(
      <ActionForm key="accept" action={acceptAction} success={t("done.accepted")} focusId={focusId}>
        {() => (
          <>
            {hidden}
            <SubmitButton>{t("accept")}</SubmitButton>
          </>
        )}
      </ActionForm>,
    );
  }
  if (p.canAct && open) {
    forms.push(
      <ActionForm key="resolve" action={resolveAction} success={t("done.resolved")} focusId={focusId} title={t("resolve")}>
        {(fe) => (
          <>
            {hidden}
            <Field label={t("resolution")} errors={fe?.note}>
              <Textarea name="note" required />
            </Field>
            <Field label={t("externalReference")} errors={fe?.externalReference}>
              <Input name="externalReference" />
            </Field>
            <SubmitButton>{t("resolve")}</SubmitButton>
          </>
        )}
      </ActionForm>,
      <ActionForm key="reassign" action={reassignAction} success={t("done.reassigned")} focusId={focusId} title={t("reassign")}>
        {(fe) => (
          <>
            {hidden}
            <DepartmentField label={t("reassignTo")} options={others} errors={fe?.departmentId} />
            <Field label={t("reason")} errors={fe?.note}>
              <Textarea name="note" required />
            </Field>
            <SubmitButton variant="secondary">{t("reassign")}</SubmitButton>
          </>
        )}
      </ActionForm>,
      <ActionForm key="decline" action={declineAction} success={t("done.declined")} focusId={focusId} title={t("decline")} confirm={t("declineConfirm")}>
        {(fe) => (
          <>
            {hidden}
            <Field label={t("declineReason")} errors={fe?.note}>
              <Textarea name="note" required />
            </Field>
            <SubmitButton variant="danger">{t("decline")}</SubmitButton>
          </>
        )}
      </ActionForm>,
    );
  }
  if (p.central && p.status === "triage") {
    forms.push(
      <ActionForm
        key="exit"
        action={dismissAction}
        success={(form) => t(form.get("outcome") === "spam" ? "done.spam" : "done.no_action")}
        focusId={focusId}
        title={t("exitTitle")}
      >
        {(fe) => (
          <>
            {hidden}
            <p className="text-sm text-slate-600">{t("exitHint")}</p>
            <Field label={t("exitNote")} errors={fe?.note}>
              <Textarea name="note" rows={2} />
            </Field>
            <div className="flex flex-wrap gap-2">
              <SubmitButton variant="secondary" name="outcome" value="no_action">
                {t("noAction")}
              </SubmitButton>
              <SubmitButton variant="secondary" name="outcome" value="spam">
                {t("spam")}
              </SubmitButton>
            </div>
          </>
        )}
      </ActionForm>,
    );
  }
  if (p.central && isTriageExit(p.status)) {
    forms.push(
      <ActionForm key="reopen" action={reopenAction} success={t("done.reopened")} focusId={focusId} title={t("reopenTitle")}>
        {() => (
          <>
            {hidden}
            <p className="text-sm text-slate-600">{t("reopenHint")}</p>
            <SubmitButton variant="secondary">{t("reopen")}</SubmitButton>
          </>
        )}
      </ActionForm>,
    );
  }
  if (p.central && !done && !p.loopClosed) {
    forms.push(
      <ActionForm key="route" action={routeAction} success={t("done.routed")} focusId={focusId} title={t("routeTitle")}>
        {(fe) => (
          <>
            <input type="hidden" name="ids[]" value={p.id} />
            <DepartmentField label={tf("bulk.department")} options={others} errors={fe?.departmentId} />
            <Field label={tf("bulk.slaHours")} errors={fe?.slaHours}>
              <Input name="slaHours" type="number" min={1} max={720} defaultValue={48} />
            </Field>
            <SubmitButton>{t("route")}</SubmitButton>
          </>
        )}
      </ActionForm>,
    );
  }
  if (p.central && done && !p.loopClosed) {
    forms.push(
      <ActionForm key="loop" action={closeLoopAction} success={t("done.loopClosed")} focusId={focusId} title={t("closeLoop")} confirm={t("closeLoopConfirm")}>
        {() => (
          <>
            {hidden}
            <p className="text-sm text-slate-600">{t("closeLoopHint")}</p>
            <SubmitButton>{t("closeLoop")}</SubmitButton>
          </>
        )}
      </ActionForm>,
    );
  }
  if (p.canAct || p.central) {
    forms.push(
      <ActionForm key="comment" action={commentAction} success={t("done.commented")} focusId={focusId} title={t("comment")}>
        {(fe) => (
          <>
            {hidden}
            <Field label={t("commentLabel")} errors={fe?.note}>
              <Textarea name="note" required />
            </Field>
            <SubmitButton variant="secondary">{t("comment")}</SubmitButton>
          </>
        )}
      </ActionForm>,
    );
  }
  if (forms.length === 0) return <p className="text-sm text-slate-600">{tf("detail.noActions")}</p>;
  return <div className="space-y-6 divide-y divide-slate-100 [&>*:not(:first-child)]:pt-6">{forms}</div>;
}
