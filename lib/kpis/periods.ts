import {
  addMonths,
  addQuarters,
  addWeeks,
  addYears,
  differenceInCalendarDays,
  startOfISOWeek,
  startOfMonth,
  startOfQuarter,
  startOfYear,
} from "date-fns";

/**
 * Periods are calendar dates in Europe/Berlin, written as ISO days (`yyyy-MM-dd`). Measurements
 * carry a day, not an instant, so a value "for 31 March" belongs to Q1 wherever it is sent from.
 * Dates are handled as local midnights only to use date-fns; they never leave this module.
 */
export type Day = string;
export type KpiPeriod = "week" | "month" | "quarter";
/** What the overview can show: a KPI period or a whole year. */
export type WindowKind = KpiPeriod | "year";

export const BUSINESS_TIME_ZONE = "Europe/Berlin";

export interface DayRange {
  /** First day of the period. */
  start: Day;
  /** First day after the period (exclusive), so ranges chain without gaps. */
  end: Day;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDay(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const d = toDate(s);
  return toDay(d) === s;
}

function toDate(day: Day): Date {
  const m = ISO_DAY.exec(day);
  if (!m) throw new RangeError(`not an ISO day: ${day}`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/**
 * `yyyy-MM-dd` of a local date. Not date-fns' `format`: it brings its English locale (about
 * 6 kB gzip) into the overview's and the KPI page's client bundles for a fixed numeric pattern.
 */
function toDay(d: Date): Day {
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
}

/** Today's calendar date in the company's time zone (an instant just after midnight UTC may still be yesterday). */
export function todayIn(now: Date = new Date(), timeZone: string = BUSINESS_TIME_ZONE): Day {
  // en-CA formats as yyyy-MM-dd.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function periodStart(day: Day, kind: WindowKind): Day {
  const d = toDate(day);
  switch (kind) {
    case "week":
      return toDay(startOfISOWeek(d));
    case "month":
      return toDay(startOfMonth(d));
    case "quarter":
      return toDay(startOfQuarter(d));
    case "year":
      return toDay(startOfYear(d));
  }
}

/** The start of the period `n` periods after (or before, when negative) the one starting at `start`. */
export function shiftPeriod(start: Day, kind: WindowKind, n: number): Day {
  const d = toDate(periodStart(start, kind));
  switch (kind) {
    case "week":
      return toDay(addWeeks(d, n));
    case "month":
      return toDay(addMonths(d, n));
    case "quarter":
      return toDay(addQuarters(d, n));
    case "year":
      return toDay(addYears(d, n));
  }
}

export function periodRange(day: Day, kind: WindowKind): DayRange {
  const start = periodStart(day, kind);
  return { start, end: shiftPeriod(start, kind, 1) };
}

export function addDays(day: Day, n: number): Day {
  const d = toDate(day);
  d.setDate(d.getDate() + n);
  return toDay(d);
}

export function daysBetween(from: Day, to: Day): number {
  return differenceInCalendarDays(toDate(to), toDate(from));
}

export function rangeDays(r: DayRange): number {
  return daysBetween(r.start, r.end);
}

/** Days of the range up to and including `today` (0 before it starts, all of it once it is over). */
export function elapsedDays(r: DayRange, today: Day): number {
  const total = rangeDays(r);
  const upTo = daysBetween(r.start, today) + 1;
  return Math.max(0, Math.min(total, upTo));
}

/** The `count` consecutive periods ending with the one that contains `day`, oldest first. */
export function trailingPeriods(day: Day, kind: WindowKind, count: number): DayRange[] {
  const last = periodStart(day, kind);
  const out: DayRange[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const start = shiftPeriod(last, kind, -i);
    out.push({ start, end: shiftPeriod(start, kind, 1) });
  }
  return out;
}
