import { describe, expect, it } from "vitest";
import { csvToIntake as intakeBytes, parseCsvDateTime } from "./csv";

const csvToIntake = (s: string) => intakeBytes(new TextEncoder().encode(s));


describe("CSV import of insights", () => {
  it("reads German Excel output: BOM, semicolons, German headers, labels and dates", () => {
    const csv = "\uFEFFExterne_ID;Datum;Text;Kategorie;Plattform;Stimmung\r\n" + "fb-1;10.03.2025 14:30;Getriebe zu laut;Beschwerde;Facebook;negativ\r\n" + "fb-2;11.03.2025;Danke!;Lob;facebook;\r\n";
    const r = csvToIntake(csv);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.items).toHaveLength(2);
    expect(r.items[0]).toMatchObject({ source: "csv", externalId: "fb-1", category: "complaint", platform: "facebook", sentiment: "negative", line: 2 });
    // 14:30 in Berlin in March (UTC+1) is 13:30 UTC.
    expect(r.items[0].occurredAt.toISOString()).toBe("2025-03-10T13:30:00.000Z");
    expect(r.items[1]).toMatchObject({ category: "praise", sentiment: null });
  });

  it("reports every problem with row and column and imports nothing", () => {
    const csv = "external_id,occurred_at,text,category,platform\n" + "a,31.02.2025,Text,complaint,facebook\n" + "b,2025-03-01,,gossip,facebook\n";
    const r = csvToIntake(csv);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: "occurred_at", reason: "insights.import.errors.dateTime" }),
        expect.objectContaining({ row: 3, column: "text", reason: "validation.required" }),
        expect.objectContaining({ row: 3, column: "category", reason: "validation.invalidChoice" }),
      ]),
    );
  });

  it("needs the required columns and a platform or channel column", () => {
    const r = csvToIntake("text;category\nHallo;question\n");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.column).sort()).toEqual(["external_id", "occurred_at", "platform"]);
  });

  it("parses company-time and ISO timestamps, rejecting impossible ones", () => {
    expect(parseCsvDateTime("01.07.2025 08:00")).toBe("2025-07-01T06:00:00.000Z");
    expect(parseCsvDateTime("2025-07-01T08:00:00Z")).toBe("2025-07-01T08:00:00.000Z");
    expect(parseCsvDateTime("01.07.2025 25:00")).toBeNull();
    expect(parseCsvDateTime("gestern")).toBeNull();
  });
});

describe("CSV import of insights from German Excel (Windows-1252)", () => {
  it("keeps umlauts instead of turning them into U+FFFD", () => {
    const head = new TextEncoder().encode("external_id;zeitpunkt;text;kategorie;plattform\r\nx-1;10.03.2025 14:30;K");
    const tail = new TextEncoder().encode("hlung zu schwach;Beschwerde;Facebook\r\n");
    const r = intakeBytes(Uint8Array.from([...head, 0xfc, ...tail]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.items[0].text).toBe("Kühlung zu schwach");
  });
});
