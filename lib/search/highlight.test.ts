import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldText } from "@/lib/routing/text";
import { highlightParts, highlightRanges } from "./highlight";

const marked = (text: string, q: string) => highlightRanges(text, q).map((r) => text.slice(r.start, r.end));

describe("highlightRanges", () => {
  it("finds umlauts written either way, in any case", () => {
    expect(marked("Lautes Geraeusch beim Bremsen", "Geräusch")).toEqual(["Geraeusch"]);
    expect(marked("Lautes GERÄUSCH beim Bremsen", "geraeusch")).toEqual(["GERÄUSCH"]);
    expect(marked("Die Straße ist gesperrt, die Strasse auch", "strasse")).toEqual(["Straße", "Strasse"]);
    expect(marked("Café und cafe", "CAFE")).toEqual(["Café", "cafe"]);
  });

  it("marks a whole character when the query covers part of its folded form", () => {
    // "ä" folds to "ae"; a query ending in "a" covers its first half.
    expect(marked("Bär", "ba")).toEqual(["Bä"]);
    expect(marked("Maß", "mas")).toEqual(["Maß"]);
  });

  it("keeps positions right after length-changing characters and surrogate pairs", () => {
    const text = "ßßß 😀 Öl und öl";
    expect(marked(text, "öl")).toEqual(["Öl", "öl"]);
    expect(highlightRanges(text, "öl")[0].start).toBe(text.indexOf("Öl"));
  });

  it("merges overlapping matches and ignores empty queries", () => {
    expect(highlightRanges("ßs", "s")).toEqual([{ start: 0, end: 2 }]);
    expect(highlightRanges("text", "  ")).toEqual([]);
    expect(highlightRanges("", "a")).toEqual([]);
  });

  it("cuts the text into parts that join back to it", () => {
    expect(highlightParts("ein Geräusch hier", "geraeusch")).toEqual([
      { text: "ein ", match: false },
      { text: "Geräusch", match: true },
      { text: " hier", match: false },
    ]);
    expect(highlightParts("nichts", undefined)).toEqual([{ text: "nichts", match: false }]);
  });

  it("holds for any text and query: in bounds, ordered, non-overlapping, each range contains the query", () => {
    const alphabet = fc.constantFrom(..."aAeEoOuUsSßẞäÄöÖüÜéÉç c😀".split(/(?:)/u));
    const str = (max: number) => fc.array(alphabet, { maxLength: max }).map((a) => a.join(""));
    fc.assert(
      fc.property(str(40), str(4), (text, query) => {
        const ranges = highlightRanges(text, query);
        const needle = foldText(query.trim());
        let prev = -1;
        for (const r of ranges) {
          expect(r.start).toBeGreaterThanOrEqual(0);
          expect(r.end).toBeLessThanOrEqual(text.length);
          expect(r.start).toBeLessThan(r.end);
          expect(r.start).toBeGreaterThan(prev);
          prev = r.end;
          expect(foldText(text.slice(r.start, r.end))).toContain(needle);
        }
        // Found exactly when the folded text contains the folded query.
        if (needle) expect(ranges.length > 0).toBe(foldText(text).includes(needle));
        expect(highlightParts(text, query).map((p) => p.text).join("")).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});
