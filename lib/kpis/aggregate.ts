import { type Day, type DayRange, type KpiPeriod, elapsedDays, periodStart, rangeDays } from "./periods";

export type Aggregation = "sum" | "avg" | "last";

export interface Point {
  day: Day;
  value: number;
  /** Insertion order; among values of the same day the later one is the "last" value. */
  seq: number;
}

/** A period's value from its measurements; null when there are none. */
export function aggregate(points: readonly Point[], aggregation: Aggregation): number | null {
  if (points.length === 0) return null;
  switch (aggregation) {
    case "sum":
      return points.reduce((s, p) => s + p.value, 0);
    case "avg":
      return points.reduce((s, p) => s + p.value, 0) / points.length;
    case "last": {
      let best = points[0];
      for (const p of points) {
        if (p.day > best.day || (p.day === best.day && p.seq > best.seq)) best = p;
      }
      return best.value;
    }
  }
}

/** Measurements grouped into their periods, each with its aggregated value, oldest first. */
export function bucketize(points: readonly Point[], kind: KpiPeriod, aggregation: Aggregation) {
  const groups = new Map<Day, Point[]>();
  for (const p of points) {
    const key = periodStart(p.day, kind);
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([start, pts]) => ({ start, count: pts.length, value: aggregate(pts, aggregation)! }));
}

/**
 * How much of a period's target a value should be measured against. A sum grows during its
 * period, so a running month is compared with the days gone by (pro rata); a period longer or
 * shorter than the KPI's own period (the overview's quarter for a monthly KPI) is scaled by its
 * length. Averages and last values do not grow, so they are compared as they are.
 */
export function targetScale(aggregation: Aggregation, kpiPeriod: KpiPeriod, window: DayRange, today: Day): number {
  if (aggregation !== "sum") return 1;
  const periodLength = { week: 7, month: 365.25 / 12, quarter: 365.25 / 4 }[kpiPeriod];
  // A whole KPI period counts as exactly one, whatever the number of days in this month.
  const days = elapsedDays(window, today);
  const whole = rangeDays(window);
  if (sameKind(window, kpiPeriod)) return days / whole;
  return days / periodLength;
}

function sameKind(window: DayRange, kind: KpiPeriod): boolean {
  return periodStart(window.start, kind) === window.start && periodStart(window.end, kind) === window.end &&
    rangeDays(window) <= { week: 7, month: 31, quarter: 92 }[kind];
}
