import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectDelimiter, parseCsv, parseDay, parseNumber } from "./parse";

describe("parseCsv", () => {
  it("reads German Excel output: BOM, semicolons, quoted fields", () => {
    const r = parseCsv('\uFEFFDatum;Wert;Kommentar\n01.02.2026;1.234,5;"a; b"\r\n02.02.2026;7;\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.table.delimiter).toBe(";");
    expect(r.table.headers).toEqual(["datum", "wert", "kommentar"]);
    expect(r.table.rows).toEqual([
      { line: 2, values: { datum: "01.02.2026", wert: "1.234,5", kommentar: "a; b" } },
      { line: 3, values: { datum: "02.02.2026", wert: "7", kommentar: "" } },
    ]);
  });

  it("reads comma-separated files", () => {
    const r = parseCsv("date,value\n2026-01-31,3.5\n");
    expect(r.ok && r.table.delimiter).toBe(",");
    expect(r.ok && r.table.rows[0].values).toEqual({ date: "2026-01-31", value: "3.5" });
  });

  it("reports missing columns, wrong column counts and empty files with their rows", () => {
    expect(parseCsv("")).toEqual({ ok: false, issues: [{ row: 0, column: null, reason: "csv.errors.empty" }] });
    expect(parseCsv("a;b\n", { required: ["a", "c"] })).toEqual({
      ok: false,
      issues: [{ row: 1, column: "c", reason: "csv.errors.missingColumn" }],
    });
    const r = parseCsv("a;b\n1;2\n1;2;3\n4\n");
    expect(r).toEqual({
      ok: false,
      issues: [
        { row: 3, column: null, reason: "csv.errors.columnCount", value: "3" },
        { row: 4, column: null, reason: "csv.errors.columnCount", value: "1" },
      ],
    });
    expect(parseCsv("a;a\n1;2")).toMatchObject({ ok: false, issues: [{ reason: "csv.errors.duplicateHeader" }] });
    expect(parseCsv("a;b\n")).toMatchObject({ ok: false, issues: [{ reason: "csv.errors.noRows" }] });
  });

  it("never throws on arbitrary input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const r = parseCsv(s, { required: ["a"] });
        expect(typeof r.ok).toBe("boolean");
        if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on CSV-shaped input", () => {
    const cell = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('"', ";", ",", "\n", "\r\n", '""', "\uFEFF"));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 10 }), (rows) => {
        const text = rows.map((r) => r.join(";")).join("\n");
        expect(() => parseCsv(text)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});

describe("detectDelimiter", () => {
  it("ignores separators inside quotes", () => {
    expect(detectDelimiter('"a,b,c";d\n')).toBe(";");
    expect(detectDelimiter("a,b;c,d")).toBe(",");
  });
});

describe("parseNumber", () => {
  it.each([
    ["1.234,5", 1234.5],
    ["1234,5", 1234.5],
    ["1234.5", 1234.5],
    ["-3", -3],
    ["12 %", 12],
    ["0,75", 0.75],
    ["1.234", 1234],
    ["1.234.567", 1234567],
    ["1,234.5", 1234.5],
    ["1 234,5", 1234.5],
    ["99 €", 99],
  ])("reads %j as %d", (raw, expected) => {
    expect(parseNumber(raw)).toBe(expected);
  });

  it.each(["", "abc", "1,2,3", "1.23.4", "--1", "1e5", "NaN", "Infinity", ",", "."])("rejects %j", (raw) => {
    expect(parseNumber(raw)).toBeNull();
  });

  it("returns a finite number or null for any string", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const n = parseNumber(s);
        expect(n === null || Number.isFinite(n)).toBe(true);
      }),
    );
  });

  it("round-trips numbers written with a decimal comma", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 99 }), (i, f) => {
        const text = `${i},${String(f).padStart(2, "0")}`;
        expect(parseNumber(text)).toBeCloseTo(Math.sign(i || 1) * (Math.abs(i) + f / 100), 6);
      }),
    );
  });
});

describe("parseDay", () => {
  it.each([
    ["31.01.2026", "2026-01-31"],
    ["1.2.2026", "2026-02-01"],
    ["2026-02-28", "2026-02-28"],
    ["29.02.2028", "2028-02-29"],
  ])("reads %j", (raw, expected) => {
    expect(parseDay(raw)).toBe(expected);
  });

  it.each(["31.02.2026", "29.02.2027", "2026-13-01", "01/02/2026", "2026-1-1", "", "00.01.2026"])("rejects %j", (raw) => {
    expect(parseDay(raw)).toBeNull();
  });
});
