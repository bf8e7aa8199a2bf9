import { highlightParts } from "@/lib/search/highlight";

/**
 * The text with the search query's matches marked, found the way the search finds them
 * (umlauts and case folded: a search for "Geräusch" marks "Geraeusch"). <mark> is announced as
 * highlighted by screen readers that support it; the colour keeps the text's contrast.
 */
export function Highlighted({ text, query }: { text: string; query?: string }) {
  if (!query?.trim()) return <>{text}</>;
  return (
    <>
      {highlightParts(text, query).map((p, i) =>
        p.match ? (
          <mark key={i} className="rounded-sm bg-yellow-200 text-inherit">
            {p.text}
          </mark>
        ) : (
          p.text
        ),
      )}
    </>
  );
}
