import { and, eq, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { outboxMails } from "../schema";
import { keysetCondition, keysetOrder, keysetPage, sortKeyText } from "./keyset";
import { AppError } from "@/lib/errors";
import type { Locale, OutboxStatus } from "@/lib/enums";
import { COUNT_CAP, type KeysetPage, pageRequest } from "@/lib/pagination/cursor";

export interface NewOutboxMail {
  to: string;
  /** The user it is for, when it is for one; the mail stays even if the user is deleted. */
  recipientId?: number | null;
  locale: Locale;
  /** The template's kind (e.g. "insight_routed"), for filtering and reading. */
  kind: string;
  /**
   * Names the event and the recipient (e.g. `insight_routed:123:routed-4711:user-7`): a second
   * enqueue with the same key is ignored, so a retried job never mails anyone twice.
   */
  dedupeKey: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Writes a mail to the outbox unless one with the same dedupe key is there already; answers the
 * row's id either way and whether this call created it. Safe under concurrent calls: the unique
 * index decides (insert … on conflict do nothing).
 */
export async function enqueueMail(db: Executor, m: NewOutboxMail): Promise<{ id: number; created: boolean }> {
  if (!m.dedupeKey.trim() || m.dedupeKey.length > 500) throw new AppError("validation_failed", "dedupeKey must be 1–500 characters", { dedupeKey: ["invalid"] });
  if (!m.to.trim()) throw new AppError("validation_failed", "a mail needs a recipient", { to: ["required"] });
  const inserted = await db
    .insert(outboxMails)
    .values({
      toAddress: m.to.trim(),
      recipientId: m.recipientId ?? null,
      locale: m.locale,
      kind: m.kind,
      dedupeKey: m.dedupeKey,
      subject: m.subject,
      textBody: m.text,
      htmlBody: m.html,
    })
    .onConflictDoNothing({ target: outboxMails.dedupeKey })
    .returning({ id: outboxMails.id });
  if (inserted.length) return { id: inserted[0].id, created: true };
  const [existing] = await db.select({ id: outboxMails.id }).from(outboxMails).where(eq(outboxMails.dedupeKey, m.dedupeKey));
  return { id: existing.id, created: false };
}

/** A sender that has held a mail longer than this is taken to have died; another may take it over. */
export const CLAIM_LEASE_SECONDS = 5 * 60;

const CLAIMABLE: OutboxStatus[] = ["queued", "failed"];

/**
 * Claims a mail for sending: one attempt more, status `sending`. Answers null when the mail is not
 * waiting (sent, kept, or being sent by someone else), so two workers never send it both.
 */
export async function claimMailForSending(db: Executor, id: number) {
  const [row] = await db
    .update(outboxMails)
    .set({ status: "sending", claimedAt: sql`now()`, attempts: sql`${outboxMails.attempts} + 1` })
    .where(
      and(
        eq(outboxMails.id, id),
        or(
          inArray(outboxMails.status, CLAIMABLE),
          and(eq(outboxMails.status, "sending"), lt(outboxMails.claimedAt, sql`now() - make_interval(secs => ${CLAIM_LEASE_SECONDS})`)),
        ),
      ),
    )
    .returning();
  return row ?? null;
}

export async function markMailSent(db: Executor, id: number): Promise<void> {
  await db
    .update(outboxMails)
    .set({ status: "sent", sentAt: sql`now()`, lastError: null, claimedAt: null })
    .where(and(eq(outboxMails.id, id), eq(outboxMails.status, "sending")));
}

/** No SMTP server: the mail stays in the outbox for admins to read. */
export async function markMailKept(db: Executor, id: number): Promise<OutboxStatus | null> {
  const [row] = await db
    .update(outboxMails)
    .set({ status: "kept", claimedAt: null })
    .where(and(eq(outboxMails.id, id), inArray(outboxMails.status, CLAIMABLE)))
    .returning({ status: outboxMails.status });
  return row?.status ?? null;
}

/** Records a failed attempt: back to `queued` for the next retry, or `failed` after the last one. */
export async function markMailAttemptFailed(db: Executor, id: number, error: string, final: boolean): Promise<OutboxStatus> {
  const status: OutboxStatus = final ? "failed" : "queued";
  await db
    .update(outboxMails)
    .set({ status, lastError: error.slice(0, 2000), claimedAt: null })
    .where(and(eq(outboxMails.id, id), eq(outboxMails.status, "sending")));
  return status;
}

export interface OutboxMailRow {
  id: number;
  toAddress: string;
  recipientId: number | null;
  locale: Locale;
  kind: string;
  subject: string;
  textBody: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

const rowColumns = {
  id: outboxMails.id,
  toAddress: outboxMails.toAddress,
  recipientId: outboxMails.recipientId,
  locale: outboxMails.locale,
  kind: outboxMails.kind,
  subject: outboxMails.subject,
  textBody: outboxMails.textBody,
  status: outboxMails.status,
  attempts: outboxMails.attempts,
  lastError: outboxMails.lastError,
  sentAt: outboxMails.sentAt,
  createdAt: outboxMails.createdAt,
};

export async function getOutboxMail(db: Executor, id: number): Promise<(OutboxMailRow & { htmlBody: string; dedupeKey: string }) | null> {
  const [row] = await db
    .select({ ...rowColumns, htmlBody: outboxMails.htmlBody, dedupeKey: outboxMails.dedupeKey })
    .from(outboxMails)
    .where(eq(outboxMails.id, id));
  return row ?? null;
}

export interface OutboxFilter {
  status?: OutboxStatus;
  /** Cursor of the row to continue below (older mails). */
  after?: string;
  /** Cursor of the row to continue above (newer mails). */
  before?: string;
  pageSize?: number;
}

/** The outbox, newest first, paged by cursor over (created_at, id); each status filter has its index. */
export async function listOutbox(db: Executor, f: OutboxFilter = {}): Promise<KeysetPage<OutboxMailRow>> {
  const pageSize = Math.min(Math.max(f.pageSize ?? 25, 1), 200);
  const req = pageRequest(f);
  const where: SQL | undefined = f.status ? eq(outboxMails.status, f.status) : undefined;
  const page = await keysetPage(db, {
    req,
    pageSize,
    fetch: (r) =>
      db
        .select({ ...rowColumns, sortKey: sortKeyText(outboxMails.createdAt) })
        .from(outboxMails)
        .where(and(where, keysetCondition(outboxMails.createdAt, outboxMails.id, r, "timestamptz")))
        .orderBy(...keysetOrder(outboxMails.createdAt, outboxMails.id, r))
        .limit(pageSize + 1),
    keyOf: (r) => [r.sortKey, r.id],
    count: { table: outboxMails, where, cap: COUNT_CAP },
  });
  return { ...page, rows: page.rows.map(({ sortKey: _key, ...r }) => r) };
}
