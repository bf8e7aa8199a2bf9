import { and, eq, gte, lte, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { auditLog, users } from "../schema";
import { keysetCondition, keysetOrder, keysetPage, sortKeyText } from "./keyset";
import { COUNT_CAP, type KeysetPage, type PageRequest, pageRequest } from "@/lib/pagination/cursor";

export interface AuditInput {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Call inside the same transaction as the write it describes, so the log never disagrees with the data. */
export async function recordAudit(db: Executor, e: AuditInput): Promise<void> {
  await db.insert(auditLog).values({
    actorId: e.actorId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId == null ? null : String(e.entityId),
    before: (e.before ?? null) as never,
    after: (e.after ?? null) as never,
  });
}

export interface AuditFilter {
  actorId?: number;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** Cursor of the row to continue below (older entries). */
  after?: string;
  /** Cursor of the row to continue above (newer entries). */
  before?: string;
  pageSize?: number;
  /** Counting stops above this many matches (default 10,000). */
  countCap?: number;
}

export interface AuditRow {
  id: number;
  createdAt: Date;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/**
 * The audit log, newest first (created_at desc, id desc), paged by cursor: each filter leads an
 * index ending in that sort, so page 1,000 costs what page 1 costs. The count stops at 10,000.
 */
export async function listAudit(db: Executor, f: AuditFilter = {}): Promise<KeysetPage<AuditRow>> {
  const pageSize = Math.min(Math.max(f.pageSize ?? 50, 1), 200);
  const req = pageRequest(f);
  const conds: SQL[] = [];
  if (f.actorId) conds.push(eq(auditLog.actorId, f.actorId));
  if (f.entityType) conds.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) conds.push(eq(auditLog.entityId, f.entityId));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.from) conds.push(gte(auditLog.createdAt, f.from));
  if (f.to) conds.push(lte(auditLog.createdAt, f.to));
  const where = conds.length ? and(...conds) : undefined;
  const fetchPage = (r: PageRequest | null) =>
    db
      .select({
        id: auditLog.id,
        createdAt: auditLog.createdAt,
        actorId: auditLog.actorId,
        actorName: users.name,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
        sortKey: sortKeyText(auditLog.createdAt),
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(and(where, keysetCondition(auditLog.createdAt, auditLog.id, r, "timestamptz")))
      .orderBy(...keysetOrder(auditLog.createdAt, auditLog.id, r))
      .limit(pageSize + 1);
  const page = await keysetPage(db, {
    req,
    pageSize,
    fetch: fetchPage,
    keyOf: (r) => [r.sortKey, r.id],
    count: { table: auditLog, where, cap: f.countCap ?? COUNT_CAP },
  });
  return { ...page, rows: page.rows.map(({ sortKey: _key, ...r }) => r as AuditRow) };
}

export async function auditEntityTypes(db: Executor): Promise<string[]> {
  const rows = await db.selectDistinct({ t: auditLog.entityType }).from(auditLog).orderBy(auditLog.entityType);
  return rows.map((r) => r.t);
}
