import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importPreview, readMeasurementCsv as readBytes } from "./csv-import";

const readMeasurementCsv = (s: string, opts: Parameters<typeof readBytes>[1]) => readBytes(new TextEncoder().encode(s), opts);

const opts = {
  writable: [
    { id: 1, name: "Reichweite", unit: "count" },
    { id: 2, name: "Leads über XING", unit: "count" },
    { id: 3, name: "Reichweite", unit: "count" },
    { id: 4, name: "Reklamationen innerhalb der SLA gelöst", unit: "percent" },
    { id: 5, name: "Wachstum der Follower", unit: "percent_unbounded" },
  ] as const,
  known: new Set([1, 2, 3, 4, 5, 9]),
  today: "2026-06-30",
};

describe("readMeasurementCsv", () => {
  it("reads German Excel output with ids and unique names", () => {
    const r = readMeasurementCsv("\uFEFFKennzahl;Datum;Wert\r\n1;31.05.2026;1.234,5\r\nLeads über XING;2026-06-01;7\r\n", opts);
    expect(r).toEqual({
      ok: true,
      rows: [
        { line: 2, kpiId: 1, kpiName: "Reichweite", measuredOn: "2026-05-31", value: 1234.5 },
        { line: 3, kpiId: 2, kpiName: "Leads über XING", measuredOn: "2026-06-01", value: 7 },
      ],
    });
  });

  it("accepts English headers and commas", () => {
    const r = readMeasurementCsv("kpi,date,value\n2,2026-06-01,3.5\n", opts);
    expect(r.ok && r.rows[0].value).toBe(3.5);
  });

  it("reports every bad row with its line, column and reason", () => {
    const r = readMeasurementCsv(
      "kennzahl;datum;wert\n1;01.06.2026;5\nReichweite;01.06.2026;5\n9;01.06.2026;5\n77;01.06.2026;5\n2;31.06.2026;x\n2;01.07.2026;\n",
      opts,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.total).toBe(6);
    expect(r.rows.map((x) => x.line)).toEqual([2]);
    expect(r.issues).toEqual([
      { row: 3, column: "kennzahl", reason: "kpis.errors.ambiguousKpi", value: "Reichweite" },
      { row: 4, column: "kennzahl", reason: "kpis.errors.forbiddenKpi", value: "9" },
      { row: 5, column: "kennzahl", reason: "kpis.errors.unknownKpi", value: "77" },
      { row: 6, column: "datum", reason: "csv.errors.date", value: "31.06.2026" },
      { row: 6, column: "wert", reason: "csv.errors.number", value: "x" },
      { row: 7, column: "datum", reason: "kpis.errors.futureDate", value: "01.07.2026" },
      { row: 7, column: "wert", reason: "csv.errors.required", value: "" },
    ]);
  });

  it("refuses values outside their KPI's unit, with the reason on the value", () => {
    const r = readMeasurementCsv(
      "kennzahl;datum;wert\n4;01.06.2026;100\n4;01.06.2026;100,5\n4;01.06.2026;-0,1\n2;01.06.2026;-1\n5;01.06.2026;140\n5;01.06.2026;1000000000001\n",
      opts,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.rows.map((x) => [x.line, x.value])).toEqual([
      [2, 100],
      [6, 140],
    ]);
    expect(r.issues).toEqual([
      { row: 3, column: "wert", reason: "kpis.errors.shareRange", value: "100,5" },
      { row: 4, column: "wert", reason: "kpis.errors.shareRange", value: "-0,1" },
      { row: 5, column: "wert", reason: "kpis.errors.negative", value: "-1" },
      { row: 7, column: "wert", reason: "kpis.errors.tooLarge", value: "1000000000001" },
    ]);
    expect(importPreview(r, 100).find((p) => p.line === 3)?.errors?.map((e) => e.reason)).toEqual(["kpis.errors.shareRange"]);
  });

  it("names missing columns", () => {
    expect(readMeasurementCsv("kennzahl;wert\n1;2\n", opts)).toEqual({
      ok: false,
      rows: [],
      issues: [{ row: 1, column: "datum", reason: "csv.errors.missingColumn" }],
      total: 1,
    });
  });

  it("never throws on random input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = readMeasurementCsv(`kennzahl;datum;wert\n${s}`, opts);
        expect(typeof r.ok).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });
});

describe("importPreview", () => {
  it("shows the first rows in file order, good ones with their value and bad ones with their errors", () => {
    const r = readMeasurementCsv("kpi;datum;wert\n1;31.05.2026;5\n2;kein Datum;7\n1;01.06.2026;x\n2;02.06.2026;9\n", opts);
    expect(r.ok).toBe(false);
    const rows = importPreview(r, 100);
    expect(rows.map((x) => x.line)).toEqual([2, 3, 4, 5]);
    expect(rows[0]).toMatchObject({ kpi: "Reichweite", date: "2026-05-31", value: 5 });
    expect(rows[0].errors).toBeUndefined();
    expect(rows[1].errors?.map((e) => e.column)).toEqual(["datum"]);
    expect(rows[2].errors?.map((e) => e.column)).toEqual(["wert"]);
    expect(rows[3]).toMatchObject({ value: 9 });
  });

  it("stops after the limit", () => {
    const r = readMeasurementCsv("kpi;datum;wert\n1;31.05.2026;5\n1;01.06.2026;6\n1;02.06.2026;7\n", opts);
    expect(importPreview(r, 2).map((x) => x.line)).toEqual([2, 3]);
  });
});

describe("readMeasurementCsv with German Excel's Windows-1252", () => {
  it("finds a KPI whose name has an umlaut", () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode("Kennzahl;Datum;Wert\r\nLeads "), 0xfc, ...new TextEncoder().encode("ber XING;31.05.2026;7\r\n")]);
    const r = readBytes(bytes, opts);
    expect(r).toMatchObject({ ok: true, rows: [{ kpiId: 2, kpiName: "Leads über XING", value: 7 }] });
  });
});
