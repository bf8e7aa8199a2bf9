import { type Day, type KpiPeriod, addDays, isDay, periodRange, periodStart, shiftPeriod } from "./periods";

/**
 * What a KPI page shows: the most recent periods (its own default), or the month, quarter or year
 * the reader came from on the overview. Parsed from the address, so every value that is not one we
 * know falls back to the default instead of failing the page.
 */
export const CHART_WINDOWS = ["recent", "month", "quarter", "year"] as const;
export type ChartWindow = (typeof CHART_WINDOWS)[number];
export type CalendarWindow = Exclude<ChartWindow, "recent">;

export interface KpiView {
  window: ChartWindow;
  /** A day inside the window; never after today. */
  date: Day;
  /** Where the reader came from, for the way back. */
  from: "overview" | "kpis";
  /** The overview's "compare with the previous period" switch, kept for the way back. */
  compare: boolean;
}

type Params = Record<string, string | string[] | undefined>;

function one(sp: Params, key: string): string | undefined {
  const v = sp[key];
  return Array.isArray(v) ? v[0] : v;
}

export function parseKpiView(sp: Params, today: Day): KpiView {
  const rawWindow = one(sp, "window");
  const window = (CHART_WINDOWS as readonly string[]).includes(rawWindow ?? "") ? (rawWindow as ChartWindow) : "recent";
  const rawDate = one(sp, "date");
  const date = rawDate && isDay(rawDate) && rawDate <= today ? rawDate : today;
  const from = one(sp, "from") === "overview" ? "overview" : "kpis";
  return { window, date, from, compare: one(sp, "compare") === "1" };
}

/**
 * The query string of a view, leaving out what is the default. A calendar window always names its
 * first day, so a link made on 1 January still means that quarter when it is opened in April.
 */
export function kpiViewQuery(view: KpiView): string {
  const q = new URLSearchParams();
  if (view.window !== "recent") {
    q.set("window", view.window);
    q.set("date", periodStart(view.date, view.window));
  }
  if (view.from === "overview") q.set("from", "overview");
  if (view.compare) q.set("compare", "1");
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** The overview the reader came from: same period kind, same window, same comparison. */
export function overviewHref(view: KpiView): string {
  if (view.window === "recent") return "/overview";
  const q = new URLSearchParams({ period: view.window, date: periodStart(view.date, view.window) });
  if (view.compare) q.set("compare", "1");
  return `/overview?${q.toString()}`;
}

export interface ChartSpan {
  /** The last day the series reaches (the window's last day, or today while it runs). */
  until: Day;
  /** How many of the KPI's periods, ending with the one containing `until`. */
  periods: number;
  /** The calendar window, when one was chosen. */
  range: { start: Day; end: Day } | null;
}

/** The most recent periods a KPI page shows by default: a year of quarters is too little to see a line. */
export const RECENT_PERIODS: Record<KpiPeriod, number> = { week: 12, month: 12, quarter: 8 };

/**
 * The KPI's periods that overlap the chosen window, up to today: a weekly KPI in a quarter gives
 * its 13 or 14 weeks, a monthly one 3 months, a quarterly one its single quarter.
 */
export function chartSpan(view: Pick<KpiView, "window" | "date">, kpiPeriod: KpiPeriod, today: Day): ChartSpan {
  if (view.window === "recent") return { until: today, periods: RECENT_PERIODS[kpiPeriod], range: null };
  const range = periodRange(view.date, view.window);
  const lastDay = addDays(range.end, -1);
  const until = lastDay < today ? lastDay : today;
  const last = periodStart(until, kpiPeriod);
  let periods = 1;
  for (let s = periodStart(range.start, kpiPeriod); s < last; s = shiftPeriod(s, kpiPeriod, 1)) periods++;
  return { until, periods, range };
}

/** The window before or after the shown one, or null when that would lie in the future. */
export function shiftWindow(view: KpiView, n: number, today: Day): KpiView | null {
  if (view.window === "recent") return null;
  const start = shiftPeriod(view.date, view.window, n);
  if (start > today) return null;
  return { ...view, date: start };
}

export interface NiceScale {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

/** 1, 2, 2.5, 5 or 10 times a power of ten: the step a person would pick for an axis. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const f = rough / power;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Round axis bounds and ticks that contain [lo, hi]: 0, 50, 100 rather than 3.7, 41.2, 78.7.
 * Floating-point noise is rounded away so the ticks print as typed (0.3, not 0.30000000000000004).
 */
export function niceScale(lo: number, hi: number, maxTicks = 6): NiceScale {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { min: 0, max: 1, step: 0.25, ticks: [0, 0.25, 0.5, 0.75, 1] };
  if (lo > hi) [lo, hi] = [hi, lo];
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep((hi - lo) / Math.max(1, maxTicks - 1));
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const round = (v: number) => Number(v.toFixed(decimals));
  const min = round(Math.floor(lo / step) * step);
  const max = round(Math.ceil(hi / step) * step);
  const ticks: number[] = [];
  for (let i = 0; ; i++) {
    const v = round(min + i * step);
    if (v > max + step / 2) break;
    ticks.push(v);
  }
  return { min, max, step, ticks };
}
