// What a data subject receives on an access request (Art. 15): everything stored about their
// handle, as JSON (complete, machine-readable) and as CSV (one line per trace, for a spreadsheet).
import { cell, neutraliseFormula } from "@/lib/kpis/overview-csv";
import type { SubjectTraces } from "@/db/queries/subject-requests";

export interface SubjectExportMeta {
  requestId: number;
  platform: string;
  handle: string;
  requestedAt: Date;
  exportedAt: Date;
}

export function subjectJson(meta: SubjectExportMeta, traces: SubjectTraces): string {
  return `${JSON.stringify({ request: meta, ...traces }, null, 2)}\n`;
}

/**
 * One line per trace: what it is, its key, when, where it is stored, and its text. German files
 * get `;` and a BOM (Excel), English `,`. Cells that a spreadsheet would run as formulas are
 * neutralised.
 */
export function subjectCsv(traces: SubjectTraces, locale: "de" | "en"): string {
  const sep = locale === "de" ? ";" : ",";
  const rows: string[][] = [["trace", "id", "date", "place", "content"]];
  for (const i of traces.insights) {
    rows.push(["insight", String(i.id), i.occurredAt.toISOString(), `${i.category} / ${i.status}${i.department ? ` / ${i.department}` : ""}`, [i.text, i.url].filter(Boolean).join(" ")]);
    for (const h of i.history) rows.push(["insight_history", String(i.id), h.at.toISOString(), h.type, h.note ?? ""]);
  }
  for (const m of traces.mentions) rows.push(["mention", m.key, "", m.place, m.value]);
  for (const a of traces.advocates) rows.push(["advocate", String(a.id), "", a.platforms.map((p) => `${p.platform}:${p.handle}`).join(" "), `${a.name} <${a.email}>`]);
  for (const d of traces.webhookDeliveries) rows.push(["webhook_delivery", String(d.id), d.createdAt.toISOString(), d.eventType, ""]);
  for (const m of traces.mails) rows.push(["mail", String(m.id), m.createdAt.toISOString(), "outbox", m.subject]);
  const body = rows.map((r) => r.map((c) => cell(neutraliseFormula(c), sep)).join(sep)).join("\r\n");
  return `${locale === "de" ? "\uFEFF" : ""}${body}\r\n`;
}
