import { describe, expect, it } from "vitest";
import { insightHeadline, meaningfulSource } from "./presentation";

describe("insightHeadline", () => {
  it("keeps a short text as it is, with line breaks flattened", () => {
    expect(insightHeadline("Danke für den\n  tollen Messestand!")).toBe("Danke für den tollen Messestand!");
  });

  it("cuts a long text at a word boundary and marks the cut", () => {
    const text = "Seit drei Wochen warte ich auf das Ersatzteil für den FU-7. Niemand ruft zurück, das ist unzumutbar.";
    const h = insightHeadline(text, 40);
    expect(h).toBe("Seit drei Wochen warte ich auf das …");
    expect(h.length).toBeLessThanOrEqual(42);
  });

  it("cuts a text without spaces hard", () => {
    expect(insightHeadline("x".repeat(100), 10)).toBe(`${"x".repeat(10)} …`);
  });
});

describe("meaningfulSource", () => {
  it("hides demo and form sources and keeps connector names", () => {
    expect(meaningfulSource("seed")).toBeNull();
    expect(meaningfulSource("form")).toBeNull();
    expect(meaningfulSource("Social Listening")).toBe("Social Listening");
  });
});
