import { foldText } from "@/lib/routing/text";

/**
 * Which insights belong to a crisis: those that occurred since its start (until it closed) on one
 * of its channels and mentioning one of its topics. A crisis without channels listens on every
 * channel, one without topics to every text; one with neither (a spike the early warning drafted)
 * takes every negative voice. Insights a manager added by hand belong to it regardless.
 * db/queries/crises.ts states the same rule in SQL; the integration test holds them together.
 */
export interface CrisisFrame {
  startedAt: Date;
  closedAt: Date | null;
  channelIds: readonly number[];
  /** As entered; compared folded (ä = ae, case-insensitive), like routing keywords and search. */
  topics: readonly string[];
}

export interface InsightFacts {
  occurredAt: Date;
  channelId: number | null;
  text: string;
  sentiment: string;
  category: string;
}

export function isNegative(i: Pick<InsightFacts, "sentiment" | "category">): boolean {
  return i.sentiment === "negative" || i.category === "crisis_signal";
}

export function foldedTopics(topics: readonly string[]): string[] {
  return [...new Set(topics.map((t) => foldText(t).trim()).filter(Boolean))];
}

export function belongsToCrisis(i: InsightFacts, c: CrisisFrame): boolean {
  if (i.occurredAt < c.startedAt) return false;
  if (c.closedAt && i.occurredAt > c.closedAt) return false;
  const topics = foldedTopics(c.topics);
  if (c.channelIds.length === 0 && topics.length === 0) return isNegative(i);
  if (c.channelIds.length > 0 && (i.channelId == null || !c.channelIds.includes(i.channelId))) return false;
  if (topics.length > 0) {
    const text = foldText(i.text);
    if (!topics.some((t) => text.includes(t))) return false;
  }
  return true;
}

/** The room's chart starts this long before the crisis did, so the rise is visible. */
export const CHART_LEAD_HOURS = 48;
/** …and covers at most this long (a crisis that runs for weeks shows its last days). */
export const CHART_MAX_HOURS = 14 * 24;

/** The hours the chart shows: from 48 h before the start to the close (or now), at most two weeks. */
export function chartWindow(c: Pick<CrisisFrame, "startedAt" | "closedAt">, now: Date): { from: Date; to: Date } {
  const hour = 3_600_000;
  const end = c.closedAt && c.closedAt < now ? c.closedAt : now;
  const to = new Date(Math.ceil(end.getTime() / hour) * hour);
  let from = new Date(Math.floor((c.startedAt.getTime() - CHART_LEAD_HOURS * hour) / hour) * hour);
  if (to.getTime() - from.getTime() > CHART_MAX_HOURS * hour) from = new Date(to.getTime() - CHART_MAX_HOURS * hour);
  return { from, to };
}

export interface HourBucket {
  hour: Date;
  total: number;
  negative: number;
}

/** Every hour of the window, zeros where nothing arrived, with the negative share in percent. */
export function fillHours(rows: readonly HourBucket[], from: Date, to: Date): { hour: string; total: number; negative: number; negativeShare: number | null }[] {
  const byHour = new Map(rows.map((r) => [r.hour.getTime(), r]));
  const out = [];
  for (let t = from.getTime(); t < to.getTime(); t += 3_600_000) {
    const r = byHour.get(t);
    const total = r?.total ?? 0;
    const negative = r?.negative ?? 0;
    out.push({ hour: new Date(t).toISOString(), total, negative, negativeShare: total ? Math.round((negative / total) * 1000) / 10 : null });
  }
  return out;
}
