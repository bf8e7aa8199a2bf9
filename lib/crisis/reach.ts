/**
 * How far an activation reached: advocates briefed, those who confirmed reading, those who
 * reported acting (a post of their own), per platform they use, and how soon the first one acted
 * after being briefed.
 */
export interface BriefedAdvocate {
  platforms: readonly string[];
  sentAt: Date;
  readAt: Date | null;
  actedAt: Date | null;
}

export interface Reach {
  briefed: number;
  read: number;
  acted: number;
  perPlatform: { platform: string; briefed: number; read: number; acted: number }[];
  /** Minutes from a briefing to the first action reported on it (the quickest), or null. */
  firstActionMinutes: number | null;
}

export function reach(rows: readonly BriefedAdvocate[]): Reach {
  const per = new Map<string, { briefed: number; read: number; acted: number }>();
  let first: number | null = null;
  for (const r of rows) {
    for (const p of new Set(r.platforms)) {
      const x = per.get(p) ?? { briefed: 0, read: 0, acted: 0 };
      x.briefed++;
      if (r.readAt || r.actedAt) x.read++;
      if (r.actedAt) x.acted++;
      per.set(p, x);
    }
    if (r.actedAt) {
      const m = Math.max(0, Math.round((r.actedAt.getTime() - r.sentAt.getTime()) / 60_000));
      if (first == null || m < first) first = m;
    }
  }
  return {
    briefed: rows.length,
    // Whoever acted has read it, whether or not they pressed the button first.
    read: rows.filter((r) => r.readAt || r.actedAt).length,
    acted: rows.filter((r) => r.actedAt).length,
    perPlatform: [...per].map(([platform, x]) => ({ platform, ...x })).sort((a, b) => b.briefed - a.briefed || a.platform.localeCompare(b.platform)),
    firstActionMinutes: first,
  };
}
