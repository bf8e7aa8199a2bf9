"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createInsightAction } from "@/app/(dashboard)/insights/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ChannelOption } from "@/db/queries/routing-rules";
import type { ActionResult } from "@/lib/action-result";
import { INSIGHT_CATEGORIES, INSIGHT_LANGUAGES, PLATFORMS, SENTIMENTS } from "@/lib/enums";
import { focusAfterUpdate } from "./focus";

type Created = { id: number; departmentId: number | null };

export function InsightForm({ channels, now }: { channels: ChannelOption[]; now: string }) {
  const t = useTranslations("insights");
  // The form starts afresh after a success, taking the focused button with it: focus moves to the outcome, which is read out.
  const [state, formAction] = useActionState<ActionResult<Created> | undefined, FormData>(async (prev, form) => {
    const res = await createInsightAction(prev, form);
    if (res.ok && res.data) focusAfterUpdate("insight-created");
    return res;
  }, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const v = state && !state.ok ? state.values : undefined;
  const created = state?.ok ? state.data : undefined;
  return (
    <Card className="max-w-3xl">
      <form action={formAction} className="space-y-4" noValidate key={created ? `done-${created.id}` : "form"}>
        {created ? (
          <div id="insight-created" tabIndex={-1} className="focus:outline-none">
            <Notice tone="success">
              {t("new.created")} {created.departmentId ? t("new.routed") : t("new.triage")}{" "}
              <Link href={`/insights/${created.id}`} className="font-medium underline">
                {t("new.open")}
              </Link>
            </Notice>
          </div>
        ) : (
          <ActionNotice state={state} />
        )}
        <Field label={t("fields.text")} errors={fe?.text}>
          <Textarea name="text" defaultValue={v?.text} required rows={5} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("fields.category")} errors={fe?.category}>
            <Select name="category" defaultValue={v?.category ?? ""}>
              <option value="">—</option>
              {INSIGHT_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`category.${c}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("fields.occurredAt")} errors={fe?.occurredAt}>
            <Input name="occurredAt" type="datetime-local" defaultValue={v?.occurredAt ?? now} required />
          </Field>
          <Field label={t("fields.channel")} errors={fe?.channelId} hint={t("new.channelHint")}>
            <Select name="channelId" defaultValue={v?.channelId ?? ""}>
              <option value="">{t("new.noChannel")}</option>
              {channels.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("fields.platform")} errors={fe?.platform}>
            <Select name="platform" defaultValue={v?.platform ?? ""}>
              <option value="">{t("new.noPlatform")}</option>
              {PLATFORMS.map((p) => (
                <option key={p} value={p}>
                  {t(`platform.${p}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("fields.sentiment")} errors={fe?.sentiment} hint={t("new.derivedHint")}>
            <Select name="sentiment" defaultValue={v?.sentiment ?? ""}>
              <option value="">—</option>
              {SENTIMENTS.map((s) => (
                <option key={s} value={s}>
                  {t(`sentiment.${s}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("fields.language")} errors={fe?.language} hint={t("new.derivedHint")}>
            <Select name="language" defaultValue={v?.language ?? ""}>
              <option value="">—</option>
              {INSIGHT_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`language.${l}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("fields.author")} errors={fe?.authorHandle}>
            <Input name="authorHandle" defaultValue={v?.authorHandle} />
          </Field>
          <Field label={t("fields.url")} errors={fe?.url}>
            <Input name="url" type="url" defaultValue={v?.url} />
          </Field>
        </div>
        <SubmitButton>{t("new.submit")}</SubmitButton>
      </form>
    </Card>
  );
}
