"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState } from "react";
import { createChannelAction, updateChannelAction } from "@/app/(dashboard)/channels/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { OptionList } from "@/components/ui/option-list";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import { CHANNEL_STATUSES, PLATFORMS } from "@/lib/channels/constants";
import { formKey } from "./form-key";
import { StrategyFields, type StrategyValues } from "./strategy-fields";

export interface EditableChannel extends StrategyValues {
  id: number;
  name: string;
  platform: string;
  handle: string | null;
  url: string | null;
  status: string;
  ownerId: number | null;
  deputyId: number | null;
  nextReviewOn: string | null;
  updatedAt?: Date;
}

type Option = { id: number; name: string };
type Saved = { id: number; name?: string };

/** Creates a channel (with its owning department) or edits one; assignments are kept on the channel page. */
export function ChannelForm({ channel, people, departments }: { channel?: EditableChannel; people: Option[]; departments?: Option[] }) {
  const t = useTranslations("channels");
  const tc = useTranslations("common");
  const [state, formAction] = useActionState<ActionResult<Saved> | undefined, FormData>(
    channel ? updateChannelAction : createChannelAction,
    undefined,
  );
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  // After a failed submit the form shows what was typed; otherwise the stored values.
  const stored: Record<string, string | null | undefined> = channel
    ? { ...channel, id: String(channel.id), updatedAt: undefined, ownerId: channel.ownerId?.toString(), deputyId: channel.deputyId?.toString() }
    : {};
  const v = state && !state.ok ? (state.values ?? {}) : stored;
  const created = !channel && state?.ok ? state.data : undefined;
  const personOptions = <OptionList items={people} empty={t("form.nobody")} />;
  return (
    <Card className="max-w-3xl">
      <form action={formAction} className="space-y-4" noValidate key={channel && state?.ok ? `saved-${channel.updatedAt?.valueOf()}` : formKey(state)}>
        <ActionNotice state={state} success={channel ? t("form.saved") : created ? t("form.created", { name: created.name ?? "" }) : undefined} />
        {created ? (
          <Link href={`/channels/${created.id}`} className="text-sm font-medium text-blue-800 hover:underline">
            {t("form.toChannel")}
          </Link>
        ) : null}
        {channel ? <input type="hidden" name="id" value={channel.id} /> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("fields.name")} errors={fe?.name}>
            <Input name="name" defaultValue={v.name ?? ""} required maxLength={120} />
          </Field>
          <Field label={t("fields.platform")} errors={fe?.platform}>
            <Select name="platform" defaultValue={v.platform ?? "linkedin"}>
              {PLATFORMS.map((p) => (
                <option key={p} value={p}>
                  {t(`platforms.${p}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("fields.handle")} errors={fe?.handle} hint={t("form.handleHint")}>
            <Input name="handle" defaultValue={v.handle ?? ""} maxLength={100} autoComplete="off" />
          </Field>
          <Field label={t("fields.url")} errors={fe?.url}>
            <Input name="url" type="url" defaultValue={v.url ?? ""} placeholder="https://" />
          </Field>
          <Field label={t("fields.status")} errors={fe?.status} hint={t("form.statusHint")}>
            <Select name="status" defaultValue={v.status ?? "planned"}>
              {CHANNEL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("fields.nextReviewOn")} errors={fe?.nextReviewOn}>
            <Input name="nextReviewOn" type="date" defaultValue={v.nextReviewOn ?? ""} />
          </Field>
          <Field label={t("fields.owner")} errors={fe?.ownerId}>
            <Select name="ownerId" defaultValue={v.ownerId ?? ""}>
              {personOptions}
            </Select>
          </Field>
          <Field label={t("fields.deputy")} errors={fe?.deputyId}>
            <Select name="deputyId" defaultValue={v.deputyId ?? ""}>
              {personOptions}
            </Select>
          </Field>
          {departments ? (
            <Field label={t("fields.owningDepartment")} errors={fe?.owningDepartmentId} hint={t("form.owningDepartmentHint")}>
              <Select name="owningDepartmentId" defaultValue={v.owningDepartmentId ?? ""}>
                <OptionList items={departments} empty={t("form.noDepartment")} />
              </Select>
            </Field>
          ) : null}
        </div>
        <StrategyFields values={v as StrategyValues} errors={fe} />
        <SubmitButton>{channel ? tc("actions.save") : tc("actions.create")}</SubmitButton>
      </form>
    </Card>
  );
}
