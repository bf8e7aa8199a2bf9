import { parseDay } from "@/lib/csv/parse";
import { zonedToInstant } from "./local-time";

/** A `yyyy-mm-dd` filter bound as the instant the company's day starts; `end` gives the next day's start. */
export function dayBound(raw: string | undefined, end = false): Date | undefined {
  const day = raw ? parseDay(raw) : null;
  if (!day) return undefined;
  const [y, m, d] = day.split("-").map(Number);
  return zonedToInstant(y, m, d + (end ? 1 : 0));
}
