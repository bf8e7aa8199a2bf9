"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { updateStrategyAction } from "@/app/(dashboard)/channels/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Card } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import { StrategyFields, type StrategyValues } from "./strategy-fields";

/** The strategy answers alone, for the head of the department that owns the channel. */
export function StrategyForm({ channelId, values }: { channelId: number; values: StrategyValues }) {
  const t = useTranslations();
  const [state, formAction] = useActionState<ActionResult<{ id: number }> | undefined, FormData>(updateStrategyAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const shown = state && !state.ok ? (state.values as StrategyValues) : values;
  return (
    <Card className="max-w-3xl">
      <form action={formAction} className="space-y-4" noValidate>
        <p className="text-sm text-slate-600">{t("channels.strategy.headHint")}</p>
        <ActionNotice state={state} success={t("channels.strategy.saved")} />
        <input type="hidden" name="id" value={channelId} />
        <StrategyFields values={shown} errors={fe} />
        <SubmitButton>{t("common.actions.save")}</SubmitButton>
      </form>
    </Card>
  );
}
