import { getTranslations } from "next-intl/server";
import type { WordDiff } from "@/lib/guidelines/diff";

/**
 * A word diff of the Markdown source. Insertions and deletions are real <ins>/<del> elements,
 * underlined or struck through and announced with a hidden label, so colour is never the only cue.
 */
export async function DiffView({ diff }: { diff: WordDiff }) {
  const t = await getTranslations("guidelines.diff");
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        {t("stats", { added: diff.addedWords, removed: diff.removedWords })}{" "}
        <span className="ml-2">
          {t("legend")}{" "}
          <ins className="bg-green-100 px-1 text-green-900 underline decoration-2">{t("legendAdded")}</ins>{" "}
          <del className="bg-red-100 px-1 text-red-900 line-through decoration-2">{t("legendRemoved")}</del>
        </span>
      </p>
      <div className="whitespace-pre-wrap rounded-md border border-slate-200 bg-white p-4 font-mono text-sm leading-relaxed" data-testid="guideline-diff">
        {diff.parts.map((p, i) =>
          p.kind === "same" ? (
            <span key={i}>{p.text}</span>
          ) : p.kind === "added" ? (
            <ins key={i} className="bg-green-100 text-green-900 underline decoration-2">
              <span className="sr-only">[{t("added")}: </span>
              {p.text}
              <span className="sr-only">]</span>
            </ins>
          ) : (
            <del key={i} className="bg-red-100 text-red-900 line-through decoration-2">
              <span className="sr-only">[{t("removed")}: </span>
              {p.text}
              <span className="sr-only">]</span>
            </del>
          ),
        )}
      </div>
    </div>
  );
}
