import Papa from "papaparse";

/**
 * CSV as German Excel writes it: UTF-8 with or without BOM or Windows-1252 (Excel's default "CSV
 * (Trennzeichen-getrennt)"), `;` or `,` as separator, decimal comma,
 * dates as dd.mm.yyyy. Parsing never throws: every problem is reported with its row and column so
 * an import can show all of them and write nothing.
 */

export interface CsvIssue {
  /** 1-based line of the data row in the file (the header is line 1); 0 for file-level problems. */
  row: number;
  column: string | null;
  /** An i18n key in the `csv` namespace, e.g. `csv.errors.number`. */
  reason: string;
  value?: string;
}

export interface CsvTable {
  delimiter: ";" | ",";
  headers: string[];
  /** Data rows keyed by normalised header (trimmed, lower-case), with the file line they came from. */
  rows: { line: number; values: Record<string, string> }[];
}

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; issues: CsvIssue[] };

export const MAX_CSV_BYTES = 50 * 1024 * 1024;

export type CsvEncoding = "utf-8" | "windows-1252";

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Windows-1252's 0x80–0x9F (€, „, “, –, Š …); every other byte is the Unicode code point of the same
 * number. Decoded here rather than with `new TextDecoder("windows-1252")`: Node 20 decodes that
 * label as ISO-8859-1, so € (0x80) came out as the control character U+0080.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    units[i] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : b;
  }
  let out = "";
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192));
  return out;
}

/**
 * The text of a CSV file. Bytes that are valid UTF-8 (BOM or not) are read as UTF-8; anything
 * else as Windows-1252, which maps every byte to a character. A Windows-1252 file with umlauts is
 * never valid UTF-8 by accident in practice (ä = 0xE4 must be followed by two continuation bytes),
 * so the guess is safe for the files Excel writes. Only a file whose every non-ASCII character is
 * an upper-case umlaut or ß directly followed by a symbol such as € or ° (0xDF 0x80 = "ß€") would be
 * valid UTF-8 and read as such. The BOM is dropped.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    return { text: UTF8.decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

export function normaliseHeader(h: string): string {
  return h.replace(/^\uFEFF/, "").trim().toLowerCase();
}

/** Picks `;` or `,` by counting them in the header line outside quotes. */
export function detectDelimiter(text: string): ";" | "," {
  let semi = 0;
  let comma = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch === ";") semi++;
    else if (!quoted && ch === ",") comma++;
  }
  return semi >= comma && semi > 0 ? ";" : comma > 0 ? "," : ";";
}

/** Reads the bytes of a CSV file (see `decodeCsv` for the encodings). */
export function parseCsv(input: Uint8Array, opts: { required?: string[]; maxRows?: number } = {}): CsvResult {
  if (input.byteLength > MAX_CSV_BYTES) return { ok: false, issues: [{ row: 0, column: null, reason: "csv.errors.tooLarge" }] };
  const text = decodeCsv(input).text.replace(/^\uFEFF/, "");
  if (text.trim() === "") return { ok: false, issues: [{ row: 0, column: null, reason: "csv.errors.empty" }] };
  const delimiter = detectDelimiter(text);
  const maxRows = opts.maxRows ?? 200_000;
  // Parse no further than one row past the limit: a 50 MB file of short rows would otherwise become
  // millions of arrays (about 1 GB of memory) only to be refused as too long.
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: "greedy", preview: maxRows + 2 });
  const data = parsed.data;
  const issues: CsvIssue[] = [];
  for (const e of parsed.errors) {
    // Quote errors make the rest of a row unreliable; report them, row numbers 1-based with the header.
    if (e.type === "Quotes") issues.push({ row: (e.row ?? 0) + 1, column: null, reason: "csv.errors.quotes" });
  }
  const headerRow = data[0] ?? [];
  const headers = headerRow.map(normaliseHeader);
  const seen = new Set<string>();
  for (const h of headers) {
    if (h === "") issues.push({ row: 1, column: null, reason: "csv.errors.emptyHeader" });
    else if (seen.has(h)) issues.push({ row: 1, column: h, reason: "csv.errors.duplicateHeader" });
    seen.add(h);
  }
  for (const r of opts.required ?? []) {
    if (!seen.has(r)) issues.push({ row: 1, column: r, reason: "csv.errors.missingColumn" });
  }
  if (data.length - 1 > maxRows) issues.push({ row: 0, column: null, reason: "csv.errors.tooManyRows" });
  if (issues.length) return { ok: false, issues };

  const rows: CsvTable["rows"] = [];
  for (let i = 1; i < data.length; i++) {
    const cells = data[i];
    if (cells.length !== headers.length) {
      issues.push({ row: i + 1, column: null, reason: "csv.errors.columnCount", value: String(cells.length) });
      continue;
    }
    const values: Record<string, string> = {};
    headers.forEach((h, j) => {
      values[h] = cells[j].trim();
    });
    rows.push({ line: i + 1, values });
  }
  if (issues.length) return { ok: false, issues };
  if (rows.length === 0) return { ok: false, issues: [{ row: 0, column: null, reason: "csv.errors.noRows" }] };
  return { ok: true, table: { delimiter, headers, rows } };
}

/**
 * A number as people type it in Germany or elsewhere: `1.234,5`, `1234,5`, `1234.5`, `-3`, `12 %`.
 * A lone separator followed by exactly three digits (`1.234`, `1,234`) is read the German way
 * for `.` (thousands) and as a decimal for `,`, because German Excel writes decimal commas.
 */
export function parseNumber(raw: string): number | null {
  let s = raw.trim().replace(/\s|\u00a0/g, "").replace(/%$/, "").replace(/€$/, "");
  if (s === "" || s.length > 40) return null;
  if (!/^[+-]?[\d.,]+$/.test(s)) return null;
  const lastComma = s.lastIndexOf(",");
  const lastDot = s.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) {
    // Both present: the later one is the decimal separator.
    s = lastComma > lastDot ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
  } else if (lastComma >= 0) {
    if ((s.match(/,/g) ?? []).length > 1) return null;
    s = s.replace(",", ".");
  } else if (lastDot >= 0 && (s.match(/\./g) ?? []).length > 1) {
    // 1.234.567 — only valid as thousands grouping.
    if (!/^[+-]?\d{1,3}(\.\d{3})+$/.test(s)) return null;
    s = s.replace(/\./g, "");
  } else if (lastDot >= 0 && /^[+-]?\d{1,3}\.\d{3}$/.test(s)) {
    s = s.replace(".", "");
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** `dd.mm.yyyy` (also `d.m.yyyy`) or ISO `yyyy-mm-dd`, as an ISO date string; null when invalid. */
export function parseDay(raw: string): string | null {
  const s = raw.trim();
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (match) {
    d = Number(match[1]);
    m = Number(match[2]);
    y = Number(match[3]);
  } else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else return null;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
