import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { alias, unionAll } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import {
  channels,
  departments,
  insightEvents,
  insights,
  routingRules,
  users,
  type InsightCategory,
  type Platform,
  type Sentiment,
} from "../schema";
import type { SessionUser } from "./auth";
import { recordAudit } from "./audit";
import { cappedCount, keysetCondition, keysetOrder, keysetPage, sortKeyText } from "./keyset";
import { pseudonymSecret } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { authorAlias } from "@/lib/insights/pseudonym";
import { COUNT_CAP, type KeysetPage, type PageRequest, pageRequest } from "@/lib/pagination/cursor";
import { can } from "@/lib/permissions";

export type InsightStatus = (typeof insights.status.enumValues)[number];
export type InsightEventType = (typeof insightEvents.type.enumValues)[number];
export const OPEN_STATUSES: InsightStatus[] = ["routed", "accepted"];

/** Who is looking: managers see everything and handles; departments only their own, pseudonymised. */
export type Viewer = Pick<SessionUser, "id" | "role" | "departmentId">;

/** Departments see a stable alias instead of the handle (GDPR); the central unit sees the handle. */
export type AuthorView = { kind: "handle"; value: string } | { kind: "alias"; value: string } | null;

function authorFor(viewer: Viewer, handle: string | null): AuthorView {
  if (!handle) return null;
  if (can(viewer.role, "insights:triage")) return { kind: "handle", value: handle };
  return { kind: "alias", value: authorAlias(handle, pseudonymSecret()) };
}

/** Roles that act for one department see only what is routed there. */
export function departmentScope(viewer: Viewer): number | null {
  if (can(viewer.role, "insights:triage") || !can(viewer.role, "insights:act")) return null;
  if (!viewer.departmentId) throw new AppError("forbidden", "no department");
  return viewer.departmentId;
}

export interface InsightRow {
  id: number;
  occurredAt: string;
  text: string;
  category: InsightCategory;
  sentiment: Sentiment;
  status: InsightStatus;
  platform: Platform | null;
  channelName: string | null;
  departmentId: number | null;
  departmentName: string | null;
  slaDueAt: string | null;
  overdue: boolean;
  loopClosed: boolean;
  author: AuthorView;
  /** How many insights (this one included) carry the same text from the same author; 1 when it is unique. */
  identicalCount: number;
}

const listColumns = {
  id: insights.id,
  occurredAt: insights.occurredAt,
  text: sql<string>`left(${insights.text}, 280)`,
  category: insights.category,
  sentiment: insights.sentiment,
  status: insights.status,
  platform: insights.platform,
  channelName: channels.name,
  departmentId: insights.departmentId,
  departmentName: departments.name,
  slaDueAt: insights.slaDueAt,
  loopClosedAt: insights.loopClosedAt,
  authorHandle: insights.authorHandle,
  textHash: sql<string>`md5(${insights.text})`,
};

type RawRow = { [K in keyof typeof listColumns]: unknown } & {
  id: number;
  occurredAt: Date;
  slaDueAt: Date | null;
  loopClosedAt: Date | null;
  authorHandle: string | null;
  textHash: string;
  status: InsightStatus;
};

/** Plain JSON-safe rows (ISO dates): the department inbox sends them to the browser as they are. */
function toRow(viewer: Viewer, r: RawRow, now: Date, identical?: Map<string, number>): InsightRow {
  const { authorHandle, loopClosedAt, occurredAt, slaDueAt, textHash, ...rest } = r;
  return {
    ...(rest as unknown as Omit<InsightRow, "author" | "occurredAt" | "slaDueAt" | "overdue" | "loopClosed" | "identicalCount">),
    identicalCount: (authorHandle && identical?.get(`${authorHandle}\u0000${textHash}`)) || 1,
    occurredAt: occurredAt.toISOString(),
    slaDueAt: slaDueAt?.toISOString() ?? null,
    overdue: !!slaDueAt && OPEN_STATUSES.includes(r.status) && slaDueAt < now,
    loopClosed: !!loopClosedAt,
    author: authorFor(viewer, authorHandle),
  };
}

export interface InsightFilter {
  status?: InsightStatus;
  category?: InsightCategory;
  sentiment?: Sentiment;
  channelId?: number;
  departmentId?: number;
  from?: Date;
  to?: Date;
  q?: string;
  /** Cursor of the row to continue below (older rows). */
  after?: string;
  /** Cursor of the row to continue above (newer rows). */
  before?: string;
  pageSize?: number;
  /** Counting stops above this many matches (default 10,000); tests pass a small one. */
  countCap?: number;
}

const selectRows = (db: Executor) =>
  db
    .select({ ...listColumns, sortKey: sortKeyText(insights.occurredAt) })
    .from(insights)
    .leftJoin(channels, eq(channels.id, insights.channelId))
    .leftJoin(departments, eq(departments.id, insights.departmentId));

/**
 * For the rows of one page: how often each (author, text) pair occurs among the insights the viewer
 * may see, so a list can mark a comment posted three times instead of showing it three times
 * unexplained. Served by the (author_handle, md5(text)) index.
 */
async function identicalCounts(db: Executor, rows: RawRow[], scope: number | null): Promise<Map<string, number>> {
  const keyed = rows.filter((r) => r.authorHandle);
  if (!keyed.length) return new Map();
  const handles = [...new Set(keyed.map((r) => r.authorHandle!))];
  const hashes = [...new Set(keyed.map((r) => r.textHash))];
  const hash = sql<string>`md5(${insights.text})`;
  const found = await db
    .select({ handle: insights.authorHandle, hash, n: count() })
    .from(insights)
    .where(
      and(
        inArray(insights.authorHandle, handles),
        inArray(hash, hashes),
        scope !== null ? eq(insights.departmentId, scope) : undefined,
      ),
    )
    .groupBy(insights.authorHandle, hash);
  return new Map(found.filter((f) => f.n > 1).map((f) => [`${f.handle}\u0000${f.hash}`, f.n]));
}

/**
 * Text search folded like the routing keywords (search_fold, migration 0007): "Geräusch" finds
 * "Geraeusch" and the other way round. `%`, `_` and `\` in the query are taken literally. It
 * compares the stored folded text (text_folded), which the trigram index serves.
 */
export function textSearchCondition(q: string): SQL {
  const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`${insights.textFolded} like '%' || search_fold(${escaped}) || '%'`;
}

export type InsightListPage = KeysetPage<InsightRow>;

/**
 * The triage inbox and the "all insights" list: filtered, newest first (occurred_at desc, id
 * desc), paged by cursor. Each filter leads an index that ends in that sort, so any page is one
 * index range; the count stops at 10,000 ("more than 10,000").
 */
export async function listInsights(db: Executor, viewer: Viewer, f: InsightFilter = {}, now = new Date()): Promise<InsightListPage> {
  const pageSize = Math.min(Math.max(f.pageSize ?? 25, 1), 100);
  const req = pageRequest(f);
  const scope = departmentScope(viewer);
  const conds: SQL[] = [];
  if (scope !== null) conds.push(eq(insights.departmentId, scope));
  else if (f.departmentId) conds.push(eq(insights.departmentId, f.departmentId));
  if (f.status) conds.push(eq(insights.status, f.status));
  if (f.category) conds.push(eq(insights.category, f.category));
  if (f.sentiment) conds.push(eq(insights.sentiment, f.sentiment));
  if (f.channelId) conds.push(eq(insights.channelId, f.channelId));
  if (f.from) conds.push(gte(insights.occurredAt, f.from));
  if (f.to) conds.push(lt(insights.occurredAt, f.to));
  const q = f.q?.trim();
  if (q) conds.push(textSearchCondition(q));
  const where = conds.length ? and(...conds) : undefined;
  const fetchPage = (r: PageRequest | null) =>
    selectRows(db)
      .where(and(where, keysetCondition(insights.occurredAt, insights.id, r, "timestamptz")))
      .orderBy(...keysetOrder(insights.occurredAt, insights.id, r))
      .limit(pageSize + 1);
  const page = await keysetPage(db, {
    req,
    pageSize,
    fetch: fetchPage as (r: PageRequest | null) => Promise<(RawRow & { sortKey: string })[]>,
    keyOf: (r) => [r.sortKey, r.id],
    count: { table: insights, where, cap: f.countCap ?? COUNT_CAP },
  });
  const identical = await identicalCounts(db, page.rows, scope);
  return { ...page, rows: page.rows.map(({ sortKey: _key, ...r }) => toRow(viewer, r as RawRow, now, identical)) };
}

/**
 * A department's open insights, most urgent first (earliest SLA due time, overdue on top), then
 * newest. Served by the (department, status, sla_due_at, occurred_at desc, id desc) index: one
 * ordered index range per open status, merged, so a page stays fast with millions of stored
 * insights. Open insights are few per department, so this list keeps numbered pages (its API
 * takes `?page=`); the count is capped like the others.
 */
export async function departmentInbox(
  db: Executor,
  viewer: Viewer,
  opts: { departmentId?: number; page?: number; pageSize?: number; countCap?: number } = {},
  now = new Date(),
) {
  const departmentId = departmentScope(viewer) ?? opts.departmentId;
  if (!departmentId) throw new AppError("bad_request", "department required");
  const pageSize = Math.min(Math.max(opts.pageSize ?? 25, 1), 100);
  const page = Math.max(opts.page ?? 1, 1);
  const where = and(eq(insights.departmentId, departmentId), inArray(insights.status, OPEN_STATUSES));
  // One ordered index range per open status, each cut at the end of the requested page, then
  // merged: the cost follows the page, not the number of open insights (a sort of all of them
  // took 100 ms at 12,500).
  // A fresh list each time: drizzle rewrites the union's ORDER BY terms in place to bare names.
  const order = () => [asc(insights.slaDueAt), desc(insights.occurredAt), desc(insights.id)];
  const upTo = page * pageSize;
  const perStatus = (status: InsightStatus) =>
    selectRows(db)
      .where(and(eq(insights.departmentId, departmentId), eq(insights.status, status)))
      .orderBy(...order())
      .limit(upTo);
  // OPEN_STATUSES: routed and accepted.
  const rows = await unionAll(perStatus("routed"), perStatus("accepted"))
    .orderBy(...order())
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const { total, more } = await cappedCount(db, insights, where, opts.countCap ?? COUNT_CAP);
  const identical = await identicalCounts(db, rows as RawRow[], departmentId);
  return {
    rows: rows.map(({ sortKey: _key, ...r }) => toRow(viewer, r as RawRow, now, identical)),
    total,
    /** More open insights than `total` (the count stops at the cap). */
    more,
    page,
    pageSize,
    departmentId,
  };
}
export type DepartmentInboxPage = Awaited<ReturnType<typeof departmentInbox>>;

export interface InsightEventDto {
  id: number;
  type: InsightEventType;
  createdAt: Date;
  actorName: string | null;
  ruleName: string | null;
  fromDepartmentName: string | null;
  toDepartmentName: string | null;
  note: string | null;
}

export interface InsightDetail extends Omit<InsightRow, "text"> {
  text: string;
  source: string;
  externalId: string;
  url: string | null;
  language: string | null;
  languageDerived: boolean;
  sentimentDerived: boolean;
  ruleName: string | null;
  createdAt: Date;
  routedAt: Date | null;
  acceptedAt: Date | null;
  resolvedAt: Date | null;
  declinedAt: Date | null;
  loopClosedAt: Date | null;
  dismissedAt: Date | null;
  resolutionNote: string | null;
  externalReference: string | null;
  declineReason: string | null;
  events: InsightEventDto[];
}

/** An insight's history, oldest first, up to 1,000 steps, with the names of who and what acted. */
export async function insightHistory(db: Executor, id: number): Promise<InsightEventDto[]> {
  const fromDep = alias(departments, "from_dep");
  const toDep = alias(departments, "to_dep");
  return db
    .select({
      id: insightEvents.id,
      type: insightEvents.type,
      createdAt: insightEvents.createdAt,
      actorName: users.name,
      ruleName: routingRules.name,
      fromDepartmentName: fromDep.name,
      toDepartmentName: toDep.name,
      note: insightEvents.note,
    })
    .from(insightEvents)
    .leftJoin(users, eq(users.id, insightEvents.actorId))
    .leftJoin(routingRules, eq(routingRules.id, insightEvents.ruleId))
    .leftJoin(fromDep, eq(fromDep.id, insightEvents.fromDepartmentId))
    .leftJoin(toDep, eq(toDep.id, insightEvents.toDepartmentId))
    .where(eq(insightEvents.insightId, id))
    .orderBy(asc(insightEvents.createdAt), asc(insightEvents.id))
    .limit(1000);
}

/** One insight with its history; a department head asking for another department's insight gets 403. */
export async function getInsight(db: Executor, viewer: Viewer, id: number, now = new Date()): Promise<InsightDetail> {
  const scope = departmentScope(viewer);
  const [row] = await db
    .select({
      ...listColumns,
      text: insights.text,
      source: insights.source,
      externalId: insights.externalId,
      url: insights.url,
      language: insights.language,
      languageDerived: insights.languageDerived,
      sentimentDerived: insights.sentimentDerived,
      ruleName: routingRules.name,
      createdAt: insights.createdAt,
      routedAt: insights.routedAt,
      acceptedAt: insights.acceptedAt,
      resolvedAt: insights.resolvedAt,
      declinedAt: insights.declinedAt,
      dismissedAt: insights.dismissedAt,
      resolutionNote: insights.resolutionNote,
      externalReference: insights.externalReference,
      declineReason: insights.declineReason,
    })
    .from(insights)
    .leftJoin(channels, eq(channels.id, insights.channelId))
    .leftJoin(departments, eq(departments.id, insights.departmentId))
    .leftJoin(routingRules, eq(routingRules.id, insights.ruleId))
    .where(eq(insights.id, id));
  if (!row) throw new AppError("not_found", "insight not found");
  if (scope !== null && row.departmentId !== scope) throw new AppError("forbidden", "insight of another department");
  const events = await insightHistory(db, id);
  // The handle never leaves this function for a viewer who may only see the alias.
  const { authorHandle: _handle, textHash: _hash, ...rest } = row;
  const base = toRow(viewer, row as unknown as RawRow, now);
  return { ...rest, ...base, text: row.text, loopClosedAt: row.loopClosedAt, events } as InsightDetail;
}

/** Open insights a role should look at: triage for the central unit, the own department's open ones for a head. */
/** The navigation's insight counter as a query: triage for the central unit, newly routed for a department head; null for others. */
export function insightBadgeQuery(db: Executor, viewer: Viewer) {
  if (can(viewer.role, "insights:triage")) return db.select({ n: count() }).from(insights).where(eq(insights.status, "triage"));
  if (can(viewer.role, "insights:act") && viewer.departmentId) {
    return db
      .select({ n: count() })
      .from(insights)
      .where(and(eq(insights.departmentId, viewer.departmentId), eq(insights.status, "routed")));
  }
  return null;
}

export async function insightBadgeCount(db: Executor, viewer: Viewer): Promise<number> {
  const q = insightBadgeQuery(db, viewer);
  return q ? (await q)[0].n : 0;
}

// Flow figures moved to ./flow-figures (daily counters); re-exported so importers keep working.
export {
  flowFigures,
  flowFiguresRecount,
  triageFigures,
  type FlowFigures,
  type FlowFiguresResult,
  type TriageFigures,
} from "./flow-figures";
