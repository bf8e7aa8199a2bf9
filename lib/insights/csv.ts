import { type CsvIssue, parseCsv, parseDay } from "@/lib/csv/parse";
import { MESSAGES } from "@/lib/i18n/messages";
import { foldKeyword } from "@/lib/routing/text";
import { type IntakeItem, intakeItemSchema } from "@/lib/schemas/insights";
import { zonedToInstant } from "./local-time";

/**
 * CSV import of insights, with the same tolerance as every import here (UTF-8 or Windows-1252, BOM, `;` or `,`, German
 * dates) and the same rule: a file with any problem imports nothing, every problem is listed
 * with its row and column. Headers may be English or German; categories, sentiments and
 * platforms may be the internal value or the German or English label ("Beschwerde", "complaint").
 */

const COLUMNS: Record<string, string[]> = {
  externalId: ["external_id", "externe_id", "id"],
  occurredAt: ["occurred_at", "zeitpunkt", "datum", "date"],
  text: ["text"],
  category: ["category", "kategorie"],
  platform: ["platform", "plattform"],
  channelId: ["channel_id", "kanal_id"],
  url: ["url", "link"],
  language: ["language", "sprache"],
  authorHandle: ["author", "autor"],
  sentiment: ["sentiment", "stimmung"],
  source: ["source", "quelle"],
};

export const CSV_SOURCE = "csv";

function labelsOf(group: "category" | "sentiment" | "platform"): Map<string, string> {
  const m = new Map<string, string>();
  for (const locale of ["de", "en"] as const) {
    for (const [value, label] of Object.entries(MESSAGES[locale].insights[group])) {
      m.set(foldKeyword(label), value);
      m.set(foldKeyword(value), value);
    }
  }
  return m;
}
const LABELS = { category: labelsOf("category"), sentiment: labelsOf("sentiment"), platform: labelsOf("platform") };

/** `10.03.2025 14:30`, `10.03.2025`, `2025-03-10 14:30` (company time) or ISO 8601 with offset. */
export function parseCsvDateTime(raw: string): string | null {
  const s = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  const m = /^(\S+)(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (!m) return null;
  const day = parseDay(m[1]);
  if (!day) return null;
  const [h, min, sec] = [Number(m[2] ?? 0), Number(m[3] ?? 0), Number(m[4] ?? 0)];
  if (h > 23 || min > 59 || sec > 59) return null;
  const [y, mo, d] = day.split("-").map(Number);
  return zonedToInstant(y, mo, d, h, min, sec).toISOString();
}

export type CsvIntake = { ok: true; items: (IntakeItem & { line: number })[] } | { ok: false; issues: CsvIssue[] };

/** Reads the bytes of the file, UTF-8 or Windows-1252 (see `decodeCsv`). */
export function csvToIntake(input: Uint8Array): CsvIntake {
  const parsed = parseCsv(input, { maxRows: 50_000 });
  if (!parsed.ok) return parsed;
  const { headers, rows } = parsed.table;
  const column: Record<string, string | undefined> = {};
  for (const [field, names] of Object.entries(COLUMNS)) column[field] = names.find((n) => headers.includes(n));
  const issues: CsvIssue[] = [];
  for (const required of ["externalId", "occurredAt", "text", "category"]) {
    if (!column[required]) issues.push({ row: 1, column: COLUMNS[required][0], reason: "csv.errors.missingColumn" });
  }
  if (!column.platform && !column.channelId) issues.push({ row: 1, column: "platform", reason: "csv.errors.missingColumn" });
  if (issues.length) return { ok: false, issues };

  const items: (IntakeItem & { line: number })[] = [];
  for (const { line, values } of rows) {
    const get = (field: string) => {
      const c = column[field];
      const v = c ? values[c] : undefined;
      return v === undefined || v === "" ? undefined : v;
    };
    const lookup = (group: keyof typeof LABELS, raw: string | undefined) => (raw === undefined ? undefined : (LABELS[group].get(foldKeyword(raw)) ?? raw));
    const rawDate = get("occurredAt");
    const occurredAt = rawDate === undefined ? undefined : parseCsvDateTime(rawDate);
    if (rawDate !== undefined && occurredAt === null) {
      issues.push({ row: line, column: column.occurredAt!, reason: "insights.import.errors.dateTime", value: rawDate });
      continue;
    }
    const rawChannel = get("channelId");
    const candidate = {
      source: get("source") ?? CSV_SOURCE,
      externalId: get("externalId"),
      occurredAt,
      text: get("text"),
      category: lookup("category", get("category")),
      platform: lookup("platform", get("platform")),
      channelId: rawChannel === undefined ? undefined : /^\d{1,9}$/.test(rawChannel) ? Number(rawChannel) : rawChannel,
      url: get("url"),
      language: get("language")?.toLowerCase(),
      authorHandle: get("authorHandle"),
      sentiment: lookup("sentiment", get("sentiment")),
    };
    const r = intakeItemSchema.safeParse(candidate);
    if (r.success) {
      items.push({ ...r.data, line });
      continue;
    }
    for (const issue of r.error.issues) {
      const field = String(issue.path[0] ?? "");
      const c = column[field] ?? COLUMNS[field]?.[0] ?? null;
      issues.push({ row: line, column: c, reason: issue.message, value: c ? values[c] : undefined });
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, items };
}

export type CsvPreview =
  | { ok: false; issues: CsvIssue[] }
  | {
      ok: true;
      rows: number;
      fresh: number;
      duplicates: number;
      routed: number;
      sample: { line: number; occurredAt: string; category: string; text: string; departmentName: string | null; duplicate: boolean }[];
    };
