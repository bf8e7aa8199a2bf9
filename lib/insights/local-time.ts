/**
 * The company works in German local time: dates typed into forms or CSV files without an offset
 * mean Europe/Berlin wall-clock time, whatever time zone the server runs in.
 */
export const COMPANY_TIME_ZONE = "Europe/Berlin";

function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** Wall-clock time in the company's zone → the instant (two passes settle daylight-saving edges). */
export function zonedToInstant(y: number, m: number, d: number, h = 0, min = 0, s = 0, timeZone = COMPANY_TIME_ZONE): Date {
  const naive = Date.UTC(y, m - 1, d, h, min, s);
  let guess = naive - offsetMinutes(new Date(naive), timeZone) * 60_000;
  guess = naive - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}

/** `2025-03-10T14:30` (an `<input type="datetime-local">` value) in company time; null when malformed. */
export function parseLocalDateTime(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, se] = m.slice(1).map((x) => Number(x ?? 0));
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59) return null;
  return zonedToInstant(y, mo, d, h, mi, se);
}
