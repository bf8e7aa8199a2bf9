import { type CsvIssue, parseCsv, parseDay, parseNumber } from "@/lib/csv/parse";
import type { Day } from "./periods";
import { type KpiUnit, checkValue } from "./units";

/** Accepted headers per column, German first; compared after trimming and lower-casing. */
export const IMPORT_COLUMNS = {
  kpi: ["kennzahl", "kpi", "kpi_id", "kennzahl_id"],
  date: ["datum", "date", "measured_on", "tag"],
  value: ["wert", "value", "messwert"],
} as const;

export interface ImportKpi {
  id: number;
  name: string;
  /** Its values must fit the unit (a share within 0–100). */
  unit: KpiUnit;
}

export interface ImportRow {
  line: number;
  kpiId: number;
  kpiName: string;
  measuredOn: Day;
  value: number;
}

export type ImportResult =
  | { ok: true; rows: ImportRow[] }
  | { ok: false; rows: ImportRow[]; issues: CsvIssue[]; total: number };

/**
 * Reads a measurement CSV and checks every row against the KPIs the importer may write. Never
 * throws; all problems come back with row, column and reason so nothing is imported half.
 * `known` are all KPI ids, so a KPI of another department is "forbidden", not "unknown".
 */
export function readMeasurementCsv(
  bytes: Uint8Array,
  opts: { writable: readonly ImportKpi[]; known: ReadonlySet<number>; today: Day },
): ImportResult {
  const parsed = parseCsv(bytes);
  if (!parsed.ok) return { ok: false, rows: [], issues: parsed.issues, total: 0 };
  const { headers, rows } = parsed.table;
  const column = {} as Record<keyof typeof IMPORT_COLUMNS, string>;
  const issues: CsvIssue[] = [];
  for (const [key, aliases] of Object.entries(IMPORT_COLUMNS) as [keyof typeof IMPORT_COLUMNS, readonly string[]][]) {
    const found = headers.find((h) => aliases.includes(h));
    if (found) column[key] = found;
    else issues.push({ row: 1, column: aliases[0], reason: "csv.errors.missingColumn" });
  }
  if (issues.length) return { ok: false, rows: [], issues, total: rows.length };

  const byId = new Map(opts.writable.map((k) => [k.id, k]));
  const byName = new Map<string, ImportKpi[]>();
  for (const k of opts.writable) {
    const key = k.name.trim().toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), k]);
  }
  const out: ImportRow[] = [];
  for (const { line, values } of rows) {
    const rawKpi = values[column.kpi];
    const rawDate = values[column.date];
    const rawValue = values[column.value];
    let kpi: ImportKpi | undefined;
    let bad = false;
    const fail = (col: string, reason: string, value: string) => {
      issues.push({ row: line, column: col, reason, value });
      bad = true;
    };
    if (rawKpi === "") fail(column.kpi, "csv.errors.required", rawKpi);
    else if (/^\d{1,9}$/.test(rawKpi)) {
      kpi = byId.get(Number(rawKpi));
      if (!kpi) fail(column.kpi, opts.known.has(Number(rawKpi)) ? "kpis.errors.forbiddenKpi" : "kpis.errors.unknownKpi", rawKpi);
    } else {
      const matches = byName.get(rawKpi.toLowerCase()) ?? [];
      if (matches.length === 1) kpi = matches[0];
      else fail(column.kpi, matches.length ? "kpis.errors.ambiguousKpi" : "kpis.errors.unknownKpi", rawKpi);
    }
    const day = rawDate === "" ? null : parseDay(rawDate);
    if (rawDate === "") fail(column.date, "csv.errors.required", rawDate);
    else if (!day) fail(column.date, "csv.errors.date", rawDate);
    else if (day > opts.today) fail(column.date, "kpis.errors.futureDate", rawDate);
    const value = rawValue === "" ? null : parseNumber(rawValue);
    if (rawValue === "") fail(column.value, "csv.errors.required", rawValue);
    else if (value === null) fail(column.value, "csv.errors.number", rawValue);
    else if (kpi) {
      const outOfBounds = checkValue(kpi.unit, value);
      if (outOfBounds) fail(column.value, outOfBounds, rawValue);
    }
    if (!bad) out.push({ line, kpiId: kpi!.id, kpiName: kpi!.name, measuredOn: day!, value: value! });
  }
  return issues.length ? { ok: false, rows: out, issues, total: rows.length } : { ok: true, rows: out };
}

export interface PreviewRow {
  line: number;
  kpi?: string;
  date?: string;
  value?: number;
  errors?: CsvIssue[];
}

/** The first rows of the file in file order (header is line 1), each with its parsed value or its errors. */
export function importPreview(result: ImportResult, maxRows: number): PreviewRow[] {
  const byLine = new Map<number, PreviewRow>();
  for (const r of result.rows) {
    if (r.line > maxRows + 1) break;
    byLine.set(r.line, { line: r.line, kpi: r.kpiName, date: r.measuredOn, value: r.value });
  }
  if (!result.ok) {
    for (const i of result.issues) {
      if (i.row === 0 || i.row > maxRows + 1) continue;
      const row = byLine.get(i.row) ?? { line: i.row };
      (row.errors ??= []).push(i);
      byLine.set(i.row, row);
    }
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}
