import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { advocates, departments, insightEvents, insights, type Platform, subjectRequests, users } from "../schema";
import { recordAudit } from "./audit";
import { anonymizeInsightBatch } from "./retention";
import { openSecret, sealSecret } from "@/lib/crypto/secrets";
import type { SubjectRequestKind } from "@/lib/enums";
import { encryptionKeys, pseudonymSecret } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { ERASED, handlePattern, handleVariants, hashHandle, maskHandle, normalizeHandle, pgHandleRegex, scrubJson } from "@/lib/privacy/subject";

const context = (id: number) => `subject-request:${id}:handle`;

/**
 * The places besides an author's own insights where a handle can stand in free text or in JSON:
 * other people's posts that mention it, notes, notifications, the audit log, answers kept for
 * idempotent API calls, the crisis room. The search lists them and the erasure replaces the
 * handle there by "[gelöscht]". Sent mails, webhook deliveries and advocate records that carry it
 * are deleted instead.
 */
const CONTENT_COLUMNS: { table: string; column: string; json: boolean; key: string }[] = [
  { table: "insights", column: "text", json: false, key: "id" },
  { table: "insights", column: "url", json: false, key: "id" },
  { table: "insights", column: "resolution_note", json: false, key: "id" },
  { table: "insights", column: "decline_reason", json: false, key: "id" },
  { table: "insight_events", column: "note", json: false, key: "id" },
  { table: "notifications", column: "data", json: true, key: "id" },
  { table: "audit_log", column: "before", json: true, key: "id" },
  { table: "audit_log", column: "after", json: true, key: "id" },
  { table: "idempotency_keys", column: "response_body", json: true, key: "ctid" },
  { table: "crisis_events", column: "payload", json: true, key: "id" },
  { table: "crises", column: "summary", json: false, key: "id" },
  { table: "crises", column: "lessons_learned", json: false, key: "id" },
  { table: "crisis_statements", column: "text", json: false, key: "id" },
  { table: "crisis_statements", column: "posted_note", json: false, key: "id" },
  { table: "crisis_briefing_recipients", column: "action_url", json: false, key: "id" },
  { table: "crisis_briefing_recipients", column: "action_note", json: false, key: "id" },
  { table: "alerts", column: "message", json: false, key: "id" },
  { table: "alerts", column: "acknowledge_comment", json: false, key: "id" },
];

export interface SubjectInput {
  kind: SubjectRequestKind;
  platform: Platform;
  handle: string;
  note: string | null;
}

const invalidHandle = () => new AppError("validation_failed", "not a handle", { handle: ["insights.subjects.invalidHandle"] });

/** Records a request; the handle stays sealed on it until the request is completed. */
export async function createSubjectRequest(db: Executor, actorId: number, input: SubjectInput, now: Date = new Date()) {
  const handle = normalizeHandle(input.handle);
  if (!handle) throw invalidHandle();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(subjectRequests)
      .values({
        kind: input.kind,
        platform: input.platform,
        handleHash: hashHandle(input.platform, handle, pseudonymSecret()),
        handleMasked: maskHandle(handle),
        note: input.note,
        requestedAt: now,
        requestedBy: actorId,
      })
      .returning({ id: subjectRequests.id });
    await tx
      .update(subjectRequests)
      .set({ handleSealed: sealSecret(handle, context(row.id), encryptionKeys()[0]) })
      .where(eq(subjectRequests.id, row.id));
    // The audit log names the request, never the handle.
    await recordAudit(tx, { actorId, action: "subject_request.create", entityType: "subject_request", entityId: row.id, after: { kind: input.kind, platform: input.platform } });
    return row;
  });
}

export interface SubjectRequestRow {
  id: number;
  kind: SubjectRequestKind;
  platform: Platform;
  handleMasked: string;
  note: string | null;
  status: "open" | "completed";
  requestedAt: Date;
  requestedByName: string | null;
  completedAt: Date | null;
  outcome: Record<string, number> | null;
}

const rowColumns = {
  id: subjectRequests.id,
  kind: subjectRequests.kind,
  platform: subjectRequests.platform,
  handleMasked: subjectRequests.handleMasked,
  note: subjectRequests.note,
  status: subjectRequests.status,
  requestedAt: subjectRequests.requestedAt,
  requestedByName: users.name,
  completedAt: subjectRequests.completedAt,
  outcome: subjectRequests.outcome,
};

export async function listSubjectRequests(db: Executor, limit = 50): Promise<SubjectRequestRow[]> {
  return db
    .select(rowColumns)
    .from(subjectRequests)
    .leftJoin(users, eq(users.id, subjectRequests.requestedBy))
    .orderBy(desc(subjectRequests.requestedAt), desc(subjectRequests.id))
    .limit(limit);
}

/** The request and, while it is open, its handle. */
export async function getSubjectRequest(db: Executor, id: number): Promise<(SubjectRequestRow & { handle: string | null }) | null> {
  const [row] = await db
    .select({ ...rowColumns, handleSealed: subjectRequests.handleSealed })
    .from(subjectRequests)
    .leftJoin(users, eq(users.id, subjectRequests.requestedBy))
    .where(eq(subjectRequests.id, id));
  if (!row) return null;
  const { handleSealed, ...rest } = row;
  return { ...rest, handle: handleSealed ? openSecret(handleSealed, context(id), encryptionKeys()) : null };
}

export interface SubjectTraces {
  /** The author's own insights on this platform, with their history. */
  insights: {
    id: number;
    occurredAt: Date;
    category: string;
    status: string;
    department: string | null;
    text: string;
    url: string | null;
    authorHandle: string | null;
    history: { type: string; note: string | null; at: Date }[];
  }[];
  /** Other places the handle stands in: "table.column" → the rows' keys and the text or JSON. */
  mentions: { place: string; key: string; value: string }[];
  advocates: { id: number; name: string; email: string; platforms: { platform: string; handle: string }[] }[];
  webhookDeliveries: { id: number; eventType: string; createdAt: Date }[];
  mails: { id: number; subject: string; createdAt: Date }[];
}

const authoredBy = (platform: Platform, handle: string): SQL =>
  and(eq(insights.platform, platform), inArray(insights.authorHandle, handleVariants(handle)))!;

const advocateWith = (platform: Platform, handle: string): SQL =>
  sql`exists (select 1 from jsonb_array_elements(${advocates.platforms}) p where p->>'platform' = ${platform} and lower(ltrim(p->>'handle', '@')) = lower(${handle}))`;

/** Everything stored about one author (Art. 15): their insights and every other trace of the handle. */
export async function findSubjectTraces(db: Executor, platform: Platform, handle: string): Promise<SubjectTraces> {
  const own = await db
    .select({
      id: insights.id,
      occurredAt: insights.occurredAt,
      category: insights.category,
      status: insights.status,
      department: departments.name,
      text: insights.text,
      url: insights.url,
      authorHandle: insights.authorHandle,
    })
    .from(insights)
    .leftJoin(departments, eq(departments.id, insights.departmentId))
    .where(authoredBy(platform, handle))
    .orderBy(insights.occurredAt, insights.id);
  const history = own.length
    ? await db
        .select({ id: insightEvents.id, insightId: insightEvents.insightId, type: insightEvents.type, note: insightEvents.note, at: insightEvents.createdAt })
        .from(insightEvents)
        .where(inArray(insightEvents.insightId, own.map((i) => i.id)))
        .orderBy(insightEvents.createdAt, insightEvents.id)
    : [];
  const pattern = pgHandleRegex(handle);
  const ownIds = new Set(own.map((i) => String(i.id)));
  const ownEventIds = new Set(history.map((h) => String(h.id)));
  const mentions: SubjectTraces["mentions"] = [];
  for (const c of CONTENT_COLUMNS) {
    const res = await db.execute(
      sql`select ${sql.raw(c.key)}::text as key, ${sql.raw(`"${c.column}"`)}::text as value from ${sql.raw(`"${c.table}"`)} where ${sql.raw(`"${c.column}"`)}::text ~* ${pattern} limit 1000`,
    );
    for (const r of res.rows as { key: string; value: string }[]) {
      // The author's own insights are listed above with everything they hold.
      if ((c.table === "insights" && ownIds.has(r.key)) || (c.table === "insight_events" && ownEventIds.has(r.key))) continue;
      mentions.push({ place: `${c.table}.${c.column}`, key: r.key, value: r.value });
    }
  }
  const adv = await db
    .select({ id: advocates.id, name: advocates.name, email: advocates.email, platforms: advocates.platforms })
    .from(advocates)
    .where(advocateWith(platform, handle));
  const deliveries = await db.execute(
    sql`select id, event_type, created_at from webhook_deliveries where payload::text ~* ${pattern} order by created_at, id limit 1000`,
  );
  const mails = await db.execute(
    sql`select id, subject, created_at from outbox_mails where subject ~* ${pattern} or text_body ~* ${pattern} or html_body ~* ${pattern} order by created_at, id limit 1000`,
  );
  return {
    insights: own.map((i) => ({ ...i, history: history.filter((h) => h.insightId === i.id).map(({ id: _e, insightId: _i, ...h }) => h) })),
    mentions,
    advocates: adv,
    webhookDeliveries: (deliveries.rows as { id: number; event_type: string; created_at: string | Date }[]).map((r) => ({
      id: Number(r.id),
      eventType: r.event_type,
      createdAt: new Date(r.created_at),
    })),
    mails: (mails.rows as { id: number; subject: string; created_at: string | Date }[]).map((r) => ({
      id: Number(r.id),
      subject: r.subject,
      createdAt: new Date(r.created_at),
    })),
  };
}

/** Counts per kind of trace, as kept on the request. */
export function traceCounts(t: SubjectTraces): Record<string, number> {
  return {
    insights: t.insights.length,
    history: t.insights.reduce((n, i) => n + i.history.length, 0),
    mentions: t.mentions.length,
    advocates: t.advocates.length,
    webhookDeliveries: t.webhookDeliveries.length,
    mails: t.mails.length,
  };
}

async function openRequest(tx: Executor, id: number) {
  const [r] = await tx.select().from(subjectRequests).where(eq(subjectRequests.id, id)).for("update");
  if (!r) throw new AppError("not_found", "request not found");
  if (r.status !== "open" || !r.handleSealed) throw new AppError("conflict", "request completed", { _form: ["insights.subjects.completedAlready"] });
  return { ...r, handle: openSecret(r.handleSealed, context(id), encryptionKeys()) };
}

/**
 * Closes an access request once its export has been handed over: the counts stay, the handle
 * is dropped.
 */
export async function completeAccessRequest(db: Executor, actorId: number, id: number, now: Date = new Date()) {
  await db.transaction(async (tx) => {
    const r = await openRequest(tx, id);
    if (r.kind !== "access") throw new AppError("conflict", "not an access request");
    const outcome = traceCounts(await findSubjectTraces(tx, r.platform, r.handle));
    await tx
      .update(subjectRequests)
      .set({ status: "completed", completedAt: now, completedBy: actorId, outcome, handleSealed: null })
      .where(eq(subjectRequests.id, id));
    await recordAudit(tx, { actorId, action: "subject_request.access", entityType: "subject_request", entityId: id, after: outcome });
  });
}

/**
 * Erases every trace of the handle (Art. 17) in one transaction: the author's insights are
 * anonymised like by retention (figures stay), the handle is replaced by "[gelöscht]" wherever
 * else it stands, advocate records, sent mails and webhook deliveries that carry it are deleted,
 * and the request is completed with what was done — without the handle.
 */
export async function eraseSubject(db: Executor, actorId: number, id: number, now: Date = new Date()) {
  return db.transaction(async (tx) => {
    const r = await openRequest(tx, id);
    if (r.kind !== "erasure") throw new AppError("conflict", "not an erasure request");
    const outcome: Record<string, number> = { insights: 0, mentions: 0, advocates: 0, webhookDeliveries: 0, mails: 0 };
    for (;;) {
      const n = await anonymizeInsightBatch(tx, sql`platform = ${r.platform} and author_handle in (${sql.join(handleVariants(r.handle).map((v) => sql`${v}`), sql`, `)})`, now);
      outcome.insights += n;
      if (n === 0) break;
    }
    const removed = await tx.delete(advocates).where(advocateWith(r.platform, r.handle)).returning({ id: advocates.id });
    outcome.advocates = removed.length;
    const pattern = pgHandleRegex(r.handle);
    const count = async (statement: SQL) => Number(((await tx.execute(statement)).rows[0] as { n: number }).n);
    outcome.webhookDeliveries = await count(sql`with d as (delete from webhook_deliveries where payload::text ~* ${pattern} returning 1) select count(*)::int as n from d`);
    outcome.mails = await count(
      sql`with d as (delete from outbox_mails where subject ~* ${pattern} or text_body ~* ${pattern} or html_body ~* ${pattern} returning 1) select count(*)::int as n from d`,
    );
    const replace = handlePattern(r.handle);
    for (const c of CONTENT_COLUMNS) {
      const col = sql.raw(`"${c.column}"`);
      const table = sql.raw(`"${c.table}"`);
      const key = sql.raw(c.key);
      const rows = (await tx.execute(sql`select ${key}::text as key, ${col} as value from ${table} where ${col}::text ~* ${pattern}`)).rows as {
        key: string;
        value: unknown;
      }[];
      for (const row of rows) {
        const value = c.json ? JSON.stringify(scrubJson(typeof row.value === "string" ? JSON.parse(row.value) : row.value, replace)) : String(row.value).replace(replace, ERASED);
        const cast = c.json ? sql`${value}::jsonb` : sql`${value}`;
        const where = c.key === "ctid" ? sql`ctid = ${row.key}::tid` : sql`${key} = ${row.key}::bigint`;
        await tx.execute(sql`update ${table} set ${col} = ${cast} where ${where}`);
      }
      outcome.mentions += rows.length;
    }
    await tx
      .update(subjectRequests)
      .set({ status: "completed", completedAt: now, completedBy: actorId, outcome, handleSealed: null })
      .where(eq(subjectRequests.id, id));
    await recordAudit(tx, { actorId, action: "subject_request.erasure", entityType: "subject_request", entityId: id, after: outcome });
    return outcome;
  });
}

