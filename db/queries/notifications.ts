import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { departments, insights, notifications, users } from "../schema";
import type { NotificationKind } from "@/lib/enums";
import type { InsightRoutedEvent, SlaTransitionEvent } from "@/lib/jobs/events";

/**
 * In-app notifications: who is told what when an insight is routed or its SLA runs short, and the
 * list and unread count each person sees. Writing is idempotent per person and event, so a job
 * that runs again (a retry after a crash) tells nobody twice.
 */

export type InsightNotificationEvent = InsightRoutedEvent | SlaTransitionEvent;

const KIND: Record<InsightNotificationEvent["type"], NotificationKind> = {
  "insight.routed": "insight_routed",
  "insight.sla_due_soon": "sla_due_soon",
  "insight.sla_overdue": "sla_overdue",
};

/**
 * The people an insight event concerns: routed and "due soon" go to the head of the insight's
 * department (a reminder to accept it); "overdue" is escalated to the central unit (every active
 * manager). Deactivated people are told nothing.
 */
async function recipientsOf(db: Executor, event: InsightNotificationEvent): Promise<number[]> {
  if (event.type === "insight.sla_overdue") {
    const rows = await db.select({ id: users.id }).from(users).where(and(eq(users.role, "manager"), eq(users.active, true)));
    return rows.map((r) => r.id);
  }
  if (event.departmentId == null) return [];
  const rows = await db
    .select({ id: users.id })
    .from(departments)
    .innerJoin(users, eq(users.id, departments.headUserId))
    .where(and(eq(departments.id, event.departmentId), eq(users.active, true)));
  return rows.map((r) => r.id);
}

/** Records the notifications of one insight event; returns how many people were newly told. */
export async function notifyInsightEvent(db: Executor, event: InsightNotificationEvent): Promise<number> {
  const [insight] = await db
    .select({ id: insights.id, text: sql<string>`left(${insights.text}, 140)`, department: departments.name })
    .from(insights)
    .leftJoin(departments, eq(departments.id, insights.departmentId))
    .where(eq(insights.id, event.insightId));
  // Deleted meanwhile: nothing left to point at.
  if (!insight) return 0;
  const recipients = await recipientsOf(db, event);
  if (!recipients.length) return 0;
  const inserted = await db
    .insert(notifications)
    .values(
      recipients.map((userId) => ({
        userId,
        kind: KIND[event.type],
        eventId: event.id,
        insightId: insight.id,
        data: { excerpt: insight.text, department: insight.department, dueAt: "dueAt" in event ? event.dueAt : null },
        createdAt: new Date(event.occurredAt),
      })),
    )
    .onConflictDoNothing({ target: [notifications.userId, notifications.eventId] })
    .returning({ id: notifications.id });
  return inserted.length;
}

export interface NotificationDto {
  id: number;
  kind: NotificationKind;
  insightId: number | null;
  data: Record<string, string | number | null>;
  createdAt: Date;
  readAt: Date | null;
}

export const NOTIFICATION_PAGE_SIZE = 25;

/** One person's notifications, newest first, by page (a person's list stays short: kept months, not years). */
export async function listNotifications(db: Executor, userId: number, opts: { page?: number; pageSize?: number } = {}) {
  const pageSize = Math.min(Math.max(opts.pageSize ?? NOTIFICATION_PAGE_SIZE, 1), 100);
  const page = Math.max(opts.page ?? 1, 1);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        insightId: notifications.insightId,
        data: notifications.data,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(notifications).where(eq(notifications.userId, userId)),
  ]);
  return { rows: rows as NotificationDto[], total, page, pageSize };
}

export async function unreadNotificationCount(db: Executor, userId: number): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return n;
}

/** Marks the person's own notifications read (`ids`, or all); others' ids are ignored. Returns how many changed. */
export async function markNotificationsRead(db: Executor, userId: number, ids: number[] | "all", now = new Date()): Promise<number> {
  if (ids !== "all" && !ids.length) return 0;
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids === "all" ? undefined : inArray(notifications.id, ids)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** The insight a notification points at, once marked read; null when it is not the person's. */
export async function openNotification(db: Executor, userId: number, id: number, now = new Date()): Promise<{ insightId: number | null } | null> {
  const [row] = await db
    .select({ insightId: notifications.insightId, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  if (!row) return null;
  if (!row.readAt) await markNotificationsRead(db, userId, [id], now);
  return { insightId: row.insightId };
}
