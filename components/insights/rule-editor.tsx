"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { createRuleAction, updateRuleAction } from "@/app/(dashboard)/insights/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Checkbox, Input, Label, Select, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ChannelOption, PreviewInsight } from "@/db/queries/routing-rules";
import type { ActionResult } from "@/lib/action-result";
import { INSIGHT_CATEGORIES, INSIGHT_LANGUAGES, PLATFORMS, SENTIMENTS } from "@/lib/enums";
import type { RuleSpec } from "@/lib/routing/engine";
import { RulePreview } from "./rule-preview";

type Editable = Omit<RuleSpec, "id" | "position"> & { id?: number; name: string };

function CheckGroup<T extends string | number>({
  legend,
  name,
  options,
  value,
  onChange,
  hint,
}: {
  legend: string;
  name: string;
  options: { value: T; label: string }[];
  value: T[];
  onChange: (v: T[]) => void;
  hint?: string;
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? <p className="text-xs text-slate-600">{hint}</p> : null}
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={String(o.value)} className="flex items-center gap-1.5 text-sm">
            <Checkbox
              name={`${name}[]`}
              value={String(o.value)}
              checked={value.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((x) => x !== o.value))}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function RuleEditor({
  rule,
  departments,
  channels,
  sample,
  earlier,
}: {
  rule: Editable | null;
  departments: { id: number; name: string }[];
  channels: ChannelOption[];
  sample: PreviewInsight[];
  earlier: RuleSpec[];
}) {
  const t = useTranslations("insights");
  const router = useRouter();
  const [state, formAction] = useActionState<ActionResult<{ id: number }> | undefined, FormData>(rule?.id ? updateRuleAction : createRuleAction, undefined);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const [d, setD] = useState<Editable>(
    rule ?? { name: "", active: true, categories: [], platforms: [], channelIds: [], keywords: [], keywordMode: "any", sentiments: [], languages: [], departmentId: 0, slaHours: 48 },
  );
  const [keywordText, setKeywordText] = useState(d.keywords.join("\n"));
  const set = <K extends keyof Editable>(k: K) => (v: Editable[K]) => setD((x) => ({ ...x, [k]: v }));
  useEffect(() => {
    if (state?.ok && !rule?.id) router.push("/insights/rules");
  }, [state, rule?.id, router]);
  const draft: RuleSpec = {
    ...d,
    id: rule?.id ?? 0,
    position: 0,
    active: true,
    keywords: keywordText.split(/[\n,;]/).map((k) => k.trim()).filter(Boolean),
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
      <Card>
        <form action={formAction} className="space-y-4" noValidate>
          <ActionNotice state={state} success={t("rules.saved")} />
          {rule?.id ? <input type="hidden" name="id" value={rule.id} /> : null}
          <Field label={t("rules.name")} errors={fe?.name}>
            <Input name="name" value={d.name} onChange={(e) => set("name")(e.target.value)} required />
          </Field>
          <CheckGroup
            legend={t("rules.categories")}
            name="categories"
            hint={t("rules.noneMeansAny")}
            options={INSIGHT_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
            value={[...d.categories]}
            onChange={set("categories")}
          />
          <CheckGroup
            legend={t("rules.platforms")}
            name="platforms"
            hint={t("rules.platformsHint")}
            options={PLATFORMS.map((p) => ({ value: p, label: t(`platform.${p}`) }))}
            value={[...d.platforms]}
            onChange={set("platforms")}
          />
          {channels.length ? (
            <CheckGroup
              legend={t("rules.channels")}
              name="channelIds"
              options={channels.map((c) => ({ value: c.id, label: c.name }))}
              value={[...d.channelIds]}
              onChange={set("channelIds")}
            />
          ) : null}
          <Field label={t("rules.keywords")} errors={fe?.keywords} hint={t("rules.keywordsHint")}>
            <Textarea name="keywords" value={keywordText} onChange={(e) => setKeywordText(e.target.value)} />
          </Field>
          <Field label={t("rules.keywordMode.label")} errors={fe?.keywordMode}>
            <Select name="keywordMode" value={d.keywordMode} onChange={(e) => set("keywordMode")(e.target.value as "any" | "all")}>
              <option value="any">{t("rules.keywordMode.any")}</option>
              <option value="all">{t("rules.keywordMode.all")}</option>
            </Select>
          </Field>
          <CheckGroup
            legend={t("rules.sentiments")}
            name="sentiments"
            options={SENTIMENTS.map((s) => ({ value: s, label: t(`sentiment.${s}`) }))}
            value={[...d.sentiments]}
            onChange={set("sentiments")}
          />
          <CheckGroup
            legend={t("rules.languages")}
            name="languages"
            options={INSIGHT_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
            value={[...d.languages]}
            onChange={set("languages")}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t("rules.department")} errors={fe?.departmentId}>
              <Select name="departmentId" value={d.departmentId || ""} onChange={(e) => set("departmentId")(Number(e.target.value))}>
                <option value="">—</option>
                {departments.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("rules.slaHours")} errors={fe?.slaHours}>
              <Input name="slaHours" type="number" min={1} max={720} value={d.slaHours} onChange={(e) => set("slaHours")(Number(e.target.value))} />
            </Field>
          </div>
          <div className="flex items-center gap-2">
            <Checkbox id="rule-active" name="active" checked={d.active} onChange={(e) => set("active")(e.target.checked)} />
            <Label htmlFor="rule-active">{t("rules.activeLabel")}</Label>
          </div>
          <SubmitButton>{rule?.id ? t("rules.editTitle") : t("rules.new")}</SubmitButton>
        </form>
      </Card>
      <Card>
        <RulePreview draft={draft} earlier={earlier} sample={sample} />
      </Card>
    </div>
  );
}
