import type { OverviewDepartment } from "./overview";

export interface OverviewCsvLabels {
  headers: {
    department: string;
    process: string;
    kpi: string;
    unit: string;
    value: string;
    target: string;
    status: string;
    alert: string;
    alertSince: string;
    overall: string;
    trend: string;
    previousValue: string;
    previousStatus: string;
  };
  unit: (u: string) => string;
  status: (s: string) => string;
  trend: (t: string) => string;
}

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return at the
 * start — OWASP's rule) gets a leading apostrophe, so it is shown as the text it is.
 */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function cell(s: string, sep: string): string {
  return /["\n\r]/.test(s) || s.includes(sep) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * What the overview shows, as CSV for Excel in the user's language: German gets `;` and decimal
 * commas (and a BOM so Excel reads UTF-8), English `,` and points. Numbers are unformatted
 * otherwise. Each row carries the window's status, the KPI's open alert (severity and since when)
 * and the overall status the summary counts, like the page.
 */
export function overviewCsv(departments: readonly OverviewDepartment[], opts: { locale: "de" | "en"; compare: boolean; labels: OverviewCsvLabels }): string {
  const sep = opts.locale === "de" ? ";" : ",";
  const num = (n: number | null) => {
    if (n === null) return "";
    const s = String(Math.round(n * 1000) / 1000);
    return opts.locale === "de" ? s.replace(".", ",") : s;
  };
  const text = neutraliseFormula;
  const h = opts.labels.headers;
  const head = [h.department, h.process, h.kpi, h.unit, h.value, h.target, h.status, h.alert, h.alertSince, h.overall, h.trend];
  if (opts.compare) head.push(h.previousValue, h.previousStatus);
  const lines = [head];
  for (const d of departments) {
    for (const p of d.processes) {
      for (const k of p.kpis) {
        const line = [
          text(d.name),
          text(p.name),
          text(k.name),
          opts.labels.unit(k.unit),
          num(k.current.value),
          num(k.current.target),
          opts.labels.status(k.current.status),
          k.alert ? opts.labels.status(k.alert.severity) : "",
          k.alert ? k.alert.since : "",
          opts.labels.status(k.overall),
          k.trend ? opts.labels.trend(k.trend) : "",
        ];
        if (opts.compare) line.push(num(k.previous.value), opts.labels.status(k.previous.status));
        lines.push(line);
      }
    }
  }
  return (opts.locale === "de" ? "\uFEFF" : "") + lines.map((l) => l.map((c) => cell(c, sep)).join(sep)).join("\r\n") + "\r\n";
}
