import { diffWordsWithSpace } from "diff";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

export interface WordDiff {
  parts: DiffPart[];
  addedWords: number;
  removedWords: number;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** A word-level diff of two Markdown sources, in reading order, adjacent parts of one kind merged. */
export function wordDiff(from: string, to: string): WordDiff {
  const parts: DiffPart[] = [];
  let addedWords = 0;
  let removedWords = 0;
  for (const c of diffWordsWithSpace(from, to)) {
    const kind: DiffPart["kind"] = c.added ? "added" : c.removed ? "removed" : "same";
    if (kind === "added") addedWords += words(c.value);
    if (kind === "removed") removedWords += words(c.value);
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += c.value;
    else parts.push({ kind, text: c.value });
  }
  return { parts, addedWords, removedWords };
}
