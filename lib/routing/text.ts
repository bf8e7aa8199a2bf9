/**
 * Text folding shared by the routing engine and the classifier. German is written with and
 * without umlauts ("Lösung", "Loesung", "LOESUNG"), so both sides fold to the same form:
 * lower case, ä→ae, ö→oe, ü→ue, ß→ss, other accents dropped (é→e), everything that is not a
 * letter or digit becomes a word break.
 */
const FOLD: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss", ẞ: "ss" };

export function foldText(input: string): string {
  return input
    .toLowerCase()
    .replace(/[äöüßẞ]/g, (c) => FOLD[c])
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

/** Folded words of a text, in order. */
export function words(input: string): string[] {
  return foldText(input).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * The form keyword matching works on: folded words joined by single spaces, with a leading
 * space so `" " + keyword` finds a keyword at the start of a word.
 */
export function matchableText(input: string): string {
  return ` ${words(input).join(" ")} `;
}

/** A keyword as the engine stores it: folded words joined by single spaces ("" when nothing is left). */
export function foldKeyword(keyword: string): string {
  return words(keyword).join(" ");
}
