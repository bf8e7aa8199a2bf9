import bcrypt from "bcryptjs";
import { and, count, desc, eq, gt, lt, sql } from "drizzle-orm";
import { isThrottled, type ThrottlePolicy, windowStart } from "@/lib/security/login-throttle";
import type { Executor } from "../client";
import { parseRequiredRoles, useSecondFactor } from "./two-factor";
import { appSettings, loginAttempts, revokedSessions, type Role, users } from "../schema";
import type { SignoffFunction } from "@/lib/enums";

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  departmentId: number | null;
  locale: "de" | "en";
  /** The sign-off functions the person holds (legal, data protection, works council), when the session loaded them. */
  signoffFunctions?: readonly SignoffFunction[];
}

export type LoginResult =
  | { ok: true; user: SessionUser; sessionVersion: number }
  | { ok: false; reason: "invalid" | "deactivated" | "throttled" | "totp_required" | "invalid_code" };

// Compared against when the e-mail is unknown, so both paths cost one bcrypt check and timing
// does not reveal which e-mails exist.
const DUMMY_HASH = "$2b$10$5qIlPFPtDAxiBEQn8iCS6OyBvX/tcqGtrBCicL8JW6zp1F2d8Z3JO";

export type { ThrottlePolicy };

/** Failures for this e-mail and address since the window opened and since their last success. */
export async function recentFailures(db: Executor, email: string, ip: string, policy: ThrottlePolicy, now = new Date()) {
  return countFailures(db, email, ip, windowStart(now, policy));
}

/** Failures for this e-mail from every address since the window opened and since the account's last success. */
export async function accountFailures(db: Executor, email: string, policy: ThrottlePolicy, now = new Date()) {
  return countFailures(db, email, null, windowStart(now, policy));
}

async function countFailures(db: Executor, email: string, ip: string | null, windowOpened: Date) {
  const scope = ip === null ? eq(loginAttempts.email, email) : and(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip));
  const [lastOk] = await db
    .select({ at: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(and(scope, eq(loginAttempts.succeeded, true), gt(loginAttempts.createdAt, windowOpened)))
    .orderBy(desc(loginAttempts.createdAt))
    .limit(1);
  const since = lastOk && lastOk.at > windowOpened ? lastOk.at : windowOpened;
  const [{ n }] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(scope, eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, since)));
  return n;
}

/**
 * Checks a password unless the e-mail is throttled, and records the attempt.
 *
 * Each attempt is first recorded as a failure, in one short transaction with the count and under a
 * per-e-mail advisory lock: parallel attempts at one account queue for that lock and each sees the
 * attempts before it, so no burst gets more guesses than the limits allow. The password check
 * (bcrypt, the slow part) runs after that transaction, holding no connection or lock; a correct
 * password then turns its row into a success.
 */
export async function verifyLogin(
  db: Executor,
  rawEmail: string,
  password: string,
  ip: string,
  policy: ThrottlePolicy,
  now: Date = new Date(),
  /** The authenticator or recovery code, for accounts with two-factor authentication. */
  secondFactor?: string,
): Promise<LoginResult> {
  const email = rawEmail.trim().toLowerCase();
  const attemptId = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOGIN_LOCK_SPACE}, hashtext(${email}))`);
    const counts = {
      pair: await recentFailures(tx, email, ip, policy, now),
      account: await accountFailures(tx, email, policy, now),
    };
    if (isThrottled(counts, policy)) return null;
    // The attempt's time comes from the same clock as the window it is counted in, not the database's.
    const [row] = await tx.insert(loginAttempts).values({ email, ip, succeeded: false, createdAt: now }).returning({ id: loginAttempts.id });
    return row.id;
  });
  if (attemptId === null) return { ok: false, reason: "throttled" };

  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const valid = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) return { ok: false, reason: "invalid" };
  if (!user.active) return { ok: false, reason: "deactivated" };
  // With two-factor authentication the attempt stays a failure until a code passes too, so code
  // guesses are throttled like password guesses (and asking for the code resets no counter).
  if (user.totpEnabledAt) {
    if (!secondFactor?.trim()) return { ok: false, reason: "totp_required" };
    const used = await db.transaction((tx) => useSecondFactor(tx, user.id, secondFactor, now));
    if (!used) return { ok: false, reason: "invalid_code" };
  }
  await db.transaction(async (tx) => {
    await tx.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId));
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
  });
  return { ok: true, user: toSessionUser(user), sessionVersion: user.sessionVersion };
}

// First key of the two-key advisory locks taken for logins, so they never collide with other locks.
const LOGIN_LOCK_SPACE = 4_711;

function toSessionUser(u: typeof users.$inferSelect): SessionUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role, departmentId: u.departmentId, locale: u.locale };
}

/** What a session token says about itself; checked against the database on every request. */
export interface SessionClaims {
  id: number;
  /** users.session_version when the token was issued. */
  sessionVersion: number;
  /** Random id of this one session (one sign-in), recorded when it is logged out. */
  sid: string;
}

/**
 * The current state of a signed-in user, or null when the session no longer counts: the user was
 * deleted or deactivated, their session version moved on since sign-in, or this session was
 * logged out.
 */
export async function loadSessionUser(db: Executor, claims: SessionClaims): Promise<SessionUser | null> {
  return (await loadSessionState(db, claims))?.user ?? null;
}

/**
 * loadSessionUser, and whether this session must set up two-factor authentication before it may
 * do anything else: a password sign-in (`via`) of a role admins require it for, by someone who
 * has not switched it on. Sign-ins through the directory leave second factors to the directory.
 */
export async function loadSessionState(
  db: Executor,
  claims: SessionClaims & { via?: "password" | "sso" },
): Promise<{ user: SessionUser; mustEnrolTwoFactor: boolean } | null> {
  const [row] = await db
    .select({
      user: users,
      revoked: sql<boolean>`exists (select 1 from ${revokedSessions} where ${revokedSessions.sid} = ${claims.sid})`,
      requiredRoles: sql<unknown>`(select ${appSettings.value} from ${appSettings} where ${appSettings.key} = 'security.totp_required_roles')`,
    })
    .from(users)
    .where(eq(users.id, claims.id))
    .limit(1);
  if (!row || !row.user.active || row.revoked || row.user.sessionVersion !== claims.sessionVersion) return null;
  const mustEnrolTwoFactor =
    claims.via !== "sso" && !row.user.totpEnabledAt && parseRequiredRoles(row.requiredRoles).includes(row.user.role);
  return { user: { ...toSessionUser(row.user), signoffFunctions: row.user.signoffFunctions }, mustEnrolTwoFactor };
}

/**
 * Ends one session: its token stays cryptographically valid until it expires, so its id is kept
 * until then. Expired entries are removed on the way.
 */
export async function revokeSession(
  db: Executor,
  input: { sid: string; userId: number | null; expiresAt: Date },
  now = new Date(),
) {
  await db.transaction(async (tx) => {
    await tx.delete(revokedSessions).where(lt(revokedSessions.expiresAt, now));
    await tx.insert(revokedSessions).values(input).onConflictDoNothing();
  });
}

/** Ends every session of a user, on every device; the next sign-in starts a new generation. */
export async function bumpSessionVersion(db: Executor, userId: number) {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}
