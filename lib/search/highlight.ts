import { foldText } from "@/lib/routing/text";

/** A half-open range [start, end) of UTF-16 code units in the original text. */
export interface MatchRange {
  start: number;
  end: number;
}

/**
 * Where a search query occurs in a text, as ranges of the original text, with the same folding
 * the search uses (lib/routing/text.ts foldText: case, ä/ae, ß/ss, accents). The text is folded
 * one character at a time while remembering where each folded character came from, so a match
 * in the folded text maps back to whole original characters even where folding changes the
 * length ("Straße" → "strasse"). A match that covers part of a folded character ("a" in "ä")
 * marks the whole character. Overlapping or touching ranges are merged.
 */
export function highlightRanges(text: string, query: string): MatchRange[] {
  const needle = foldText(query.trim());
  if (!needle || !text) return [];
  let folded = "";
  // origin[i]: the original range of the character that produced folded[i].
  const originStart: number[] = [];
  const originEnd: number[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const piece = foldText(text.slice(i, i + width));
    for (let k = 0; k < piece.length; k++) {
      originStart.push(i);
      originEnd.push(i + width);
    }
    folded += piece;
    i += width;
  }
  const ranges: MatchRange[] = [];
  let from = 0;
  for (;;) {
    const at = folded.indexOf(needle, from);
    if (at < 0) break;
    const start = originStart[at];
    const end = originEnd[at + needle.length - 1];
    const last = ranges.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else ranges.push({ start, end });
    from = at + needle.length;
  }
  return ranges;
}

/** The text cut into plain and matched pieces, for rendering matches as <mark>. */
export function highlightParts(text: string, query: string | undefined): { text: string; match: boolean }[] {
  const ranges = query ? highlightRanges(text, query) : [];
  const parts: { text: string; match: boolean }[] = [];
  let pos = 0;
  for (const r of ranges) {
    if (r.start > pos) parts.push({ text: text.slice(pos, r.start), match: false });
    parts.push({ text: text.slice(r.start, r.end), match: true });
    pos = r.end;
  }
  if (pos < text.length || parts.length === 0) parts.push({ text: text.slice(pos), match: false });
  return parts;
}
