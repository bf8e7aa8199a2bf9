import crypto from "node:crypto";
import { asc, eq, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { appSettings, departments, type Role, ssoGroupMappings, users } from "../schema";
import { recordAudit } from "./audit";
import type { SessionUser } from "./auth";
import { hashPassword } from "./users";
import { type GroupGrant, GROUP_NAME_MAX, resolveGrant, roleHasDepartment } from "@/lib/auth/group-map";
import { ROLES } from "@/lib/enums";
import { AppError, isUniqueViolation } from "@/lib/errors";

/** What the company directory's ID token says about the person signing in. */
export interface SsoClaims {
  /** The token's `sub`: stable per person at this issuer. */
  subject: string;
  email: string | null;
  /** `email_verified`; only an explicit false refuses (Entra ID does not send it). */
  emailVerified?: boolean | null;
  name: string | null;
  groups: string[];
  /** `locale`, e.g. "de-DE" or "en"; decides the language of a new account. */
  locale?: string | null;
}

export type SsoRefusal = "sso_unmapped" | "sso_no_email" | "sso_conflict" | "deactivated";

export type SsoResult =
  | { ok: true; user: SessionUser; sessionVersion: number; created: boolean }
  | { ok: false; reason: SsoRefusal };

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export interface GroupMappingRow {
  id: number;
  groupName: string;
  role: Role;
  departmentId: number | null;
  departmentName: string | null;
  departmentSlug: string | null;
}

export async function listGroupMappings(db: Executor): Promise<GroupMappingRow[]> {
  return db
    .select({
      id: ssoGroupMappings.id,
      groupName: ssoGroupMappings.groupName,
      role: ssoGroupMappings.role,
      departmentId: ssoGroupMappings.departmentId,
      departmentName: departments.name,
      departmentSlug: departments.slug,
    })
    .from(ssoGroupMappings)
    .leftJoin(departments, eq(departments.id, ssoGroupMappings.departmentId))
    .orderBy(asc(ssoGroupMappings.groupName));
}

const DEFAULT_ROLE_KEY = "sso.default_role";
const PRESET_KEY = "sso.preset_hash";

/** Roles a person can get without a department, i.e. the ones a default can be. */
export const DEFAULT_ROLE_CHOICES: readonly Role[] = ROLES.filter((r) => r !== "department_head");

/** The role for people none of whose groups is mapped; null refuses them. */
export async function getSsoDefaultRole(db: Executor): Promise<Role | null> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, DEFAULT_ROLE_KEY));
  const v = row?.value;
  return typeof v === "string" && (DEFAULT_ROLE_CHOICES as readonly string[]).includes(v) ? (v as Role) : null;
}

async function putSetting(db: Executor, key: string, value: unknown) {
  await db
    .insert(appSettings)
    .values({ key, value: value as never, updatedAt: new Date() })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: value as never, updatedAt: new Date() } });
}

export async function setSsoDefaultRole(db: Executor, actorId: number | null, role: Role | null) {
  if (role !== null && !DEFAULT_ROLE_CHOICES.includes(role)) {
    throw new AppError("validation_failed", "invalid default role", { defaultRole: ["validation.invalidChoice"] });
  }
  await db.transaction(async (tx) => {
    const before = await getSsoDefaultRole(tx);
    if (role === null) await tx.delete(appSettings).where(eq(appSettings.key, DEFAULT_ROLE_KEY));
    else await putSetting(tx, DEFAULT_ROLE_KEY, role);
    await recordAudit(tx, { actorId, action: "sso.default_role", entityType: "sso", before: { defaultRole: before }, after: { defaultRole: role } });
  });
}

export interface GroupMappingInput {
  groupName: string;
  role: Role;
  departmentId: number | null;
}

async function checkMapping(db: Executor, input: GroupMappingInput): Promise<GroupMappingInput> {
  const groupName = input.groupName.trim();
  const errors: Record<string, string[]> = {};
  if (!groupName) errors.groupName = ["validation.required"];
  else if (groupName.length > GROUP_NAME_MAX) errors.groupName = ["validation.tooLong"];
  if (!ROLES.includes(input.role)) errors.role = ["validation.invalidChoice"];
  const departmentId = roleHasDepartment(input.role) ? input.departmentId : null;
  if (input.role === "department_head" && departmentId === null) errors.departmentId = ["validation.required"];
  if (departmentId !== null) {
    const [dep] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, departmentId));
    if (!dep) errors.departmentId = ["validation.invalidChoice"];
  }
  if (Object.keys(errors).length) throw new AppError("validation_failed", "invalid group mapping", errors);
  return { groupName, role: input.role, departmentId };
}

/** Adds a mapping, or changes the one with this id. A group maps once. */
export async function saveGroupMapping(db: Executor, actorId: number | null, input: GroupMappingInput, id?: number) {
  const value = await checkMapping(db, input);
  return db.transaction(async (tx) => {
    try {
      if (id === undefined) {
        const [row] = await tx.insert(ssoGroupMappings).values(value).returning();
        await recordAudit(tx, { actorId, action: "sso_mapping.create", entityType: "sso_mapping", entityId: row.id, after: value });
        return row;
      }
      const [before] = await tx.select().from(ssoGroupMappings).where(eq(ssoGroupMappings.id, id)).for("update");
      if (!before) throw new AppError("not_found", "mapping not found");
      const [row] = await tx
        .update(ssoGroupMappings)
        .set({ ...value, updatedAt: new Date() })
        .where(eq(ssoGroupMappings.id, id))
        .returning();
      await recordAudit(tx, {
        actorId,
        action: "sso_mapping.update",
        entityType: "sso_mapping",
        entityId: id,
        before: { groupName: before.groupName, role: before.role, departmentId: before.departmentId },
        after: value,
      });
      return row;
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError("conflict", "group mapped already", { groupName: ["validation.groupTaken"] });
      throw err;
    }
  });
}

export async function deleteGroupMapping(db: Executor, actorId: number | null, id: number) {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(ssoGroupMappings).where(eq(ssoGroupMappings.id, id)).returning();
    if (!row) throw new AppError("not_found", "mapping not found");
    await recordAudit(tx, {
      actorId,
      action: "sso_mapping.delete",
      entityType: "sso_mapping",
      entityId: id,
      before: { groupName: row.groupName, role: row.role, departmentId: row.departmentId },
    });
  });
}

/**
 * Applies OIDC_GROUP_MAP (and OIDC_DEFAULT_ROLE) at start when their content differs from the last
 * preset applied: the groups it names are set to its grants, others stay as admins left them.
 * Departments are named by slug; unknown slugs are skipped and returned, for the start log.
 */
export async function applySsoPreset(
  db: Executor,
  preset: { map: ReadonlyMap<string, GroupGrant>; defaultRole: Role | null; source: string },
): Promise<{ applied: boolean; groups: number; unknownDepartments: string[] }> {
  const hash = crypto.createHash("sha256").update(preset.source).digest("hex");
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SSO_LOCK_SPACE}, 1)`);
    const [seen] = await tx.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, PRESET_KEY));
    if (seen?.value === hash) return { applied: false, groups: 0, unknownDepartments: [] };
    const deps = await tx.select({ id: departments.id, slug: departments.slug }).from(departments);
    const bySlug = new Map(deps.map((d) => [d.slug, d.id]));
    const unknownDepartments: string[] = [];
    let groups = 0;
    for (const [groupName, grant] of preset.map) {
      const departmentId = grant.department ? (bySlug.get(grant.department) ?? null) : null;
      if (grant.department && departmentId === null) {
        unknownDepartments.push(`${groupName} → ${grant.department}`);
        continue;
      }
      await tx
        .insert(ssoGroupMappings)
        .values({ groupName, role: grant.role, departmentId })
        .onConflictDoUpdate({ target: ssoGroupMappings.groupName, set: { role: grant.role, departmentId, updatedAt: new Date() } });
      groups++;
    }
    if (preset.defaultRole && DEFAULT_ROLE_CHOICES.includes(preset.defaultRole)) await putSetting(tx, DEFAULT_ROLE_KEY, preset.defaultRole);
    await putSetting(tx, PRESET_KEY, hash);
    await recordAudit(tx, {
      actorId: null,
      action: "sso.preset",
      entityType: "sso",
      after: { groups, defaultRole: preset.defaultRole, unknownDepartments },
    });
    return { applied: true, groups, unknownDepartments };
  });
}

// First key of the advisory locks taken here, apart from the other lock spaces.
const SSO_LOCK_SPACE = 4_713;

/**
 * Signs in a person the company directory vouched for: finds their account by the directory's
 * subject or else by e-mail, creates it on first sign-in, and sets role and department from
 * their groups every time, so a change in the directory counts from the next sign-in. Refuses
 * deactivated accounts, people with no mapped group (unless a default role is set), tokens
 * without a usable e-mail, and an e-mail already bound to another directory identity.
 */
export async function ssoSignIn(db: Executor, claims: SsoClaims, now: Date = new Date()): Promise<SsoResult> {
  const email = claims.email?.trim().toLowerCase() ?? "";
  if (!claims.subject || !EMAIL.test(email) || email.length > 254 || claims.emailVerified === false) {
    return { ok: false, reason: "sso_no_email" };
  }
  const mappings = await db
    .select({ groupName: ssoGroupMappings.groupName, role: ssoGroupMappings.role, departmentId: ssoGroupMappings.departmentId })
    .from(ssoGroupMappings);
  const grant = resolveGrant(claims.groups, new Map(mappings.map((m) => [m.groupName, m])), await getSsoDefaultRole(db));
  const departmentId = grant && "departmentId" in grant ? grant.departmentId : null;
  const name = (claims.name?.trim() || email).slice(0, 200);

  return db.transaction(async (tx) => {
    const found = await tx
      .select()
      .from(users)
      .where(or(eq(users.ssoSubject, claims.subject), eq(users.email, email)))
      .for("update");
    // The directory's subject is the stronger link: it survives a changed e-mail address.
    const user = found.find((u) => u.ssoSubject === claims.subject) ?? found.find((u) => u.email === email);
    if (user && user.ssoSubject !== null && user.ssoSubject !== claims.subject) return { ok: false, reason: "sso_conflict" } as const;
    if (user && user.email !== email && found.some((u) => u.id !== user.id && u.email === email)) {
      return { ok: false, reason: "sso_conflict" } as const;
    }
    if (user && !user.active) return { ok: false, reason: "deactivated" } as const;
    if (!grant) return { ok: false, reason: "sso_unmapped" } as const;

    if (!user) {
      const locale = claims.locale?.toLowerCase().startsWith("en") ? "en" : "de";
      // Never used: people from the directory sign in there. A random hash keeps the column's meaning.
      const passwordHash = await hashPassword(crypto.randomBytes(32).toString("base64url"));
      const [row] = await tx
        .insert(users)
        .values({ email, name, passwordHash, role: grant.role, departmentId, locale, ssoSubject: claims.subject, lastLoginAt: now })
        .returning();
      await recordAudit(tx, {
        actorId: null,
        action: "user.create",
        entityType: "user",
        entityId: row.id,
        after: { email, name, role: grant.role, departmentId, via: "sso", group: grant.group },
      });
      return { ok: true, created: true, sessionVersion: row.sessionVersion, user: sessionUser(row) } as const;
    }

    const changed = user.role !== grant.role || user.departmentId !== departmentId;
    const [row] = await tx
      .update(users)
      .set({
        role: grant.role,
        departmentId,
        email,
        name,
        ssoSubject: claims.subject,
        lastLoginAt: now,
        updatedAt: now,
        // Sessions from before the change end: they would carry the old rights.
        ...(changed ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
      })
      .where(eq(users.id, user.id))
      .returning();
    if (changed || user.email !== email) {
      await recordAudit(tx, {
        actorId: null,
        action: "user.sso_update",
        entityType: "user",
        entityId: user.id,
        before: { email: user.email, role: user.role, departmentId: user.departmentId },
        after: { email, role: grant.role, departmentId, group: grant.group },
      });
    }
    return { ok: true, created: false, sessionVersion: row.sessionVersion, user: sessionUser(row) } as const;
  });
}

function sessionUser(u: typeof users.$inferSelect): SessionUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role, departmentId: u.departmentId, locale: u.locale };
}
