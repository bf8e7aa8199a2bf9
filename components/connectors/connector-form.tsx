"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { createConnectorAction } from "@/app/(dashboard)/channels/connector-actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import { CONNECTOR_KINDS, type ConnectorKind, type InsightCategory } from "@/lib/enums";

type Created = { id: number; name: string; kind: ConnectorKind; signingSecret: string | null };

/**
 * Adds a connector to the channel: the fields the chosen kind needs, no more. A generic webhook's
 * signing secret and the address to post to are shown once, right after it was created. The
 * category names come translated from the page (the insights texts stay off this page's payload).
 */
export function ConnectorForm({ channelId, receiveBase, categories }: { channelId: number; receiveBase: string; categories: { value: InsightCategory; label: string }[] }) {
  const t = useTranslations("connectors");
  const [kind, setKind] = useState<ConnectorKind>("feed");
  const [state, formAction] = useActionState<ActionResult<Created> | undefined, FormData>(createConnectorAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const created = state?.ok ? state.data : undefined;
  const receiveUrl = created && (created.kind === "meta" || created.kind === "webhook") ? `${receiveBase}/api/webhooks/${created.kind === "meta" ? "meta" : "inbound"}/${created.id}` : null;
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label={t("form.title")}>
      <h4 className="font-medium text-slate-900">{t("form.title")}</h4>
      <ActionNotice state={state} success={created ? t("form.created", { name: created.name }) : undefined} />
      {receiveUrl ? (
        <div className="space-y-1 rounded border border-blue-200 bg-blue-50 p-3 text-sm" role="status">
          <p>{t("form.receiveAt")}</p>
          <code className="block break-all">{receiveUrl}</code>
          {created?.signingSecret ? (
            <>
              <p className="pt-2">{t("form.signingSecretOnce")}</p>
              <code className="block break-all">{created.signingSecret}</code>
            </>
          ) : null}
        </div>
      ) : null}
      <input type="hidden" name="channelId" value={channelId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("fields.kind")} errors={fe?.kind}>
          <Select name="kind" value={kind} onChange={(e) => setKind(e.target.value as ConnectorKind)}>
            {CONNECTOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("fields.name")} errors={fe?.name}>
          <Input name="name" defaultValue={values?.name ?? ""} maxLength={120} />
        </Field>
        {kind === "feed" || kind === "mastodon" ? (
          <Field label={kind === "feed" ? t("fields.feedUrl") : t("fields.instanceUrl")} errors={fe?.url} hint={kind === "feed" ? t("hints.feedUrl") : t("hints.instanceUrl")}>
            <Input name="url" type="url" defaultValue={values?.url ?? ""} inputMode="url" />
          </Field>
        ) : null}
        {kind === "mastodon" ? (
          <Field label={t("fields.hashtags")} errors={fe?.hashtags} hint={t("hints.hashtags")}>
            <Input name="hashtags" defaultValue={values?.hashtags ?? ""} />
          </Field>
        ) : null}
        {kind === "youtube" ? (
          <Field label={t("fields.youtubeChannelId")} errors={fe?.youtubeChannelId} hint={t("hints.youtubeChannelId")}>
            <Input name="youtubeChannelId" defaultValue={values?.youtubeChannelId ?? ""} />
          </Field>
        ) : null}
        {kind === "youtube" ? (
          <Field label={t("fields.apiKey")} errors={fe?.apiKey}>
            <Input name="apiKey" type="password" autoComplete="off" />
          </Field>
        ) : null}
        {kind === "mastodon" ? (
          <Field label={t("fields.accessToken")} errors={fe?.accessToken} hint={t("hints.accessToken")}>
            <Input name="accessToken" type="password" autoComplete="off" />
          </Field>
        ) : null}
        {kind === "meta" ? (
          <>
            <Field label={t("fields.appSecret")} errors={fe?.appSecret}>
              <Input name="appSecret" type="password" autoComplete="off" />
            </Field>
            <Field label={t("fields.verifyToken")} errors={fe?.verifyToken} hint={t("hints.verifyToken")}>
              <Input name="verifyToken" type="password" autoComplete="off" />
            </Field>
          </>
        ) : null}
        <Field label={t("fields.category")} errors={fe?.category} hint={t("hints.category")}>
          <Select name="category" defaultValue={values?.category ?? ""}>
            <option value="">{t("form.noCategory")}</option>
            {categories.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
        {kind === "feed" || kind === "mastodon" || kind === "youtube" ? (
          <Field label={t("fields.intervalMinutes")} errors={fe?.intervalMinutes}>
            <Input name="intervalMinutes" type="number" min={5} max={1440} defaultValue={values?.intervalMinutes ?? "15"} />
          </Field>
        ) : null}
      </div>
      <SubmitButton>{t("form.submit")}</SubmitButton>
    </form>
  );
}
