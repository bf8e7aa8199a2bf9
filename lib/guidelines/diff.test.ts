import { describe, expect, it } from "vitest";
import { wordDiff } from "./diff";

describe("word diff", () => {
  it("marks added and removed words in reading order", () => {
    const d = wordDiff("Antworten Sie binnen 24 Stunden.", "Antworten Sie binnen 4 Stunden sachlich.");
    expect(d.parts.filter((p) => p.kind !== "same").map((p) => [p.kind, p.text.trim()])).toEqual([
      ["removed", "24"],
      ["added", "4"],
      ["added", "sachlich"],
    ]);
    expect(d.addedWords).toBe(2);
    expect(d.removedWords).toBe(1);
  });

  it("rebuilds both texts from its parts", () => {
    const a = "# Leitfaden\n\nErster Absatz.\n\n- Punkt eins\n- Punkt zwei";
    const b = "# Leitfaden\n\nErster, geänderter Absatz.\n\n- Punkt eins\n- Punkt drei\n- Punkt vier";
    const d = wordDiff(a, b);
    expect(d.parts.filter((p) => p.kind !== "added").map((p) => p.text).join("")).toBe(a);
    expect(d.parts.filter((p) => p.kind !== "removed").map((p) => p.text).join("")).toBe(b);
  });

  it("reports no change for identical texts", () => {
    const d = wordDiff("Gleich bleibt gleich.", "Gleich bleibt gleich.");
    expect(d.parts).toEqual([{ kind: "same", text: "Gleich bleibt gleich." }]);
    expect(d.addedWords + d.removedWords).toBe(0);
  });
});
