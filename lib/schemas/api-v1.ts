import { z } from "zod";
import {
  ALERT_KINDS,
  ALERT_SEVERITIES,
  ALERT_STATUSES,
  INSIGHT_CATEGORIES,
  INSIGHT_EVENT_TYPES,
  INSIGHT_STATUSES,
  KPI_PERIODS,
  KPI_UNITS,
  PLATFORMS,
  SENTIMENTS,
} from "@/lib/enums";

/**
 * The public read API (`GET /api/v1/insights`, `/api/v1/insights/{id}`, `/api/v1/alerts`): its
 * query parameters, checked with these schemas, and its answers, which the OpenAPI document
 * (lib/openapi.ts) is generated from. Field names are a contract with integrations.
 */

const instant = (description: string) => z.iso.datetime({ offset: true }).meta({ description, example: "2026-11-30T09:15:00.000Z" });
const nullableInstant = (description: string) => instant(description).nullable();

/** A query parameter may come once; a repeated one is an error, not a silent choice. */
export function singleParams(params: URLSearchParams): { values: Record<string, string>; repeated: string[] } {
  const values: Record<string, string> = {};
  const repeated: string[] = [];
  for (const [k, v] of params) {
    if (k in values) repeated.push(k);
    else values[k] = v;
  }
  return { values, repeated: [...new Set(repeated)] };
}

const timeParam = (description: string) =>
  z.iso
    .datetime({ offset: true, error: "an ISO 8601 date and time with offset, e.g. 2026-11-30T00:00:00Z" })
    .optional()
    .meta({ description, example: "2026-11-01T00:00:00Z" });

export const insightListQuery = z
  .object({
    status: z.enum(INSIGHT_STATUSES).optional().meta({ description: "Only insights in this state." }),
    department: z
      .string()
      .regex(/^(\d{1,9}|[a-z0-9][a-z0-9-]{0,62})$/, "a department id or slug")
      .optional()
      .meta({ description: "Only insights routed to this department, by id or slug (e.g. `kundenservice`).", example: "kundenservice" }),
    category: z.enum(INSIGHT_CATEGORIES).optional().meta({ description: "Only insights of this category." }),
    source: z.string().trim().min(1).max(100).optional().meta({ description: "Only insights delivered by this source (as given at intake).", example: "facebook-page" }),
    q: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: "Text search in the insight's text, case- and umlaut-insensitive (\"Geräusch\" finds \"Geraeusch\")." }),
    since: timeParam("Only insights that occurred at or after this time."),
    until: timeParam("Only insights that occurred before this time."),
    updatedSince: timeParam(
      "Only insights changed (created, routed, accepted, resolved, …) at or after this time. The list is then ordered by the time of the last change, newest first: to sync, remember when a sync started and pass it as `updatedSince` next time.",
    ),
    pageSize: z.coerce.number().int().min(1).max(200).default(50).meta({ description: "Insights per page, 1–200.", example: 50 }),
    cursor: z
      .string()
      .max(200)
      .optional()
      .meta({ description: "`page.next` of the previous answer, to continue with the following page." }),
  })
  .strict();
export type InsightListQuery = z.infer<typeof insightListQuery>;

const namedRef = z.object({ id: z.number().int(), name: z.string() });

export const apiInsight = z
  .object({
    id: z.number().int(),
    source: z.string().meta({ description: "Who delivered it (connector, feed, import)." }),
    externalId: z.string().meta({ description: "Its id at the source; unique with `source`." }),
    occurredAt: instant("When it was posted on the social web."),
    createdAt: instant("When it arrived here."),
    updatedAt: instant("When it last changed here."),
    text: z.string(),
    url: z.string().nullable(),
    language: z.string().nullable().meta({ description: "`de` or `en`, given or derived from the text." }),
    platform: z.enum(PLATFORMS).nullable(),
    channel: namedRef.nullable().meta({ description: "The company's channel it was posted on, if known." }),
    category: z.enum(INSIGHT_CATEGORIES),
    sentiment: z.enum(SENTIMENTS),
    status: z.enum(INSIGHT_STATUSES),
    department: namedRef.extend({ slug: z.string() }).nullable().meta({ description: "The department it is routed to." }),
    author: z
      .object({ alias: z.string().meta({ description: "A stable pseudonym of the author: the same person always gets the same alias." }) })
      .nullable()
      .meta({ description: "Pseudonymised: the author's handle never leaves the app through this API." }),
    routedAt: nullableInstant("When it was routed to the department."),
    slaDueAt: nullableInstant("By when the department should accept it."),
    overdue: z.boolean().meta({ description: "Open (routed or accepted) and past its due time." }),
    acceptedAt: nullableInstant("When the department accepted it."),
    resolvedAt: nullableInstant("When it was resolved."),
    declinedAt: nullableInstant("When the department declined it."),
    loopClosedAt: nullableInstant("When the author was told what became of it."),
    resolutionNote: z.string().nullable(),
    externalReference: z.string().nullable().meta({ description: "The ticket or CRM reference given when it was resolved." }),
    declineReason: z.string().nullable(),
  })
  .meta({ id: "Insight", description: "An insight from the social web, as the public API shows it." });
export type ApiInsight = z.infer<typeof apiInsight>;

export const apiInsightEvent = z
  .object({
    id: z.number().int(),
    type: z.enum(INSIGHT_EVENT_TYPES),
    at: instant("When it happened."),
    actor: z.string().nullable().meta({ description: "Who did it (a user's name); null for the system and the API." }),
    rule: z.string().nullable().meta({ description: "The routing rule that routed it, if a rule did." }),
    fromDepartment: z.string().nullable(),
    toDepartment: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: "InsightEvent", description: "One step of an insight's history." });

export const apiInsightDetail = apiInsight
  .extend({ history: z.array(apiInsightEvent).meta({ description: "Oldest first, up to 1,000 steps." }) })
  .meta({ id: "InsightWithHistory" });
export type ApiInsightDetail = z.infer<typeof apiInsightDetail>;

export const apiPage = z
  .object({
    size: z.number().int().meta({ description: "The page size asked for." }),
    next: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
    total: z.number().int().meta({ description: "Matching insights, counted up to 10,000." }),
    totalIsCapped: z.boolean().meta({ description: "True when more than `total` insights match." }),
  })
  .meta({ id: "CursorPage" });

export const insightListAnswer = z.object({ data: z.array(apiInsight), page: apiPage });

export const alertListQuery = z
  .object({
    status: z
      .enum([...ALERT_STATUSES, "unresolved"])
      .optional()
      .meta({ description: "`unresolved` = open or acknowledged." }),
    kind: z.enum(ALERT_KINDS).optional().meta({ description: "`threshold`: a KPI crossed its threshold; `crisis`: a spike of negative insights." }),
    severity: z.enum(ALERT_SEVERITIES).optional(),
    department: z
      .string()
      .regex(/^(\d{1,9}|[a-z0-9][a-z0-9-]{0,62})$/, "a department id or slug")
      .optional()
      .meta({ description: "Only alerts of this department, by id or slug." }),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type AlertListQuery = z.infer<typeof alertListQuery>;

export const apiAlert = z
  .object({
    id: z.number().int(),
    kind: z.enum(ALERT_KINDS),
    severity: z.enum(ALERT_SEVERITIES),
    status: z.enum(ALERT_STATUSES),
    kpi: z
      .object({ id: z.number().int(), name: z.string(), unit: z.enum(KPI_UNITS), period: z.enum(KPI_PERIODS).nullable() })
      .nullable()
      .meta({ description: "The KPI of a threshold alert." }),
    department: namedRef.nullable(),
    periodStart: z.iso.date().nullable().meta({ description: "First day of the period the value belongs to." }),
    since: z.iso.date().nullable().meta({ description: "First day of the first period that crossed the threshold." }),
    value: z.number().nullable(),
    target: z.number().nullable(),
    message: z.string().nullable(),
    openedAt: instant("When it opened."),
    escalatedAt: nullableInstant("When it became critical."),
    acknowledgedAt: nullableInstant("When someone acknowledged it."),
    resolvedAt: nullableInstant("When it resolved."),
  })
  .meta({ id: "Alert", description: "A KPI threshold alert or a crisis alert." });
export type ApiAlert = z.infer<typeof apiAlert>;

export const alertListAnswer = z.object({
  data: z.array(apiAlert),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
