import bcrypt from "bcryptjs";
import { and, count, desc, eq, gt } from "drizzle-orm";
import type { Executor } from "../client";
import { loginAttempts, type Role, users } from "../schema";

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  departmentId: number | null;
  locale: "de" | "en";
}

export type LoginResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" | "deactivated" | "throttled" };

// Compared against when the e-mail is unknown, so both paths cost one bcrypt check and timing
// does not reveal which e-mails exist.
const DUMMY_HASH = "$2b$10$5qIlPFPtDAxiBEQn8iCS6OyBvX/tcqGtrBCicL8JW6zp1F2d8Z3JO";

export interface ThrottlePolicy {
  maxAttempts: number;
  windowMinutes: number;
}

/** Failures for this e-mail and address since the window opened and since the last success. */
export async function recentFailures(db: Executor, email: string, ip: string, policy: ThrottlePolicy, now = new Date()) {
  const windowStart = new Date(now.getTime() - policy.windowMinutes * 60_000);
  const [lastOk] = await db
    .select({ at: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, email),
        eq(loginAttempts.ip, ip),
        eq(loginAttempts.succeeded, true),
        gt(loginAttempts.createdAt, windowStart),
      ),
    )
    .orderBy(desc(loginAttempts.createdAt))
    .limit(1);
  const since = lastOk && lastOk.at > windowStart ? lastOk.at : windowStart;
  const [{ n }] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, email),
        eq(loginAttempts.ip, ip),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.createdAt, since),
      ),
    );
  return n;
}

export async function verifyLogin(
  db: Executor,
  rawEmail: string,
  password: string,
  ip: string,
  policy: ThrottlePolicy,
): Promise<LoginResult> {
  const email = rawEmail.trim().toLowerCase();
  if ((await recentFailures(db, email, ip, policy)) >= policy.maxAttempts) {
    return { ok: false, reason: "throttled" };
  }
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const valid = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) {
    await db.insert(loginAttempts).values({ email, ip, succeeded: false });
    return { ok: false, reason: "invalid" };
  }
  if (!user.active) {
    await db.insert(loginAttempts).values({ email, ip, succeeded: false });
    return { ok: false, reason: "deactivated" };
  }
  await db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ email, ip, succeeded: true });
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
  });
  return { ok: true, user: toSessionUser(user) };
}

function toSessionUser(u: typeof users.$inferSelect): SessionUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role, departmentId: u.departmentId, locale: u.locale };
}

/** The current state of a signed-in user; null when deleted or deactivated since the token was issued. */
export async function loadSessionUser(db: Executor, id: number): Promise<SessionUser | null> {
  const [u] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!u || !u.active) return null;
  return toSessionUser(u);
}
