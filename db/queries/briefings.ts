import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { advocates, crises, crisisBriefingRecipients, crisisBriefings, crisisEvents, notifications, users } from "../schema";
import { briefableAdvocates } from "./advocates";
import { recordAudit } from "./audit";
import { BRIEFING_LINK_DAYS, signBriefingToken } from "@/lib/crisis/briefing-link";
import { authSecret } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { queueMail } from "@/lib/mail/queue";

export interface BriefingInput {
  message: string;
  statement: string | null;
  dos: string | null;
  donts: string | null;
  links: string[];
  advocateIds: number[];
}

/** The personal path of one recipient's briefing (what the mail and the in-app notification link to). */
export function briefingPath(recipientId: number, expiresAt: Date, secret = authSecret()): string {
  return `/brief/${signBriefingToken(secret, recipientId, expiresAt)}`;
}

/**
 * Briefs the chosen advocates in an active crisis. Every one of them must have a valid consent at
 * this moment (read under lock; one without is refused with the whole briefing, nothing sent).
 * In one transaction: the briefing, one copy per advocate, the mails in the outbox (in the
 * advocate's language; employees also get an in-app notification), the timeline entry and the
 * audit. `afterQueue` enqueues the sending, so a failing mail server delays but never loses them.
 */
export async function sendBriefing(
  db: Executor,
  actorId: number,
  crisisId: number,
  input: BriefingInput,
  now: Date,
  opts: { afterQueue?: (tx: Executor, mailIds: number[]) => Promise<void> } = {},
): Promise<{ briefingId: number; recipients: number }> {
  const ids = [...new Set(input.advocateIds)];
  if (!ids.length) throw new AppError("validation_failed", "choose at least one advocate", { advocateIds: ["crisis.briefing.errors.none"] });
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(crises).where(eq(crises.id, crisisId)).for("update");
    if (!c) throw new AppError("not_found", "crisis not found");
    if (c.status !== "active") throw new AppError("conflict", "advocates are briefed in an active crisis");
    const ok = await briefableAdvocates(tx, ids, now);
    if (ok.length !== ids.length) {
      throw new AppError("validation_failed", "an advocate without a valid consent cannot be briefed", { advocateIds: ["crisis.briefing.errors.consent"] });
    }
    const [b] = await tx
      .insert(crisisBriefings)
      .values({ crisisId, message: input.message, statement: input.statement, dos: input.dos, donts: input.donts, links: input.links, createdBy: actorId, createdAt: now })
      .returning({ id: crisisBriefings.id });
    const expiresAt = new Date(now.getTime() + BRIEFING_LINK_DAYS * 86_400_000);
    const rows = await tx
      .insert(crisisBriefingRecipients)
      .values(ok.map((a) => ({ briefingId: b.id, advocateId: a.id, platforms: [...new Set(a.platforms.map((p) => p.platform))], sentAt: now, expiresAt })))
      .returning({ id: crisisBriefingRecipients.id, advocateId: crisisBriefingRecipients.advocateId });
    const userLocales = await tx
      .select({ id: users.id, locale: users.locale })
      .from(users)
      .where(inArray(users.id, ok.map((a) => a.userId).filter((x): x is number => x != null).concat([-1])));
    const mailIds: number[] = [];
    for (const r of rows) {
      const a = ok.find((x) => x.id === r.advocateId)!;
      const path = briefingPath(r.id, expiresAt);
      const locale = a.userId != null ? (userLocales.find((u) => u.id === a.userId)?.locale ?? "de") : a.languages.includes("de") || !a.languages.length ? "de" : "en";
      if (a.userId != null) {
        await tx
          .insert(notifications)
          .values({ userId: a.userId, kind: "crisis_briefing", eventId: `briefing:${r.id}`, data: { subject: c.title, excerpt: input.message.slice(0, 140), href: path }, createdAt: now })
          .onConflictDoNothing();
      }
      const mail = await queueMail(tx, {
        kind: "crisis_briefing",
        to: a.email,
        recipientId: a.userId,
        locale,
        dedupeKey: `briefing:${r.id}`,
        data: { crisisTitle: c.title, message: input.message, statement: input.statement, dos: input.dos, donts: input.donts, links: input.links, path, expiresAt, recipientName: a.name },
      });
      if (mail.created) mailIds.push(mail.id);
    }
    await tx.insert(crisisEvents).values({ crisisId, at: now, actorId, kind: "briefed", payload: { briefingId: b.id, count: rows.length } });
    await recordAudit(tx, { actorId, action: "crisis.brief", entityType: "crisis", entityId: crisisId, after: { briefingId: b.id, advocateIds: ok.map((a) => a.id) } });
    if (mailIds.length) await opts.afterQueue?.(tx, mailIds);
    return { briefingId: b.id, recipients: rows.length };
  });
}

export interface BriefingView {
  recipientId: number;
  crisisTitle: string;
  crisisActive: boolean;
  advocateName: string | null;
  message: string;
  statement: string | null;
  dos: string | null;
  donts: string | null;
  links: string[];
  sentAt: Date;
  expiresAt: Date;
  readAt: Date | null;
  actedAt: Date | null;
  actionUrl: string | null;
  actionNote: string | null;
}

/** One recipient's briefing, as their personal link shows it: nothing about anyone else. */
export async function briefingForRecipient(db: Executor, recipientId: number): Promise<BriefingView | undefined> {
  const [r] = await db
    .select({
      recipientId: crisisBriefingRecipients.id,
      crisisTitle: crises.title,
      crisisStatus: crises.status,
      advocateName: advocates.name,
      message: crisisBriefings.message,
      statement: crisisBriefings.statement,
      dos: crisisBriefings.dos,
      donts: crisisBriefings.donts,
      links: crisisBriefings.links,
      sentAt: crisisBriefingRecipients.sentAt,
      expiresAt: crisisBriefingRecipients.expiresAt,
      readAt: crisisBriefingRecipients.readAt,
      actedAt: crisisBriefingRecipients.actedAt,
      actionUrl: crisisBriefingRecipients.actionUrl,
      actionNote: crisisBriefingRecipients.actionNote,
    })
    .from(crisisBriefingRecipients)
    .innerJoin(crisisBriefings, eq(crisisBriefings.id, crisisBriefingRecipients.briefingId))
    .innerJoin(crises, eq(crises.id, crisisBriefings.crisisId))
    .leftJoin(advocates, eq(advocates.id, crisisBriefingRecipients.advocateId))
    .where(eq(crisisBriefingRecipients.id, recipientId));
  if (!r) return undefined;
  const { crisisStatus, ...rest } = r;
  return { ...rest, crisisActive: crisisStatus === "active" };
}

async function lockRecipient(db: Executor, recipientId: number) {
  const [r] = await db
    .select({ id: crisisBriefingRecipients.id, readAt: crisisBriefingRecipients.readAt, actedAt: crisisBriefingRecipients.actedAt, crisisId: crisisBriefings.crisisId, advocateId: crisisBriefingRecipients.advocateId })
    .from(crisisBriefingRecipients)
    .innerJoin(crisisBriefings, eq(crisisBriefings.id, crisisBriefingRecipients.briefingId))
    .where(eq(crisisBriefingRecipients.id, recipientId))
    .for("update", { of: crisisBriefingRecipients });
  if (!r) throw new AppError("not_found", "briefing not found");
  return r;
}

/** The advocate confirms they read it (once; later confirmations change nothing). */
export async function confirmBriefingRead(db: Executor, recipientId: number, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const r = await lockRecipient(tx, recipientId);
    if (r.readAt) return;
    await tx.update(crisisBriefingRecipients).set({ readAt: now }).where(eq(crisisBriefingRecipients.id, recipientId));
    await tx.insert(crisisEvents).values({ crisisId: r.crisisId, at: now, actorId: null, kind: "advocate_read", payload: { recipientId } });
  });
}

/** The advocate reports what they did: a link to their post and a note. A later report replaces it. */
export async function reportBriefingAction(db: Executor, recipientId: number, report: { url: string; note: string | null }, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const r = await lockRecipient(tx, recipientId);
    await tx
      .update(crisisBriefingRecipients)
      .set({ actedAt: r.actedAt ?? now, readAt: r.readAt ?? now, actionUrl: report.url, actionNote: report.note })
      .where(eq(crisisBriefingRecipients.id, recipientId));
    await tx.insert(crisisEvents).values({ crisisId: r.crisisId, at: now, actorId: null, kind: "advocate_acted", payload: { recipientId, url: report.url } });
  });
}

/** Everyone briefed in a crisis with what they did, newest briefing first (the room's list and reach). */
export async function crisisBriefingRecipientsOf(db: Executor, crisisId: number) {
  return db
    .select({
      id: crisisBriefingRecipients.id,
      briefingId: crisisBriefingRecipients.briefingId,
      name: advocates.name,
      kind: advocates.kind,
      platforms: crisisBriefingRecipients.platforms,
      sentAt: crisisBriefingRecipients.sentAt,
      readAt: crisisBriefingRecipients.readAt,
      actedAt: crisisBriefingRecipients.actedAt,
      actionUrl: crisisBriefingRecipients.actionUrl,
      actionNote: crisisBriefingRecipients.actionNote,
    })
    .from(crisisBriefingRecipients)
    .innerJoin(crisisBriefings, eq(crisisBriefings.id, crisisBriefingRecipients.briefingId))
    .leftJoin(advocates, eq(advocates.id, crisisBriefingRecipients.advocateId))
    .where(eq(crisisBriefings.crisisId, crisisId))
    .orderBy(desc(crisisBriefingRecipients.sentAt), asc(advocates.name));
}

/** Advocates offered for a briefing: those matching the selection, each with whether they may be briefed now. */
export async function advocatesForBriefing(db: Executor, sel: { platform?: string; language?: string; topic?: string }, now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  return db
    .select({
      id: advocates.id,
      name: advocates.name,
      kind: advocates.kind,
      platforms: advocates.platforms,
      languages: advocates.languages,
      topics: advocates.topics,
      briefable: sql<boolean>`(${advocates.consentAt} is not null and ${advocates.consentAt} <= ${at}
        and (${advocates.consentRevokedAt} is null or ${advocates.consentRevokedAt} > ${at})
        and (${advocates.consentExpiresAt} is null or ${advocates.consentExpiresAt} > ${at}))`,
    })
    .from(advocates)
    .where(
      and(
        sel.platform ? sql`exists (select 1 from jsonb_array_elements(${advocates.platforms}) p where p->>'platform' = ${sel.platform})` : undefined,
        sel.language ? sql`${sel.language} = any(${advocates.languages})` : undefined,
        sel.topic ? sql`exists (select 1 from unnest(${advocates.topics}) t where strpos(search_fold(t), search_fold(${sel.topic})) > 0)` : undefined,
      ),
    )
    .orderBy(asc(advocates.name))
    .limit(200);
}
