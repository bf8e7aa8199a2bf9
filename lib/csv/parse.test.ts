import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCsv, decodeWindows1252, detectDelimiter, parseCsv as parseBytes, parseDay, parseNumber } from "./parse";

/** These tests are about the text; files arrive as bytes, here UTF-8. */
const parseCsv = (s: string, opts?: Parameters<typeof parseBytes>[1]) => parseBytes(new TextEncoder().encode(s), opts);


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

  it("refuses more data rows than maxRows, and accepts exactly maxRows", () => {
    const file = (n: number) => ["a;b", ...Array.from({ length: n }, (_, i) => `${i};x`)].join("\n");
    expect(parseCsv(file(10), { maxRows: 10 })).toMatchObject({ ok: true });
    expect(parseCsv(file(11), { maxRows: 10 })).toEqual({ ok: false, issues: [{ row: 0, column: null, reason: "csv.errors.tooManyRows" }] });
    expect(parseCsv(`a;b\n${"1;2\n\n".repeat(10)}`, { maxRows: 10 })).toMatchObject({ ok: true });
    expect(parseCsv(file(100_000), { maxRows: 10 })).toMatchObject({ ok: false });
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

describe("decodeCsv", () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  /** Windows-1252 for the characters these tests use: Latin-1 letters map 1:1, € is 0x80. */
  const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => (c === "€" ? 0x80 : c.charCodeAt(0))));

  it("reads German Excel's default CSV (Windows-1252) with umlauts, ß and €", () => {
    // "Kühlung zu schwach;Größe;€" as Excel writes it: ü 0xFC, ö 0xF6, ß 0xDF, € 0x80, ä 0xE4.
    const bytes = Uint8Array.from([
      ...utf8("K"), 0xfc, ...utf8("hlung zu schwach;Gr"), 0xf6, 0xdf, ...utf8("e;"), 0x80, ...utf8(";M"), 0xe4, ...utf8("rz"),
    ]);
    expect(decodeCsv(bytes)).toEqual({ text: "Kühlung zu schwach;Größe;€;März", encoding: "windows-1252" });
  });

  it("maps 0x80–0x9F to Windows-1252's characters, not to C1 controls", () => {
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x84, 0x93, 0x94, 0x96, 0x8a, 0x9a]))).toBe("€„“”–Šš");
    expect(decodeWindows1252(Uint8Array.from([0xe4, 0xf6, 0xfc, 0xdf, 0xc4, 0xd6, 0xdc, 0xa0]))).toBe("äöüßÄÖÜ\u00a0");
  });

  it("reads UTF-8 with and without BOM as UTF-8, dropping the BOM", () => {
    expect(decodeCsv(utf8("Kühlung;€"))).toEqual({ text: "Kühlung;€", encoding: "utf-8" });
    expect(decodeCsv(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("Größe")]))).toEqual({ text: "Größe", encoding: "utf-8" });
  });

  it("parses a Windows-1252 file into the right cells", () => {
    const r = parseBytes(cp1252("Text;Betrag\r\nKühlung zu schwach;12,50 €\r\nÄußerst laut;3\r\n"));
    expect(r.ok && r.table.rows.map((row) => row.values)).toEqual([
      { text: "Kühlung zu schwach", betrag: "12,50 €" },
      { text: "Äußerst laut", betrag: "3" },
    ]);
  });

  it("decodes any string encoded as UTF-8, with or without BOM, back to itself", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), fc.boolean(), (s, bom) => {
        fc.pre(!s.startsWith("\uFEFF"));
        const bytes = utf8(bom ? `\uFEFF${s}` : s);
        expect(decodeCsv(bytes)).toEqual({ text: s, encoding: "utf-8" });
      }),
      { numRuns: 500 },
    );
  });

  it("decodes any text of Latin-1 letters (and €) encoded as Windows-1252 back to itself", () => {
    const latin1Letter = fc.constantFrom(
      ..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
      ...Array.from({ length: 0x100 - 0xc0 }, (_, i) => String.fromCharCode(0xc0 + i)).filter((c) => c !== "×" && c !== "÷"),
      "€", " ", ";", "0", "9",
    );
    const validUtf8 = (b: Uint8Array) => {
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(b);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.array(latin1Letter, { maxLength: 200 }), (chars) => {
        const s = chars.join("");
        const bytes = cp1252(s);
        // The one case no decoder can tell apart: Windows-1252 bytes that also happen to be valid
        // UTF-8 (see the example below) are read as UTF-8.
        fc.pre(!/[^\x00-\x7f]/.test(s) || !validUtf8(bytes));
        const { text, encoding } = decodeCsv(bytes);
        expect(text).toBe(s);
        // Pure ASCII is valid UTF-8 too, and reads the same either way.
        if (/[^\x00-\x7f]/.test(s)) expect(encoding).toBe("windows-1252");
      }),
      { numRuns: 500 },
    );
  });

  it("reads Windows-1252 bytes that are also valid UTF-8 as UTF-8: the documented limit of the guess", () => {
    // "ß€" is 0xDF 0x80 in Windows-1252, which is also the UTF-8 of U+07C0. Real text has a
    // lowercase umlaut or an umlaut before a letter somewhere, which is never valid UTF-8.
    expect(decodeCsv(cp1252("ß€")).encoding).toBe("utf-8");
    expect(decodeCsv(cp1252("Maßnahme für Größe ß€")).text).toBe("Maßnahme für Größe ß€");
  });
});
