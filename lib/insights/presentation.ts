/** How an insight is named and described to people, not to machines. */

/**
 * The first words of an insight as its heading (what a user recognises, unlike "Hinweis 14"):
 * whole words up to `maxChars`, an ellipsis when cut, line breaks flattened.
 */
export function insightHeadline(text: string, maxChars = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= maxChars) return flat;
  const cut = flat.slice(0, maxChars + 1);
  const lastSpace = cut.lastIndexOf(" ");
  const words = (lastSpace > maxChars * 0.5 ? cut.slice(0, lastSpace) : flat.slice(0, maxChars)).replace(/[\s,;:.\-–]+$/, "");
  return `${words} …`;
}

/** Sources that only say how a row got into the database (demo data, the manual form, a CSV without a source column). */
const INTERNAL_SOURCES = new Set(["seed", "form", "csv"]);

/** A source worth showing users: a connector, feed or import name; not the demo seed or the form. */
export function meaningfulSource(source: string): string | null {
  return INTERNAL_SOURCES.has(source.trim().toLowerCase()) ? null : source;
}
