import { parseDay } from "@/lib/csv/parse";
import { todayIn } from "@/lib/kpis/periods";
import { zonedToInstant } from "./local-time";

/** A `yyyy-mm-dd` filter bound as the instant the company's day starts; `end` gives the next day's start. */
export function dayBound(raw: string | undefined, end = false): Date | undefined {
  const day = raw ? parseDay(raw) : null;
  if (!day) return undefined;
  const [y, m, d] = day.split("-").map(Number);
  return zonedToInstant(y, m, d + (end ? 1 : 0));
}

/** How many days the flow figures on /insights and /overview cover. */
export const FLOW_DAYS = 30;

/**
 * The flow figures' window: the last `days` company days, today included, from the start of the
 * first to the start of tomorrow. Whole days, so the figures come from the daily counters alone
 * instead of counting the partial days at the edges from the insights.
 */
export function flowWindow(now: Date, days: number = FLOW_DAYS): { from: Date; to: Date } {
  const [y, m, d] = todayIn(now).split("-").map(Number);
  return { from: zonedToInstant(y, m, d - days + 1), to: zonedToInstant(y, m, d + 1) };
}
