"use client";

import { useTranslations } from "next-intl";
import {
  acceptAction,
  closeLoopAction,
  commentAction,
  declineAction,
  reassignAction,
  resolveAction,
  routeAction,
} from "@/app/(dashboard)/insights/actions";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { InsightStatus } from "@/db/queries/insights";
import { ActionForm } from "./action-form";

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
  const others = p.departments.filter((d) => d.id !== p.departmentId);
  const forms: React.ReactNode[] = [];

  if (p.canAct && p.status === "routed") {
    forms.push(
      <ActionForm key="accept" action={acceptAction} success={t("done.accepted")}>
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
      <ActionForm key="resolve" action={resolveAction} success={t("done.resolved")} title={t("resolve")}>
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
      <ActionForm key="reassign" action={reassignAction} success={t("done.reassigned")} title={t("reassign")}>
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
      <ActionForm key="decline" action={declineAction} success={t("done.declined")} title={t("decline")} confirm={t("declineConfirm")}>
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
  if (p.central && !done && !p.loopClosed) {
    forms.push(
      <ActionForm key="route" action={routeAction} success={t("done.routed")} title={t("routeTitle")}>
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
      <ActionForm key="loop" action={closeLoopAction} success={t("done.loopClosed")} title={t("closeLoop")} confirm={t("closeLoopConfirm")}>
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
      <ActionForm key="comment" action={commentAction} success={t("done.commented")} title={t("comment")}>
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
