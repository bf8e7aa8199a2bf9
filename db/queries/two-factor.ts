import bcrypt from "bcryptjs";
import { and, count, eq, isNull } from "drizzle-orm";
import type { Executor } from "../client";
import { appSettings, type Role, userRecoveryCodes, users } from "../schema";
import { recordAudit } from "./audit";
import { checkTotp, newRecoveryCodes, newTotpSecret, normalRecoveryCode, parseSecondFactor, totpUri } from "@/lib/auth/totp";
import { openSecret, sealSecret } from "@/lib/crypto/secrets";
import { ROLES } from "@/lib/enums";
import { encryptionKeys } from "@/lib/env";
import { AppError } from "@/lib/errors";

// The secret is bound to its user and field: a sealed value copied to another row does not open.
const context = (userId: number, field: "active" | "pending") => `user:${userId}:totp:${field}`;

const RECOVERY_COST = 10;

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
}

export async function twoFactorStatus(db: Executor, userId: number): Promise<TwoFactorStatus> {
  const [u] = await db.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
  const [{ n }] = await db
    .select({ n: count() })
    .from(userRecoveryCodes)
    .where(and(eq(userRecoveryCodes.userId, userId), isNull(userRecoveryCodes.usedAt)));
  return { enabled: Boolean(u?.enabledAt), enabledAt: u?.enabledAt ?? null, recoveryCodesLeft: u?.enabledAt ? n : 0 };
}

/** A new secret to set up (replacing one not yet confirmed): the app's QR code carries `uri`. */
export async function startTotpEnrolment(db: Executor, userId: number): Promise<{ secret: string; uri: string }> {
  const [u] = await db.select({ email: users.email, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
  if (!u) throw new AppError("not_found", "user not found");
  if (u.enabledAt) throw new AppError("conflict", "two-factor authentication is on already", { _form: ["auth.twoFactor.alreadyOn"] });
  const secret = newTotpSecret();
  await db
    .update(users)
    .set({ totpPendingSecret: sealSecret(secret, context(userId, "pending"), encryptionKeys()[0]) })
    .where(eq(users.id, userId));
  return { secret, uri: totpUri(secret, u.email) };
}

async function storeRecoveryCodes(tx: Executor, userId: number, now: Date): Promise<string[]> {
  const codes = newRecoveryCodes();
  const hashes = await Promise.all(codes.map((c) => bcrypt.hash(normalRecoveryCode(c), RECOVERY_COST)));
  await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
  await tx.insert(userRecoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash, createdAt: now })));
  return codes;
}

const invalidCode = () => new AppError("validation_failed", "wrong code", { code: ["auth.twoFactor.wrongCode"] });

/**
 * Switches two-factor authentication on once the app shows a correct code for the secret being
 * set up. Returns the ten recovery codes, which are shown this once.
 */
export async function confirmTotpEnrolment(db: Executor, userId: number, code: string, now: Date = new Date()): Promise<string[]> {
  return db.transaction(async (tx) => {
    const [u] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!u) throw new AppError("not_found", "user not found");
    if (u.totpEnabledAt) throw new AppError("conflict", "two-factor authentication is on already", { _form: ["auth.twoFactor.alreadyOn"] });
    if (!u.totpPendingSecret) throw new AppError("validation_failed", "no set-up started", { _form: ["auth.twoFactor.startAgain"] });
    const secret = openSecret(u.totpPendingSecret, context(userId, "pending"), encryptionKeys());
    const check = checkTotp(secret, code.replace(/\s+/g, ""), now, null);
    if (!check.ok) throw invalidCode();
    await tx
      .update(users)
      .set({
        totpSecret: sealSecret(secret, context(userId, "active"), encryptionKeys()[0]),
        totpPendingSecret: null,
        totpEnabledAt: now,
        totpLastStep: check.step,
        updatedAt: now,
      })
      .where(eq(users.id, userId));
    const codes = await storeRecoveryCodes(tx, userId, now);
    await recordAudit(tx, { actorId: userId, action: "user.two_factor_on", entityType: "user", entityId: userId });
    return codes;
  });
}

/**
 * Checks a second factor for this user — a current authenticator code or an unused recovery
 * code — and uses it up: the code's time step is remembered, a recovery code is marked used. Call
 * inside a transaction; the user's row is locked, so one code never passes twice in parallel.
 */
export async function useSecondFactor(tx: Executor, userId: number, input: string, now: Date): Promise<"totp" | "recovery" | null> {
  const factor = parseSecondFactor(input);
  if (!factor) return null;
  const [u] = await tx
    .select({ secret: users.totpSecret, lastStep: users.totpLastStep, enabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!u?.enabledAt || !u.secret) return null;
  if (factor.kind === "totp") {
    const check = checkTotp(openSecret(u.secret, context(userId, "active"), encryptionKeys()), factor.code, now, u.lastStep);
    if (!check.ok) return null;
    await tx.update(users).set({ totpLastStep: check.step }).where(eq(users.id, userId));
    return "totp";
  }
  const unused = await tx
    .select({ id: userRecoveryCodes.id, hash: userRecoveryCodes.codeHash })
    .from(userRecoveryCodes)
    .where(and(eq(userRecoveryCodes.userId, userId), isNull(userRecoveryCodes.usedAt)));
  for (const row of unused) {
    if (await bcrypt.compare(factor.code, row.hash)) {
      await tx.update(userRecoveryCodes).set({ usedAt: now }).where(eq(userRecoveryCodes.id, row.id));
      await recordAudit(tx, { actorId: userId, action: "user.recovery_code_used", entityType: "user", entityId: userId });
      return "recovery";
    }
  }
  return null;
}

/** New recovery codes (the old ones stop working), after a current code confirms it is the owner. */
export async function regenerateRecoveryCodes(db: Executor, userId: number, code: string, now: Date = new Date()): Promise<string[]> {
  return db.transaction(async (tx) => {
    if (!(await useSecondFactor(tx, userId, code, now))) throw invalidCode();
    const codes = await storeRecoveryCodes(tx, userId, now);
    await recordAudit(tx, { actorId: userId, action: "user.recovery_codes_renewed", entityType: "user", entityId: userId });
    return codes;
  });
}

/**
 * Switches two-factor authentication off: by its owner with a current code (refused while their
 * role requires it), or by an admin for someone who lost their phone and codes (`code` null).
 */
export async function disableTwoFactor(db: Executor, actorId: number, userId: number, code: string | null, now: Date = new Date()) {
  await db.transaction(async (tx) => {
    const [u] = await tx.select({ role: users.role, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
    if (!u) throw new AppError("not_found", "user not found");
    if (actorId === userId) {
      if ((await totpRequiredRoles(tx)).includes(u.role)) {
        throw new AppError("validation_failed", "required for the role", { _form: ["auth.twoFactor.requiredForRole"] });
      }
      if (code === null || !(await useSecondFactor(tx, userId, code, now))) throw invalidCode();
    }
    await tx
      .update(users)
      .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: now })
      .where(eq(users.id, userId));
    await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
    await recordAudit(tx, {
      actorId,
      action: actorId === userId ? "user.two_factor_off" : "user.two_factor_reset",
      entityType: "user",
      entityId: userId,
      before: { twoFactor: Boolean(u.enabledAt) },
      after: { twoFactor: false },
    });
  });
}

const REQUIRED_KEY = "security.totp_required_roles";

/** The roles whose password sign-ins need two-factor authentication (set by admins). */
export async function totpRequiredRoles(db: Executor): Promise<Role[]> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, REQUIRED_KEY));
  return parseRequiredRoles(row?.value);
}

export function parseRequiredRoles(value: unknown): Role[] {
  return Array.isArray(value) ? ROLES.filter((r) => value.includes(r)) : [];
}

export async function setTotpRequiredRoles(db: Executor, actorId: number, roles: Role[]) {
  const value = ROLES.filter((r) => roles.includes(r));
  await db.transaction(async (tx) => {
    const before = await totpRequiredRoles(tx);
    await tx
      .insert(appSettings)
      .values({ key: REQUIRED_KEY, value, updatedAt: new Date() })
      .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: new Date() } });
    await recordAudit(tx, { actorId, action: "security.two_factor_roles", entityType: "security", before: { roles: before }, after: { roles: value } });
  });
}
