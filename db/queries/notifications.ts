import { and, count, desc, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Database, Executor } from "../client";
import {
  alerts,
  businessProcesses,
  channels,
  connectors,
  crises,
  departments,
  guidelineAcknowledgments,
  guidelineVersions,
  insights,
  kpis,
  notificationPreferences,
  notifications,
  users,
} from "../schema";
import { usersAffectedByVersions } from "./guidelines";
import {
  type Locale,
  type NotificationDelivery,
  type NotificationKind,
  SWITCHABLE_NOTIFICATION_KINDS,
  type SwitchableNotificationKind,
} from "@/lib/enums";
import { DEFAULT_CRISIS_POLICY } from "@/lib/insights/crisis";
import { queueMail } from "@/lib/mail/queue";
import type { AlertEvent, ConnectorPausedEvent, GuidelinePublishedEvent, InsightRoutedEvent, SlaTransitionEvent } from "@/lib/jobs/events";

/**
 * In-app notifications: who is told what when an insight is routed or its SLA runs short, a KPI or
 * the crisis early warning raises an alert, or a guideline is published (and a week later is still
 * unacknowledged), and the list and unread count each person sees. Writing is idempotent per person and event, so a job
 * that runs again (a retry after a crash) tells nobody twice.
 */

export type InsightNotificationEvent = InsightRoutedEvent | SlaTransitionEvent;

const KIND: Record<InsightNotificationEvent["type"], NotificationKind> = {
  "insight.routed": "insight_routed",
  "insight.sla_due_soon": "sla_due_soon",
  "insight.sla_overdue": "sla_overdue",
};

const RECIPIENT = { id: users.id, email: users.email, name: users.name, locale: users.locale };

/**
 * The people an insight event concerns: routed and "due soon" go to the head of the insight's
 * department (a reminder to accept it); "overdue" is escalated to the central unit (every active
 * manager). Deactivated people are told nothing.
 */
async function recipientsOf(db: Executor, event: InsightNotificationEvent): Promise<Recipient[]> {
  if (event.type === "insight.sla_overdue") {
    return db.select(RECIPIENT).from(users).where(and(eq(users.role, "manager"), eq(users.active, true)));
  }
  if (event.departmentId == null) return [];
  return db
    .select(RECIPIENT)
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

/** How each of `userIds` wants to hear of `kind` by e-mail (no choice made: at once; a crisis always at once). */
export async function deliveriesFor(db: Executor, userIds: number[], kind: NotificationKind): Promise<Map<number, NotificationDelivery>> {
  const out = new Map<number, NotificationDelivery>(userIds.map((id) => [id, "immediately"]));
  if (!userIds.length || kind === "crisis_alert" || kind === "crisis_briefing") return out;
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
    const common = { insightId: insight.id, text: insight.text, category: insight.category, departmentName: insight.department ?? "–" };
    return tell(
      tx,
      {
        kind: KIND[event.type],
        eventId: event.id,
        at: new Date(event.occurredAt),
        recipients: await recipientsOf(tx, event),
        insightId: insight.id,
        data: { excerpt: insight.text.slice(0, 140), department: insight.department, dueAt: "dueAt" in event ? event.dueAt : null },
        mail: (t, r, base) =>
          event.type === "insight.routed"
            ? queueMail(t, { ...base, kind: "insight_routed", data: { ...common, recipientName: r.name, reassigned: event.via === "reassign", slaDueAt: insight.slaDueAt } })
            : queueMail(t, { ...base, kind: KIND[event.type] as "sla_due_soon" | "sla_overdue", data: { ...common, recipientName: r.name, dueAt: new Date(event.dueAt) } }),
      },
      opts,
    );
  });
}

/** Active people with one of `roles`, plus the active heads of the given departments; each once. */
async function peopleFor(db: Executor, opts: { roles: ("manager" | "executive")[]; headsOf: { departmentIds?: number[]; kind?: "communications" } }): Promise<Recipient[]> {
  const heads = opts.headsOf.departmentIds?.length
    ? inArray(departments.id, opts.headsOf.departmentIds)
    : opts.headsOf.kind
      ? eq(departments.kind, opts.headsOf.kind)
      : undefined;
  const [byRole, byHead] = [
    await db.select(RECIPIENT).from(users).where(and(inArray(users.role, opts.roles), eq(users.active, true))),
    heads
      ? await db.select(RECIPIENT).from(departments).innerJoin(users, eq(users.id, departments.headUserId)).where(and(heads, eq(users.active, true)))
      : [],
  ];
  const seen = new Map<number, Recipient>();
  for (const r of [...byHead, ...byRole]) if (!seen.has(r.id)) seen.set(r.id, r);
  return [...seen.values()];
}

interface Telling {
  kind: NotificationKind;
  eventId: string;
  at: Date;
  recipients: Recipient[];
  insightId?: number | null;
  /** Shown in the list (`subject`, `department`, `excerpt`) and where it leads (`href`, a path in the app). */
  data: Record<string, string | number | null>;
  /** Writes the mail of one recipient who wants it at once; answers what queueMail answered. */
  mail: (tx: Executor, r: Recipient, base: { to: string; recipientId: number; locale: Locale; dedupeKey: string }) => Promise<{ id: number; created: boolean }>;
}

/**
 * Records one notification per recipient (none twice for the same event) and, for those who want
 * this kind at once, its mail; marks the digest for those who chose it. Runs in the caller's transaction.
 */
async function tell(tx: Executor, t: Telling, opts: AfterQueue): Promise<NotifyResult> {
  if (!t.recipients.length) return { told: 0, mailIds: [] };
  const delivery = await deliveriesFor(
    tx,
    t.recipients.map((r) => r.id),
    t.kind,
  );
  const inserted = await tx
    .insert(notifications)
    .values(
      t.recipients.map((r) => ({
        userId: r.id,
        kind: t.kind,
        eventId: t.eventId,
        insightId: t.insightId ?? null,
        data: t.data,
        createdAt: t.at,
        digestPending: delivery.get(r.id) === "digest",
      })),
    )
    .onConflictDoNothing({ target: [notifications.userId, notifications.eventId] })
    .returning({ userId: notifications.userId });
  const told = new Set(inserted.map((r) => r.userId));
  const mailIds: number[] = [];
  for (const r of t.recipients) {
    if (!told.has(r.id) || delivery.get(r.id) !== "immediately") continue;
    const queued = await t.mail(tx, r, { to: r.email, recipientId: r.id, locale: r.locale, dedupeKey: `${t.eventId}:user-${r.id}` });
    if (queued.created) mailIds.push(queued.id);
  }
  if (mailIds.length) await opts.afterQueue?.(tx, mailIds);
  return { told: told.size, mailIds };
}

/**
 * A KPI alert that opened or became critical: the head of the KPI's department and the managers,
 * as each chose (kind `kpi_alert`). The crisis alert: the managers, the head of communications and
 * the executives, always at once by e-mail (kind `crisis_alert`). A resolved alert tells nobody.
 */
export async function notifyAlertEvent(db: Database, event: AlertEvent, opts: AfterQueue = {}): Promise<NotifyResult> {
  if (event.type === "alert.resolved") return { told: 0, mailIds: [] };
  return db.transaction(async (tx) => {
    const escalated = event.type === "alert.escalated";
    const at = new Date(event.occurredAt);
    if (event.kind === "crisis") {
      const [alert] = await tx.select({ value: alerts.value }).from(alerts).where(eq(alerts.id, event.alertId));
      if (!alert) return { told: 0, mailIds: [] };
      const current = alert.value == null ? null : Math.round(alert.value);
      // The draft crisis room the alert opened is where to act; the alert list otherwise.
      const [room] = await tx.select({ id: crises.id }).from(crises).where(eq(crises.alertId, event.alertId));
      const crisisId = room?.id ?? null;
      const recipients = await peopleFor(tx, { roles: ["manager", "executive"], headsOf: { kind: "communications" } });
      return tell(
        tx,
        {
          kind: "crisis_alert",
          eventId: event.id,
          at,
          recipients,
          data: { severity: event.severity, escalated: escalated ? 1 : 0, excerpt: current == null ? null : String(current), href: crisisId ? `/crisis/${crisisId}` : "/alerts?kind=crisis" },
          mail: (t, r, base) =>
            queueMail(t, { ...base, kind: "crisis_alert", data: { severity: event.severity, escalated, current, windowHours: DEFAULT_CRISIS_POLICY.windowHours, crisisId, recipientName: r.name } }),
        },
        opts,
      );
    }
    const [alert] = await tx
      .select({ kpiId: kpis.id, kpiName: kpis.name, unit: kpis.unit, value: alerts.value, departmentId: departments.id, department: departments.name })
      .from(alerts)
      .innerJoin(kpis, eq(kpis.id, alerts.kpiId))
      .innerJoin(businessProcesses, eq(businessProcesses.id, kpis.businessProcessId))
      .innerJoin(departments, eq(departments.id, businessProcesses.departmentId))
      .where(eq(alerts.id, event.alertId));
    // Deleted meanwhile (with its KPI): nothing left to point at.
    if (!alert) return { told: 0, mailIds: [] };
    const recipients = await peopleFor(tx, { roles: ["manager"], headsOf: { departmentIds: [alert.departmentId] } });
    return tell(
      tx,
      {
        kind: "kpi_alert",
        eventId: event.id,
        at,
        recipients,
        data: { subject: alert.kpiName, department: alert.department, severity: event.severity, escalated: escalated ? 1 : 0, href: `/kpis/${alert.kpiId}` },
        mail: (t, r, base) =>
          queueMail(t, {
            ...base,
            kind: "kpi_alert",
            data: {
              kpiId: alert.kpiId,
              kpiName: alert.kpiName,
              departmentName: alert.department,
              severity: event.severity,
              escalated,
              value: alert.value,
              unit: alert.unit,
              recipientName: r.name,
            },
          }),
      },
      opts,
    );
  });
}

async function recipientsByIds(db: Executor, ids: number[]): Promise<Recipient[]> {
  if (!ids.length) return [];
  return db
    .select(RECIPIENT)
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)))
    .orderBy(users.id);
}

/** A published guideline version: everyone it applies to (its scope at publication), as each chose. */
export async function notifyGuidelinePublished(db: Database, event: GuidelinePublishedEvent, opts: AfterQueue = {}): Promise<NotifyResult> {
  return db.transaction(async (tx) => {
    const [v] = await tx
      .select({ id: guidelineVersions.id, guidelineId: guidelineVersions.guidelineId, title: guidelineVersions.title, version: guidelineVersions.version, changeNote: guidelineVersions.changeNote, status: guidelineVersions.status })
      .from(guidelineVersions)
      .where(eq(guidelineVersions.id, event.versionId));
    // Superseded before the job ran: people hear of the newer version instead.
    if (!v || v.status !== "published") return { told: 0, mailIds: [] };
    const affected = (await usersAffectedByVersions(tx, [v.id])).get(v.id) ?? [];
    const recipients = await recipientsByIds(tx, affected);
    return tell(
      tx,
      {
        kind: "guideline_published",
        eventId: event.id,
        at: new Date(event.occurredAt),
        recipients,
        data: { subject: v.title, version: v.version, versionId: v.id, excerpt: v.changeNote?.slice(0, 140) ?? null, href: `/guidelines/${v.guidelineId}` },
        mail: (t, r, base) =>
          queueMail(t, { ...base, kind: "guideline_published", data: { guidelineId: v.guidelineId, title: v.title, version: v.version, changeNote: v.changeNote, recipientName: r.name } }),
      },
      opts,
    );
  });
}

/** A connector paused after failing again and again: the managers, as each chose (kind `connector_paused`). */
export async function notifyConnectorPaused(db: Database, event: ConnectorPausedEvent, opts: AfterQueue = {}): Promise<NotifyResult> {
  return db.transaction(async (tx) => {
    const [c] = await tx
      .select({ id: connectors.id, name: connectors.name, channelId: connectors.channelId, channelName: channels.name, status: connectors.status, lastError: connectors.lastError, lastErrorCode: connectors.lastErrorCode })
      .from(connectors)
      .innerJoin(channels, eq(channels.id, connectors.channelId))
      .where(eq(connectors.id, event.connectorId));
    // Deleted, or resumed before the job ran: nothing to tell.
    if (!c || c.status !== "paused") return { told: 0, mailIds: [] };
    const recipients = await peopleFor(tx, { roles: ["manager"], headsOf: {} });
    return tell(
      tx,
      {
        kind: "connector_paused",
        eventId: event.id,
        at: new Date(event.occurredAt),
        recipients,
        data: { subject: c.name, department: c.channelName, excerpt: c.lastError?.slice(0, 140) ?? null, href: `/channels/${c.channelId}` },
        mail: (t, r, base) =>
          queueMail(t, { ...base, kind: "connector_paused", data: { channelId: c.channelId, channelName: c.channelName, connectorName: c.name, errorCode: c.lastErrorCode, recipientName: r.name } }),
      },
      opts,
    );
  });
}

/**
 * Steps of active crises past their due time and not done: each tells, once per due time, the
 * person it is assigned to — or, unassigned, the head of its department or the people of its role
 * — and the crisis's lead (kind `crisis_step_overdue`). Claims the steps it tells about in the
 * same transaction (overdue_notified_at), so two workers never tell twice.
 */
export async function notifyOverdueCrisisSteps(db: Database, now: Date, opts: AfterQueue = {}): Promise<NotifyResult> {
  return db.transaction(async (tx) => {
    const res = await tx.execute(sql`
      update crisis_steps s set overdue_notified_at = ${now.toISOString()}::timestamptz
      from crises c
      where s.id in (
        select s2.id from crisis_steps s2 join crises c2 on c2.id = s2.crisis_id
        where c2.status = 'active' and s2.done_at is null and s2.overdue_notified_at is null and s2.due_at < ${now.toISOString()}::timestamptz
        order by s2.due_at, s2.id limit 200 for update of s2 skip locked)
        and c.id = s.crisis_id
      returning s.id, s.title, s.due_at, s.assignee_id, s.department_id, s.responsible_role, c.id as crisis_id, c.title as crisis_title, c.lead_id`);
    const steps = res.rows as { id: number; title: string; due_at: string | Date; assignee_id: number | null; department_id: number | null; responsible_role: string | null; crisis_id: number; crisis_title: string; lead_id: number | null }[];
    let told = 0;
    const mailIds: number[] = [];
    for (const s of steps) {
      const ids = new Set<number>();
      if (s.assignee_id != null) ids.add(Number(s.assignee_id));
      if (s.lead_id != null) ids.add(Number(s.lead_id));
      let recipients = ids.size ? await tx.select(RECIPIENT).from(users).where(and(inArray(users.id, [...ids]), eq(users.active, true))) : [];
      if (s.assignee_id == null) {
        const more =
          s.department_id != null
            ? await peopleFor(tx, { roles: [], headsOf: { departmentIds: [Number(s.department_id)] } })
            : s.responsible_role === "manager" || s.responsible_role === "executive"
              ? await peopleFor(tx, { roles: [s.responsible_role], headsOf: {} })
              : [];
        recipients = [...recipients, ...more.filter((m) => !recipients.some((r) => r.id === m.id))];
      }
      const dueAt = new Date(s.due_at);
      const r = await tell(
        tx,
        {
          kind: "crisis_step_overdue",
          eventId: `crisis-step-overdue:${s.id}:${dueAt.getTime()}`,
          at: now,
          recipients,
          data: { subject: s.title, department: s.crisis_title, excerpt: null, href: `/crisis/${s.crisis_id}` },
          mail: (t, rc, base) =>
            queueMail(t, { ...base, kind: "crisis_step_overdue", data: { crisisId: Number(s.crisis_id), crisisTitle: s.crisis_title, stepTitle: s.title, dueAt, recipientName: rc.name } }),
        },
        {},
      );
      told += r.told;
      mailIds.push(...r.mailIds);
    }
    if (mailIds.length) await opts.afterQueue?.(tx, mailIds);
    return { told, mailIds };
  });
}

/** How long after publication a person who has not acknowledged a guideline is reminded, once. */
export const GUIDELINE_REMINDER_DAYS = 7;

/**
 * The one reminder: everyone who was told of a published version at least GUIDELINE_REMINDER_DAYS
 * ago and has not acknowledged it while it is still the published one (and still applies to them).
 * Keyed per version and person, so running it every hour reminds each person once. Looks back 60
 * days: an older notification means a reminder was due long ago or the person was away.
 */
export async function remindUnacknowledgedGuidelines(db: Database, now: Date, opts: AfterQueue = {}): Promise<NotifyResult> {
  const cutoff = new Date(now.getTime() - GUIDELINE_REMINDER_DAYS * 86_400_000);
  const since = new Date(cutoff.getTime() - 60 * 86_400_000);
  const versionId = sql<number>`(${notifications.data}->>'versionId')::int`;
  const due = await db
    .select({ userId: notifications.userId, versionId })
    .from(notifications)
    .innerJoin(guidelineVersions, and(eq(guidelineVersions.id, versionId), eq(guidelineVersions.status, "published")))
    .leftJoin(guidelineAcknowledgments, and(eq(guidelineAcknowledgments.versionId, guidelineVersions.id), eq(guidelineAcknowledgments.userId, notifications.userId)))
    .where(
      and(
        eq(notifications.kind, "guideline_published"),
        lte(notifications.createdAt, cutoff),
        gt(notifications.createdAt, since),
        isNull(guidelineAcknowledgments.userId),
        sql`not exists (select 1 from ${notifications} r where r.user_id = ${notifications.userId} and r.event_id = 'guideline-reminder:' || (${versionId})::text)`,
      ),
    );
  const byVersion = new Map<number, Set<number>>();
  for (const d of due) {
    if (!byVersion.has(d.versionId)) byVersion.set(d.versionId, new Set());
    byVersion.get(d.versionId)!.add(d.userId);
  }
  const result: NotifyResult = { told: 0, mailIds: [] };
  for (const [vid, userIds] of byVersion) {
    const r = await db.transaction(async (tx) => {
      const [v] = await tx
        .select({ guidelineId: guidelineVersions.guidelineId, title: guidelineVersions.title, version: guidelineVersions.version, status: guidelineVersions.status })
        .from(guidelineVersions)
        .where(eq(guidelineVersions.id, vid));
      if (!v || v.status !== "published") return { told: 0, mailIds: [] };
      const stillApplies = new Set((await usersAffectedByVersions(tx, [vid])).get(vid) ?? []);
      const recipients = await recipientsByIds(
        tx,
        [...userIds].filter((id) => stillApplies.has(id)),
      );
      return tell(
        tx,
        {
          kind: "guideline_reminder",
          eventId: `guideline-reminder:${vid}`,
          at: now,
          recipients,
          data: { subject: v.title, version: v.version, versionId: vid, href: `/guidelines/${v.guidelineId}` },
          mail: (t, rec, base) =>
            queueMail(t, { ...base, kind: "guideline_reminder", data: { guidelineId: v.guidelineId, title: v.title, version: v.version, changeNote: null, recipientName: rec.name } }),
        },
        opts,
      );
    });
    result.told += r.told;
    result.mailIds.push(...r.mailIds);
  }
  return result;
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
          departmentName: typeof p.data.subject === "string" ? p.data.subject : typeof p.data.department === "string" ? p.data.department : "–",
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
export async function notificationPreferencesOf(db: Executor, userId: number): Promise<Record<SwitchableNotificationKind, NotificationDelivery>> {
  const map = await db
    .select({ kind: notificationPreferences.kind, delivery: notificationPreferences.delivery })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const out = Object.fromEntries(SWITCHABLE_NOTIFICATION_KINDS.map((k) => [k, "immediately"])) as Record<SwitchableNotificationKind, NotificationDelivery>;
  for (const r of map) if ((SWITCHABLE_NOTIFICATION_KINDS as readonly string[]).includes(r.kind)) out[r.kind as SwitchableNotificationKind] = r.delivery;
  return out;
}

/** Saves a person's choices (all kinds at once); answers the kinds whose choice changed. */
export async function saveNotificationPreferences(
  db: Database,
  userId: number,
  prefs: Partial<Record<SwitchableNotificationKind, NotificationDelivery>>,
  now = new Date(),
): Promise<SwitchableNotificationKind[]> {
  return db.transaction(async (tx) => {
    const before = await notificationPreferencesOf(tx, userId);
    // A crisis alert is not the person's to switch off, whatever a crafted request says.
    const changed = (Object.entries(prefs) as [SwitchableNotificationKind, NotificationDelivery][]).filter(
      ([k, v]) => (SWITCHABLE_NOTIFICATION_KINDS as readonly string[]).includes(k) && before[k] !== v,
    );
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

export function unreadNotificationsQuery(db: Executor, userId: number) {
  return db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}

export async function unreadNotificationCount(db: Executor, userId: number): Promise<number> {
  return (await unreadNotificationsQuery(db, userId))[0].n;
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

/** Where a notification leads: its insight, or the in-app path it recorded (never elsewhere). */
export function notificationHref(n: { insightId: number | null; data: Record<string, unknown> }): string | null {
  if (n.insightId) return `/insights/${n.insightId}`;
  const href = n.data.href;
  return typeof href === "string" && /^\/[a-z][a-z0-9/_-]*(?:\?[a-z0-9=&_-]*)?$/.test(href) ? href : null;
}

/** Where a notification leads, once marked read; null when it is not the person's. */
export async function openNotification(db: Executor, userId: number, id: number, now = new Date()): Promise<{ insightId: number | null; href: string | null } | null> {
  const [row] = await db
    .select({ insightId: notifications.insightId, data: notifications.data, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  if (!row) return null;
  if (!row.readAt) await markNotificationsRead(db, userId, [id], now);
  return { insightId: row.insightId, href: notificationHref(row) };
}
