import { and, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { channels, departments, insights } from "../schema";
import { departmentIdByRef } from "./departments";
import { keysetCondition, keysetOrder, keysetPage, sortKeyText } from "./keyset";
import { OPEN_STATUSES, insightHistory, textSearchCondition } from "./insights";
import { pseudonymSecret } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { authorAlias } from "@/lib/insights/pseudonym";
import { COUNT_CAP, type PageRequest, pageRequest } from "@/lib/pagination/cursor";
import type { ApiInsight, ApiInsightDetail, InsightListQuery } from "@/lib/schemas/api-v1";

/**
 * The insights of the public read API (`GET /api/v1/insights`): for a token, company-wide, with
 * the full text and every timestamp a CRM or BI tool needs, and the author pseudonymised — the
 * handle never leaves through the API. Paged by cursor like the app's lists (index ranges that end
 * in the sort), newest first by occurrence, or by last change when `updatedSince` is given.
 */

const columns = {
  id: insights.id,
  source: insights.source,
  externalId: insights.externalId,
  occurredAt: insights.occurredAt,
  createdAt: insights.createdAt,
  updatedAt: insights.updatedAt,
  text: insights.text,
  url: insights.url,
  language: insights.language,
  platform: insights.platform,
  channelId: channels.id,
  channelName: channels.name,
  category: insights.category,
  sentiment: insights.sentiment,
  status: insights.status,
  departmentId: departments.id,
  departmentName: departments.name,
  departmentSlug: departments.slug,
  authorHandle: insights.authorHandle,
  routedAt: insights.routedAt,
  slaDueAt: insights.slaDueAt,
  acceptedAt: insights.acceptedAt,
  resolvedAt: insights.resolvedAt,
  declinedAt: insights.declinedAt,
  loopClosedAt: insights.loopClosedAt,
  resolutionNote: insights.resolutionNote,
  externalReference: insights.externalReference,
  declineReason: insights.declineReason,
};

/** The columns above and the sort key of a cursor on `sort`. */
const selectInsights = (db: Executor, sort: typeof insights.occurredAt | typeof insights.updatedAt) =>
  db
    .select({ ...columns, sortKey: sortKeyText(sort) })
    .from(insights)
    .leftJoin(channels, eq(channels.id, insights.channelId))
    .leftJoin(departments, eq(departments.id, insights.departmentId));

type Raw = Awaited<ReturnType<typeof selectInsights>>[number];

const iso = (d: Date | null) => d?.toISOString() ?? null;

function toApi(r: Raw, now: Date): ApiInsight {
  return {
    id: r.id,
    source: r.source,
    externalId: r.externalId,
    occurredAt: r.occurredAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    text: r.text,
    url: r.url,
    language: r.language,
    platform: r.platform,
    channel: r.channelId !== null && r.channelName !== null ? { id: r.channelId, name: r.channelName } : null,
    category: r.category,
    sentiment: r.sentiment,
    status: r.status,
    department:
      r.departmentId !== null && r.departmentName !== null && r.departmentSlug !== null
        ? { id: r.departmentId, name: r.departmentName, slug: r.departmentSlug }
        : null,
    author: r.authorHandle ? { alias: authorAlias(r.authorHandle, pseudonymSecret()) } : null,
    routedAt: iso(r.routedAt),
    slaDueAt: iso(r.slaDueAt),
    overdue: !!r.slaDueAt && OPEN_STATUSES.includes(r.status) && r.slaDueAt < now,
    acceptedAt: iso(r.acceptedAt),
    resolvedAt: iso(r.resolvedAt),
    declinedAt: iso(r.declinedAt),
    loopClosedAt: iso(r.loopClosedAt),
    resolutionNote: r.resolutionNote,
    externalReference: r.externalReference,
    declineReason: r.declineReason,
  };
}

export interface ApiInsightPage {
  data: ApiInsight[];
  page: { size: number; next: string | null; total: number; totalIsCapped: boolean };
}

export async function listInsightsForApi(
  db: Executor,
  q: InsightListQuery,
  opts: { now?: Date; countCap?: number } = {},
): Promise<ApiInsightPage> {
  const now = opts.now ?? new Date();
  const req = pageRequest({ after: q.cursor });
  const conds: SQL[] = [];
  if (q.department) conds.push(eq(insights.departmentId, await departmentIdByRef(db, q.department)));
  if (q.status) conds.push(eq(insights.status, q.status));
  if (q.category) conds.push(eq(insights.category, q.category));
  if (q.source) conds.push(eq(insights.source, q.source));
  if (q.since) conds.push(gte(insights.occurredAt, new Date(q.since)));
  if (q.until) conds.push(lt(insights.occurredAt, new Date(q.until)));
  if (q.updatedSince) conds.push(gte(insights.updatedAt, new Date(q.updatedSince)));
  if (q.q) conds.push(textSearchCondition(q.q));
  const where = conds.length ? and(...conds) : undefined;
  // A sync asks for what changed: ordered by the change, which the (updated_at, id) index serves.
  const sort = q.updatedSince ? insights.updatedAt : insights.occurredAt;
  const fetch = (r: PageRequest | null) =>
    selectInsights(db, sort)
      .where(and(where, keysetCondition(sort, insights.id, r, "timestamptz")))
      .orderBy(...keysetOrder(sort, insights.id, r))
      .limit(q.pageSize + 1);
  const page = await keysetPage(db, {
    req,
    pageSize: q.pageSize,
    fetch,
    keyOf: (r) => [r.sortKey, r.id],
    count: { table: insights, where, cap: opts.countCap ?? COUNT_CAP },
  });
  return {
    data: page.rows.map((r) => toApi(r, now)),
    page: { size: page.pageSize, next: page.older, total: page.count.total, totalIsCapped: page.count.more },
  };
}

/** One insight with its history, or a 404. */
export async function getInsightForApi(db: Executor, id: number, now = new Date()): Promise<ApiInsightDetail> {
  const [row] = await selectInsights(db, insights.occurredAt).where(eq(insights.id, id));
  if (!row) throw new AppError("not_found", "Insight not found.");
  const events = await insightHistory(db, id);
  return { ...toApi(row, now), history: events.map((e) => ({
      id: e.id,
      type: e.type,
      at: e.createdAt.toISOString(),
      actor: e.actorName,
      rule: e.ruleName,
      fromDepartment: e.fromDepartmentName,
      toDepartment: e.toDepartmentName,
      note: e.note,
    })) };
}
