import { describe, expect, it } from "vitest";
import { pdfText } from "@/tests/support/pdf-text";
import { renderPdf } from "./pdf";

describe("PDF reports", () => {
  it("writes German text, headings and tables that break across pages with their header", async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`Abteilung ${i}`, `Zufriedenheit nach Social-Media-Kontakt ${i}`, "4,2", "Ziel erreicht"]);
    const pdf = await renderPdf(
      {
        title: "Vorstandsbericht Social Media",
        subtitle: ["Zeitraum: 01.04.2026 – 30.06.2026"],
        footer: "Vertraulich",
        sections: [
          {
            heading: "Kennzahlen je Geschäftsprozess",
            lines: ["3 im Ziel · 1 kritisch"],
            table: {
              columns: [
                { label: "Abteilung", width: 2 },
                { label: "Kennzahl", width: 4 },
                { label: "Ist", width: 1, align: "right" },
                { label: "Status", width: 2 },
              ],
              rows,
            },
          },
          { heading: "Offene Warnungen", table: { columns: [{ label: "Kennzahl", width: 1 }], rows: [] }, empty: "Keine offenen Warnungen." },
        ],
      },
      { author: "Test" },
    );
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = await pdfText(pdf);
    expect(pages.length).toBeGreaterThan(2);
    const all = pages.join("\n");
    expect(all).toContain("Vorstandsbericht Social Media");
    expect(all).toContain("Kennzahlen je Geschäftsprozess");
    expect(all).toContain("Zufriedenheit nach Social-Media-Kontakt 119");
    expect(all).toContain("Keine offenen Warnungen.");
    // Every page repeats the table header (past the first) and carries its number.
    for (const [i, p] of pages.entries()) expect(p).toContain(`Vertraulich · ${i + 1}/${pages.length}`);
    expect(pages[1]).toContain("Kennzahl");
  });
});
