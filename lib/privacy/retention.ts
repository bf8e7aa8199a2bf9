// How long the tool keeps what people wrote, per insight category, and the audit log and
// notifications; what runs nightly is db/queries/retention.ts. Months, because the periods the
// data protection officer sets are phrased that way ("applicant questions 6 months").
import { INSIGHT_CATEGORIES, type InsightCategory } from "@/lib/enums";

export interface RetentionSettings {
  /** Months after which an insight's personal content is erased; null keeps it. */
  insights: Record<InsightCategory, number | null>;
  /** Months after which audit entries are deleted; null keeps them. */
  auditMonths: number | null;
  /** Months after which notifications are deleted; null keeps them. */
  notificationMonths: number | null;
}

export const MAX_RETENTION_MONTHS = 120;

/**
 * A sensible start: what is about a person and a one-off matter goes soon (applicants' questions,
 * requests), what the business learns from stays two years, crisis signals three for the
 * post-mortems. Admins change it in Admin → Datenschutz.
 */
export const DEFAULT_RETENTION: RetentionSettings = {
  insights: {
    product_feedback: 24,
    complaint: 24,
    service_request: 12,
    question: 12,
    sales_lead: 12,
    applicant_question: 6,
    idea: 24,
    praise: 12,
    crisis_signal: 36,
  },
  auditMonths: 36,
  notificationMonths: 6,
};

function months(v: unknown, fallback: number | null): number | null {
  if (v === null) return null;
  return typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= MAX_RETENTION_MONTHS ? v : fallback;
}

/** Stored settings over the defaults; anything malformed falls back to the default. */
export function readRetention(stored: unknown): RetentionSettings {
  const s = (typeof stored === "object" && stored !== null ? stored : {}) as Record<string, unknown>;
  const ins = (typeof s.insights === "object" && s.insights !== null ? s.insights : {}) as Record<string, unknown>;
  return {
    insights: Object.fromEntries(
      INSIGHT_CATEGORIES.map((c) => [c, c in ins ? months(ins[c], DEFAULT_RETENTION.insights[c]) : DEFAULT_RETENTION.insights[c]]),
    ) as Record<InsightCategory, number | null>,
    auditMonths: "auditMonths" in s ? months(s.auditMonths, DEFAULT_RETENTION.auditMonths) : DEFAULT_RETENTION.auditMonths,
    notificationMonths:
      "notificationMonths" in s ? months(s.notificationMonths, DEFAULT_RETENTION.notificationMonths) : DEFAULT_RETENTION.notificationMonths,
  };
}

/** The moment `months` calendar months before `now` (UTC); the end of a month clamps (31 Aug − 6 → 28/29 Feb). */
export function cutoff(now: Date, months: number): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - months;
  const target = new Date(Date.UTC(y, m, 1, now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return target;
}
