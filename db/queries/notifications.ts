import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database, Executor } from "../client";
import { departments, insights, notificationPreferences, notifications, users } from "../schema";
import { type Locale, NOTIFICATION_KINDS, type NotificationDelivery, type NotificationKind } from "@/lib/enums";
import { queueMail } from "@/lib/mail/queue";
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
async function recipientsOf(db: Executor, event: InsightNotificationEvent): Promise<Recipient[]> {
  const columns = { id: users.id, email: users.email, name: users.name, locale: users.locale };
  if (event.type === "insight.sla_overdue") {
    return db.select(columns).from(users).where(and(eq(users.role, "manager"), eq(users.active, true)));
  }
  if (event.departmentId == null) return [];
  return db
    .select(columns)
    .from(departments)
    .innerJoin(users, eq(users.id, departments.headUserId))
    .where(and(eq(departments.id, event.departmentId), eq(users.active, true)));
}

interface Recipient {
  id: number;
  email: string;
  name: string;
  locale: Locale;
}

/** How each of `userIds` wants to hear of `kind` by e-mail (no choice made: at once). */
export async function deliveriesFor(db: Executor, userIds: number[], kind: NotificationKind): Promise<Map<number, NotificationDelivery>> {
  const out = new Map<number, NotificationDelivery>(userIds.map((id) => [id, "immediately"]));
  if (!userIds.length) return out;
  const rows = await db
    .select({ userId: notificationPreferences.userId, delivery: notificationPreferences.delivery })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.kind, kind), inArray(notificationPreferences.userId, userIds)));
  for (const r of rows) out.set(r.userId, r.delivery);
  return out;
}

export interface AfterQueue {
  /** Called in the transaction that wrote the mails (a job enqueues their sending there). */
  afterQueue?: (tx: Executor, mailIds: number[]) => Promise<void>;
}

export interface NotifyResult {
  /** People newly told (in the app); a repeated event tells nobody again. */
  told: number;
  /** Outbox mails written for those who want this kind at once; a job sends each. */
  mailIds: number[];
}

/**
 * Records the notifications of one insight event and, for those who want this kind by e-mail at
 * once, writes the mail to the outbox (in their language; keyed by event and person, so a retry
 * mails nobody twice); those who chose the daily digest get theirs marked for it. One
 * transaction: a notification exists exactly with its mail.
 */
export async function notifyInsightEvent(db: Database, event: InsightNotificationEvent, opts: AfterQueue = {}): Promise<NotifyResult> {
  return db.transaction(async (tx) => {
    const [insight] = await tx
      .select({ id: insights.id, text: insights.text, category: insights.category, slaDueAt: insights.slaDueAt, department: departments.name })
      .from(insights)
      .leftJoin(departments, eq(departments.id, insights.departmentId))
      .where(eq(insights.id, event.insightId));
    // Deleted meanwhile: nothing left to point at.
    if (!insight) return { told: 0, mailIds: [] };
    const recipients = await recipientsOf(tx, event);
    if (!recipients.length) return { told: 0, mailIds: [] };
    const kind = KIND[event.type];
    const delivery = await deliveriesFor(
      tx,
      recipients.map((r) => r.id),
      kind,
    );
    const inserted = await tx
      .insert(notifications)
      .values(
        recipients.map((r) => ({
          userId: r.id,
          kind,
          eventId: event.id,
          insightId: insight.id,
          data: { excerpt: insight.text.slice(0, 140), department: insight.department, dueAt: "dueAt" in event ? event.dueAt : null },
          createdAt: new Date(event.occurredAt),
          digestPending: delivery.get(r.id) === "digest",
        })),
      )
      .onConflictDoNothing({ target: [notifications.userId, notifications.eventId] })
      .returning({ userId: notifications.userId });
    const told = new Set(inserted.map((r) => r.userId));
    const mailIds: number[] = [];
    for (const r of recipients) {
      if (!told.has(r.id) || delivery.get(r.id) !== "immediately") continue;
      const common = {
        insightId: insight.id,
        text: insight.text,
        category: insight.category,
        departmentName: insight.department ?? "–",
        recipientName: r.name,
      };
      const mail = { to: r.email, recipientId: r.id, locale: r.locale, dedupeKey: `${event.id}:user-${r.id}` };
      const queued =
        event.type === "insight.routed"
          ? await queueMail(tx, { ...mail, kind: "insight_routed", data: { ...common, reassigned: event.via === "reassign", slaDueAt: insight.slaDueAt } })
          : await queueMail(tx, { ...mail, kind: event.type === "insight.sla_due_soon" ? "sla_due_soon" : "sla_overdue", data: { ...common, dueAt: new Date(event.dueAt) } });
      if (queued.created) mailIds.push(queued.id);
    }
    if (mailIds.length) await opts.afterQueue?.(tx, mailIds);
    return { told: told.size, mailIds };
  });
}

export const DIGEST_MAX_ITEMS = 20;

/** People with notifications waiting for their digest (a page of them; the job loops). */
export async function usersWithPendingDigest(db: Executor, limit = 500): Promise<number[]> {
  const rows = await db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(eq(notifications.digestPending, true))
    .orderBy(notifications.userId)
    .limit(limit);
  return rows.map((r) => r.userId);
}

/**
 * Writes one person's digest: every notification waiting for it, newest first (the mail lists
 * the newest DIGEST_MAX_ITEMS and counts the rest), and marks them done, in one transaction. The
 * mail's key names the newest notification it covers, so running twice mails once. Returns the
 * outbox mail id, or null when nothing was waiting (or the person is deactivated: their waiting
 * notifications are dropped from the digest).
 */
export async function writeDigest(db: Database, userId: number, opts: AfterQueue = {}): Promise<number | null> {
  return db.transaction(async (tx) => {
    const pending = await tx
      .select({
        id: notifications.id,
        kind: notifications.kind,
        insightId: notifications.insightId,
        data: notifications.data,
        createdAt: notifications.createdAt,
      })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.digestPending, true)))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .for("update");
    if (!pending.length) return null;
    await tx
      .update(notifications)
      .set({ digestPending: false })
      .where(and(eq(notifications.userId, userId), eq(notifications.digestPending, true)));
    const [user] = await tx
      .select({ email: users.email, name: users.name, locale: users.locale })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.active, true)));
    if (!user) return null;
    const newest = Math.max(...pending.map((p) => p.id));
    const shown = pending.slice(0, DIGEST_MAX_ITEMS);
    const queued = await queueMail(tx, {
      kind: "digest",
      to: user.email,
      recipientId: userId,
      locale: user.locale,
      dedupeKey: `digest:user-${userId}:${newest}`,
      data: {
        recipientName: user.name,
        more: pending.length - shown.length,
        items: shown.map((p) => ({
          kind: p.kind,
          insightId: p.insightId,
          departmentName: typeof p.data.department === "string" ? p.data.department : "–",
          excerpt: typeof p.data.excerpt === "string" ? p.data.excerpt : "",
          at: p.createdAt,
        })),
      },
    });
    if (!queued.created) return null;
    await opts.afterQueue?.(tx, [queued.id]);
    return queued.id;
  });
}

/** Every kind a person can choose a delivery for, with their choice (no row: at once). */
export async function notificationPreferencesOf(db: Executor, userId: number): Promise<Record<NotificationKind, NotificationDelivery>> {
  const map = await db
    .select({ kind: notificationPreferences.kind, delivery: notificationPreferences.delivery })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const out = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, "immediately"])) as Record<NotificationKind, NotificationDelivery>;
  for (const r of map) out[r.kind] = r.delivery;
  return out;
}

/** Saves a person's choices (all kinds at once); answers the kinds whose choice changed. */
export async function saveNotificationPreferences(
  db: Database,
  userId: number,
  prefs: Partial<Record<NotificationKind, NotificationDelivery>>,
  now = new Date(),
): Promise<NotificationKind[]> {
  return db.transaction(async (tx) => {
    const before = await notificationPreferencesOf(tx, userId);
    const changed = (Object.entries(prefs) as [NotificationKind, NotificationDelivery][]).filter(([k, v]) => before[k] !== v);
    for (const [kind, delivery] of changed) {
      await tx
        .insert(notificationPreferences)
        .values({ userId, kind, delivery, updatedAt: now })
        .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { delivery, updatedAt: now } });
    }
    return changed.map(([k]) => k);
  });
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
