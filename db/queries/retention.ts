import { desc, eq, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { appSettings, auditLog } from "../schema";
import { recordAudit } from "./audit";
import { INSIGHT_CATEGORIES, type InsightCategory } from "@/lib/enums";
import { cutoff, readRetention, type RetentionSettings } from "@/lib/privacy/retention";

const KEY = "privacy.retention";

export async function getRetention(db: Executor): Promise<RetentionSettings> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, KEY));
  return readRetention(row?.value);
}

export async function setRetention(db: Executor, actorId: number, settings: RetentionSettings) {
  await db.transaction(async (tx) => {
    const before = await getRetention(tx);
    const value = readRetention(settings);
    await tx
      .insert(appSettings)
      .values({ key: KEY, value, updatedAt: new Date() })
      .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: new Date() } });
    await recordAudit(tx, { actorId, action: "privacy.retention", entityType: "privacy", before, after: value });
  });
}

const iso = (d: Date) => d.toISOString();

/** Rows per statement: a night's first run on an old installation must not hold one huge transaction. */
const BATCH = 5_000;

/**
 * Erases what insights matching `where` say about a person — text, author handle (and with it the
 * alias derived from it), link, resolution and decline notes, the notes of their history — and
 * marks them anonymised. Category, times, department, status and every figure built from them
 * stay. Returns how many insights were anonymised (one batch; call again until 0).
 */
export async function anonymizeInsightBatch(tx: Executor, where: SQL, now: Date, limit = BATCH): Promise<number> {
  const res = await tx.execute(sql`
    with picked as (
      select id from insights where ${where} and anonymized_at is null order by id limit ${limit} for update
    ), done as (
      update insights i
      set text = '', author_handle = null, url = null, resolution_note = null, decline_reason = null,
        anonymized_at = ${iso(now)}::timestamptz, updated_at = ${iso(now)}::timestamptz
      from picked where i.id = picked.id
      returning i.id
    ), notes as (
      update insight_events e set note = null from done where e.insight_id = done.id and e.note is not null returning e.id
    ), excerpts as (
      update notifications n set data = n.data - 'excerpt' from done where n.insight_id = done.id and n.data->>'excerpt' is not null returning n.id
    )
    select (select count(*) from done)::int as n, (select count(*) from notes)::int as notes, (select count(*) from excerpts)::int as excerpts`);
  return Number((res.rows[0] as { n: number }).n);
}

export interface RetentionRun {
  insights: Partial<Record<InsightCategory, number>>;
  auditDeleted: number;
  /** Notifications, and with the same period sent mails and finished webhook deliveries (both carry excerpts). */
  notificationsDeleted: number;
  mailsDeleted: number;
  deliveriesDeleted: number;
  /** Sign-in attempts older than LOGIN_ATTEMPT_DAYS (they only serve the throttle). */
  loginAttemptsDeleted?: number;
}

/** Sign-in attempts serve the lock-out after failed attempts (minutes); a month covers any investigation. */
export const LOGIN_ATTEMPT_DAYS = 30;

/**
 * The nightly retention run: anonymises the insights of each category past its period (measured
 * from when they were written), deletes audit entries and notifications past theirs, and records
 * what it did in the audit log — also when it did nothing, so the log shows it ran.
 */
export async function runRetention(db: Executor, now: Date = new Date()): Promise<RetentionRun> {
  const settings = await getRetention(db);
  const run: RetentionRun = { insights: {}, auditDeleted: 0, notificationsDeleted: 0, mailsDeleted: 0, deliveriesDeleted: 0, loginAttemptsDeleted: 0 };
  for (const category of INSIGHT_CATEGORIES) {
    const months = settings.insights[category];
    if (months === null) continue;
    const before = cutoff(now, months);
    let total = 0;
    for (;;) {
      const n = await db.transaction((tx) =>
        anonymizeInsightBatch(tx, sql`category = ${category} and occurred_at < ${iso(before)}::timestamptz`, now),
      );
      total += n;
      if (n < BATCH) break;
    }
    if (total > 0) run.insights[category] = total;
  }
  if (settings.notificationMonths !== null) {
    const before = iso(cutoff(now, settings.notificationMonths));
    run.notificationsDeleted = await countOf(
      db,
      sql`with d as (delete from notifications where created_at < ${before}::timestamptz returning 1) select count(*)::int as n from d`,
    );
    run.mailsDeleted = await countOf(
      db,
      sql`with d as (delete from outbox_mails where created_at < ${before}::timestamptz and status not in ('queued', 'sending') returning 1) select count(*)::int as n from d`,
    );
    run.deliveriesDeleted = await countOf(
      db,
      sql`with d as (delete from webhook_deliveries where created_at < ${before}::timestamptz and status <> 'pending' returning 1) select count(*)::int as n from d`,
    );
  }
  run.loginAttemptsDeleted = await countOf(
    db,
    sql`with d as (delete from login_attempts where created_at < ${iso(new Date(now.getTime() - LOGIN_ATTEMPT_DAYS * 86_400_000))}::timestamptz returning 1) select count(*)::int as n from d`,
  );
  await db.transaction(async (tx) => {
    if (settings.auditMonths !== null) {
      run.auditDeleted = await countOf(
        tx,
        sql`with d as (delete from audit_log where created_at < ${iso(cutoff(now, settings.auditMonths))}::timestamptz returning 1) select count(*)::int as n from d`,
      );
    }
    await recordAudit(tx, { actorId: null, action: "retention.run", entityType: "privacy", after: { ...run, settings } });
  });
  return run;
}

/** A statement's single count `n` (the drivers report affected rows differently, a count they agree on). */
async function countOf(db: Executor, statement: SQL): Promise<number> {
  const res = await db.execute(statement);
  return Number((res.rows[0] as { n: number }).n);
}

/** The last runs as the audit log recorded them, newest first. */
export async function recentRetentionRuns(db: Executor, limit = 10): Promise<{ at: Date; run: RetentionRun }[]> {
  const rows = await db
    .select({ at: auditLog.createdAt, after: auditLog.after })
    .from(auditLog)
    .where(eq(auditLog.action, "retention.run"))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({ at: r.at, run: r.after as RetentionRun }));
}
