import bcrypt from "bcryptjs";
import { and, asc, count, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { departments, type Locale, type Role, users } from "../schema";
import { SIGNOFF_FUNCTIONS, type SignoffFunction } from "@/lib/guidelines/lifecycle";
import { recordAudit } from "./audit";
import { AppError, isUniqueViolation } from "@/lib/errors";

const BCRYPT_COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

/** What leaves the data layer about a user: never the password hash. */
export interface UserDto {
  id: number;
  email: string;
  name: string;
  role: Role;
  departmentId: number | null;
  departmentName: string | null;
  locale: Locale;
  active: boolean;
  /** Legal, data protection, works council: the guideline sign-offs this person gives themselves. */
  signoffFunctions: SignoffFunction[];
  lastLoginAt: Date | null;
  createdAt: Date;
}

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  departmentId: users.departmentId,
  departmentName: departments.name,
  locale: users.locale,
  active: users.active,
  signoffFunctions: users.signoffFunctions,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

export interface UserFilter {
  q?: string;
  role?: Role;
  departmentId?: number;
  active?: boolean;
  page?: number;
  pageSize?: number;
}

export async function listUsers(db: Executor, f: UserFilter = {}) {
  const pageSize = Math.min(Math.max(f.pageSize ?? 25, 1), 200);
  const page = Math.max(f.page ?? 1, 1);
  const conds: SQL[] = [];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(users.name, like), ilike(users.email, like))!);
  }
  if (f.role) conds.push(eq(users.role, f.role));
  if (f.departmentId) conds.push(eq(users.departmentId, f.departmentId));
  if (f.active !== undefined) conds.push(eq(users.active, f.active));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(userColumns)
      .from(users)
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return { rows: rows as UserDto[], total, page, pageSize };
}

/** Active users for pickers (owner, deputy, head); small companies, so no paging. */
export async function listActiveUserOptions(db: Executor) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(asc(users.name));
}

export async function getUser(db: Executor, id: number): Promise<UserDto | null> {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.id, id))
    .limit(1);
  return (row as UserDto) ?? null;
}

/** A user as the audit log shows them: no password hash, no second-factor secrets, only whether it is on. */
export function auditView(u: typeof users.$inferSelect) {
  const { passwordHash: _p, totpSecret: _s, totpPendingSecret: _ps, totpLastStep: _l, ...rest } = u;
  return rest;
}

export interface CreateUserInput {
  email: string;
  name: string;
  password: string;
  role: Role;
  departmentId: number | null;
  locale: Locale;
}

export async function createUser(db: Executor, actorId: number | null, input: CreateUserInput) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    try {
      const [row] = await tx
        .insert(users)
        .values({
          email: input.email.toLowerCase(),
          name: input.name,
          passwordHash,
          role: input.role,
          departmentId: input.departmentId,
          locale: input.locale,
        })
        .returning();
      await recordAudit(tx, { actorId, action: "user.create", entityType: "user", entityId: row.id, after: auditView(row) });
      return auditView(row);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError("conflict", "email taken", { email: ["validation.emailTaken"] });
      throw err;
    }
  });
}

export interface UpdateUserInput {
  name: string;
  role: Role;
  departmentId: number | null;
  active: boolean;
  /** Omitted: unchanged. */
  signoffFunctions?: SignoffFunction[];
}

export async function updateUser(db: Executor, actorId: number | null, id: number, input: UpdateUserInput) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for("update");
    if (!before) throw new AppError("not_found", "user not found");
    if (actorId === id && (!input.active || input.role !== before.role)) {
      // Locking yourself out of the admin area is never what an admin meant to do.
      throw new AppError("validation_failed", "cannot demote or deactivate yourself", {
        _form: ["validation.notYourself"],
      });
    }
    // A new role or a deactivation ends the user's sessions; they sign in again under the new rules.
    const endSessions = input.role !== before.role || (before.active && !input.active);
    const { signoffFunctions, ...rest } = input;
    const [row] = await tx
      .update(users)
      .set({
        ...rest,
        // Stored in a fixed order, so the audit log shows a change only when there is one.
        ...(signoffFunctions ? { signoffFunctions: SIGNOFF_FUNCTIONS.filter((f) => signoffFunctions.includes(f)) } : {}),
        updatedAt: new Date(),
        ...(endSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
      })
      .where(eq(users.id, id))
      .returning();
    await recordAudit(tx, {
      actorId,
      action: "user.update",
      entityType: "user",
      entityId: id,
      before: auditView(before),
      after: auditView(row),
    });
    return auditView(row);
  });
}

export async function resetPassword(db: Executor, actorId: number | null, id: number, password: string) {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      // Whoever knew the old password may hold a session: a reset ends them all.
      .set({ passwordHash, updatedAt: new Date(), sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, id))
      .returning({ id: users.id });
    if (!row) throw new AppError("not_found", "user not found");
    // The hash is never logged, only that a reset happened and by whom.
    await recordAudit(tx, { actorId, action: "user.reset_password", entityType: "user", entityId: id });
  });
}

export async function setUserLocale(db: Executor, id: number, locale: Locale) {
  await db.update(users).set({ locale }).where(eq(users.id, id));
}

/**
 * The sign-off functions an active user holds, read fresh on every request (like the role), so an
 * admin's change takes effect at once without ending the person's sessions.
 */
export async function signoffFunctionsOf(db: Executor, userId: number): Promise<SignoffFunction[]> {
  const [row] = await db
    .select({ fns: users.signoffFunctions })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)))
    .limit(1);
  return row?.fns ?? [];
}
