import { and, asc, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { advocates, users, type Advocate } from "../schema";
import { recordAudit } from "./audit";
import { type ConsentState, consentState } from "@/lib/crisis/consent";
import type { AdvocateKind, ConsentMethod } from "@/lib/enums";
import { AppError } from "@/lib/errors";

export const ADVOCATE_PAGE_SIZE = 25;

export interface AdvocateInput {
  kind: AdvocateKind;
  userId: number | null;
  name: string;
  email: string;
  platforms: { platform: string; handle: string }[];
  languages: string[];
  topics: string[];
  consentAt: Date | null;
  consentScope: string | null;
  consentMethod: ConsentMethod | null;
  consentExpiresAt: Date | null;
  note: string | null;
}

export interface AdvocateFilter {
  consent?: ConsentState;
  platform?: string;
  language?: string;
  topic?: string;
  page?: number;
}

/** consentState (lib/crisis/consent.ts) in SQL, for filtering the register. */
function consentSql(now: Date): SQL<string> {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql<string>`case
    when ${advocates.consentAt} is null or ${advocates.consentAt} > ${at} then 'missing'
    when ${advocates.consentRevokedAt} is not null and ${advocates.consentRevokedAt} <= ${at} then 'revoked'
    when ${advocates.consentExpiresAt} is not null and ${advocates.consentExpiresAt} <= ${at} then 'expired'
    else 'valid' end`;
}

function filterWhere(f: AdvocateFilter, now: Date) {
  return and(
    f.consent ? sql`${consentSql(now)} = ${f.consent}` : undefined,
    f.platform ? sql`exists (select 1 from jsonb_array_elements(${advocates.platforms}) p where p->>'platform' = ${f.platform})` : undefined,
    f.language ? sql`${f.language} = any(${advocates.languages})` : undefined,
    f.topic ? sql`exists (select 1 from unnest(${advocates.topics}) t where strpos(search_fold(t), search_fold(${f.topic})) > 0)` : undefined,
  );
}

export async function listAdvocates(db: Executor, f: AdvocateFilter, now: Date) {
  const page = Math.max(1, f.page ?? 1);
  const where = filterWhere(f, now);
  const [rows, [{ n }]] = await Promise.all([
    db
      .select()
      .from(advocates)
      .where(where)
      .orderBy(asc(advocates.name), asc(advocates.id))
      .limit(ADVOCATE_PAGE_SIZE)
      .offset((page - 1) * ADVOCATE_PAGE_SIZE),
    db.select({ n: count() }).from(advocates).where(where),
  ]);
  return { rows: rows.map((a) => ({ ...a, consent: consentState(a, now) })), total: n, page, pageSize: ADVOCATE_PAGE_SIZE };
}

export async function getAdvocate(db: Executor, id: number): Promise<Advocate | undefined> {
  const [a] = await db.select().from(advocates).where(eq(advocates.id, id));
  return a;
}

/** An employee advocate speaks as the user they are: name and e-mail come from the user. */
async function resolveEmployee(db: Executor, input: AdvocateInput): Promise<AdvocateInput> {
  if (input.kind !== "employee") return { ...input, userId: null };
  if (input.userId == null) throw new AppError("validation_failed", "an employee advocate needs their user", { userId: ["crisis.advocates.errors.user"] });
  const [u] = await db.select({ name: users.name, email: users.email, active: users.active }).from(users).where(eq(users.id, input.userId));
  if (!u || !u.active) throw new AppError("validation_failed", "user not found", { userId: ["crisis.advocates.errors.user"] });
  return { ...input, name: u.name, email: u.email };
}

function conflictOf(err: unknown): AppError | null {
  const e = err as { code?: string; cause?: { code?: string; constraint?: string }; constraint?: string };
  const code = e?.code ?? e?.cause?.code;
  const constraint = e?.constraint ?? e?.cause?.constraint ?? "";
  if (code !== "23505") return null;
  return constraint.includes("user")
    ? new AppError("conflict", "this person is already an advocate", { userId: ["crisis.advocates.errors.userTaken"] })
    : new AppError("conflict", "this e-mail address is already registered", { email: ["crisis.advocates.errors.emailTaken"] });
}

/** The audit records what changed about consent and profile, not the person's contact details. */
const auditView = (a: AdvocateInput) => ({
  kind: a.kind,
  userId: a.userId,
  platforms: a.platforms.map((p) => p.platform),
  languages: a.languages,
  topics: a.topics,
  consentAt: a.consentAt?.toISOString() ?? null,
  consentScope: a.consentScope,
  consentMethod: a.consentMethod,
  consentExpiresAt: a.consentExpiresAt?.toISOString() ?? null,
});

export async function createAdvocate(db: Executor, actorId: number, raw: AdvocateInput, now: Date): Promise<number> {
  try {
    return await db.transaction(async (tx) => {
      const input = await resolveEmployee(tx, raw);
      const [row] = await tx
        .insert(advocates)
        .values({ ...input, createdBy: actorId, createdAt: now, updatedAt: now })
        .returning({ id: advocates.id });
      await recordAudit(tx, { actorId, action: "advocate.create", entityType: "advocate", entityId: row.id, after: auditView(input) });
      return row.id;
    });
  } catch (err) {
    throw conflictOf(err) ?? err;
  }
}

/** Saving a consent (again) after a revocation records a new one: the revocation is cleared. */
export async function updateAdvocate(db: Executor, actorId: number, id: number, raw: AdvocateInput, now: Date): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      const [before] = await tx.select().from(advocates).where(eq(advocates.id, id)).for("update");
      if (!before) throw new AppError("not_found", "advocate not found");
      const input = await resolveEmployee(tx, raw);
      const newConsent = input.consentAt?.getTime() !== before.consentAt?.getTime();
      await tx
        .update(advocates)
        .set({ ...input, consentRevokedAt: newConsent ? null : before.consentRevokedAt, updatedAt: now })
        .where(eq(advocates.id, id));
      await recordAudit(tx, { actorId, action: "advocate.update", entityType: "advocate", entityId: id, before: auditView(before), after: auditView(input) });
    });
  } catch (err) {
    throw conflictOf(err) ?? err;
  }
}

/** A revoked consent excludes the advocate from every briefing from this moment on. */
export async function revokeConsent(db: Executor, actorId: number, id: number, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [a] = await tx.select().from(advocates).where(eq(advocates.id, id)).for("update");
    if (!a) throw new AppError("not_found", "advocate not found");
    if (a.consentRevokedAt) return;
    await tx.update(advocates).set({ consentRevokedAt: now, updatedAt: now }).where(eq(advocates.id, id));
    await recordAudit(tx, { actorId, action: "advocate.consent_revoke", entityType: "advocate", entityId: id, after: { consentRevokedAt: now.toISOString() } });
  });
}

export async function deleteAdvocate(db: Executor, actorId: number, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [a] = await tx.delete(advocates).where(eq(advocates.id, id)).returning({ id: advocates.id, kind: advocates.kind });
    if (!a) throw new AppError("not_found", "advocate not found");
    await recordAudit(tx, { actorId, action: "advocate.delete", entityType: "advocate", entityId: id, before: { kind: a.kind } });
  });
}

/**
 * Of the chosen advocates, those who may be briefed right now (valid consent), read under lock so
 * a revocation that commits first wins. A briefing is sent only to these.
 */
export async function briefableAdvocates(db: Executor, ids: number[], now: Date): Promise<Advocate[]> {
  if (!ids.length) return [];
  const rows = await db
    .select()
    .from(advocates)
    .where(and(inArray(advocates.id, ids), sql`${consentSql(now)} = 'valid'`))
    .for("share");
  return rows;
}

/** Users an employee advocate can be made of (active, not yet advocates). */
export async function advocateUserOptions(db: Executor) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.active, true), sql`not exists (select 1 from advocates a where a.user_id = ${users.id})`))
    .orderBy(asc(users.name));
}
