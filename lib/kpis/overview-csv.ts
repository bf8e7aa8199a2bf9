import type { OverviewDepartment } from "./overview";

export interface OverviewCsvLabels {
  headers: { department: string; process: string; kpi: string; unit: string; value: string; target: string; status: string; trend: string; previousValue: string; previousStatus: string };
  unit: (u: string) => string;
  status: (s: string) => string;
  trend: (t: string) => string;
}

function cell(s: string, sep: string): string {
  return /["\n\r]/.test(s) || s.includes(sep) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * What the overview shows, as CSV for Excel in the user's language: German gets `;` and decimal
 * commas (and a BOM so Excel reads UTF-8), English `,` and points. Numbers are unformatted otherwise.
 */
export function overviewCsv(departments: readonly OverviewDepartment[], opts: { locale: "de" | "en"; compare: boolean; labels: OverviewCsvLabels }): string {
  const sep = opts.locale === "de" ? ";" : ",";
  const num = (n: number | null) => {
    if (n === null) return "";
    const s = String(Math.round(n * 1000) / 1000);
    return opts.locale === "de" ? s.replace(".", ",") : s;
  };
  const h = opts.labels.headers;
  const head = [h.department, h.process, h.kpi, h.unit, h.value, h.target, h.status, h.trend];
  if (opts.compare) head.push(h.previousValue, h.previousStatus);
  const lines = [head];
  for (const d of departments) {
    for (const p of d.processes) {
      for (const k of p.kpis) {
        const line = [
          d.name,
          p.name,
          k.name,
          opts.labels.unit(k.unit),
          num(k.current.value),
          num(k.current.target),
          opts.labels.status(k.current.status),
          k.trend ? opts.labels.trend(k.trend) : "",
        ];
        if (opts.compare) line.push(num(k.previous.value), opts.labels.status(k.previous.status));
        lines.push(line);
      }
    }
  }
  return (opts.locale === "de" ? "\uFEFF" : "") + lines.map((l) => l.map((c) => cell(c, sep)).join(sep)).join("\r\n") + "\r\n";
}
