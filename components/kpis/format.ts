import type { createFormatter } from "next-intl";
import type { KpiUnit } from "@/lib/kpis/units";

type NumberFormatter = Pick<ReturnType<typeof createFormatter>, "number">;

/** A KPI value in its unit, for server and client components alike (both formatters share this API). */
export function formatKpiValue(format: NumberFormatter, unit: KpiUnit | null, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  switch (unit) {
    case "eur":
      return format.number(value, { style: "currency", currency: "EUR", maximumFractionDigits: Math.abs(value) < 100 ? 2 : 0 });
    case "percent":
    case "percent_unbounded":
      return `${format.number(value, { maximumFractionDigits: 1 })} %`;
    case "hours":
      return `${format.number(value, { maximumFractionDigits: 1 })} h`;
    case "score":
      return format.number(value, { maximumFractionDigits: 2 });
    default:
      return format.number(value, { maximumFractionDigits: Math.abs(value) < 10 ? 1 : 0 });
  }
}

type DateFormatter = Pick<ReturnType<typeof createFormatter>, "dateTime">;
type PeriodTranslator = (key: "week" | "month" | "quarter", values: Record<string, string | number>) => string;

/** A KPI period by its first day, as people say it: "Woche ab 16.11.2026", "November 2026", "Q4 2026". */
export function formatPeriod(format: DateFormatter, t: PeriodTranslator, start: string, period: "week" | "month" | "quarter"): string {
  const d = new Date(`${start}T12:00:00Z`);
  if (period === "week") return t("week", { date: format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) });
  if (period === "month") return t("month", { date: format.dateTime(d, { month: "long", year: "numeric", timeZone: "UTC" }) });
  return t("quarter", { quarter: Math.floor(d.getUTCMonth() / 3) + 1, year: d.getUTCFullYear() });
}

/** A calendar day (ISO) as a date, independent of the viewer's time zone. */
export function formatDay(format: DateFormatter, day: string): string {
  return format.dateTime(new Date(`${day}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
}

/** An overview window by a day inside it, as the overview names it: "November 2026", "Q4 2026", "2026". */
export function formatWindow(format: DateFormatter, kind: "month" | "quarter" | "year", day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  if (kind === "month") return format.dateTime(d, { month: "long", year: "numeric", timeZone: "UTC" });
  if (kind === "quarter") return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;
  return String(d.getUTCFullYear());
}
