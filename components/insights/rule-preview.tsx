"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { PreviewInsight } from "@/db/queries/routing-rules";
import { compileRule, compileRules, route, ruleMatches, type RuleSpec } from "@/lib/routing/engine";

const SHOWN = 15;

/** Runs the same engine as the intake, in the browser, over the latest insights. */
export function RulePreview({ draft, earlier, sample }: { draft: RuleSpec; earlier: RuleSpec[]; sample: PreviewInsight[] }) {
  const t = useTranslations("insights");
  const format = useFormatter();
  const before = useMemo(() => compileRules(earlier), [earlier]);
  const { hits, caughtEarlier } = useMemo(() => {
    const rule = compileRule(draft);
    const hits = sample.filter((s) => ruleMatches(rule, s));
    const now = new Date();
    return { hits, caughtEarlier: hits.filter((s) => route(before, s, now) !== null).length };
  }, [draft, before, sample]);
  return (
    <section aria-labelledby="preview-title" className="space-y-2">
      <h2 id="preview-title" className="font-medium">
        {t("rules.preview.title")}
      </h2>
      {sample.length === 0 ? (
        <p className="text-sm text-slate-600">{t("rules.preview.empty")}</p>
      ) : (
        <>
          <p className="text-sm text-slate-600">{t("rules.preview.lead", { count: sample.length })}</p>
          <p className="font-medium" aria-live="polite" data-testid="preview-count">
            {t("rules.preview.matches", { count: hits.length })}
            {caughtEarlier ? <span className="ml-2 text-sm font-normal text-amber-800">{t("rules.preview.earlier", { count: caughtEarlier })}</span> : null}
          </p>
          <ul className="divide-y divide-slate-100 text-sm">
            {hits.slice(0, SHOWN).map((s) => (
              <li key={s.id} className="py-1.5">
                <span className="text-xs text-slate-500">
                  {format.dateTime(new Date(s.occurredAt), { dateStyle: "short" })} · {t(`category.${s.category}`)}
                </span>
                <p className="line-clamp-2">{s.text}</p>
              </li>
            ))}
          </ul>
          {hits.length > SHOWN ? <p className="text-sm text-slate-600">{t("rules.preview.more", { count: hits.length - SHOWN })}</p> : null}
        </>
      )}
    </section>
  );
}
