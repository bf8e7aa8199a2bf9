import { and, asc, count, eq, ilike, inArray, ne, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import {
  channelAssignments,
  channels,
  type ChannelStatus,
  departments,
  type Platform,
  type Responsibility,
  type Role,
  users,
} from "../schema";
import { recordAudit } from "./audit";
import { type AssignmentChange, canEditStrategy, channelRuleErrors, hasErrors, planAssignment } from "@/lib/channels/rules";
import { AppError, type FieldErrors, isUniqueViolation } from "@/lib/errors";
import type { ChannelInput, StrategyInput } from "@/lib/schemas/channels";

export const CHANNEL_SORTS = ["name", "platform", "status", "nextReviewOn", "updatedAt"] as const;
export type ChannelSort = (typeof CHANNEL_SORTS)[number];

export interface ChannelFilter {
  q?: string;
  platform?: Platform;
  status?: ChannelStatus;
  /** Channels this department is assigned to (any responsibility); rows then carry its responsibility. */
  departmentId?: number;
  sort?: ChannelSort;
  dir?: "asc" | "desc";
  page?: number;
  pageSize?: number;
}

export interface ChannelListRow {
  id: number;
  name: string;
  platform: Platform;
  handle: string | null;
  url: string | null;
  status: ChannelStatus;
  ownerName: string | null;
  deputyName: string | null;
  owningDepartmentName: string | null;
  owningDepartmentSlug: string | null;
  nextReviewOn: string | null;
  updatedAt: Date;
  responsibility: Responsibility | null;
}

const owner = alias(users, "owner");
const deputy = alias(users, "deputy");
const owning = alias(channelAssignments, "owning");
const owningDept = alias(departments, "owning_dept");
const mine = alias(channelAssignments, "mine");

function escapeLike(q: string) {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listChannels(db: Executor, f: ChannelFilter = {}) {
  const pageSize = Math.min(Math.max(f.pageSize ?? 25, 1), 200);
  const page = Math.max(f.page ?? 1, 1);
  const conds: SQL[] = [];
  if (f.q) conds.push(ilike(channels.name, escapeLike(f.q)));
  if (f.platform) conds.push(eq(channels.platform, f.platform));
  if (f.status) conds.push(eq(channels.status, f.status));
  const sortCol = {
    name: channels.name,
    platform: channels.platform,
    status: channels.status,
    nextReviewOn: channels.nextReviewOn,
    updatedAt: channels.updatedAt,
  }[f.sort ?? "name"];
  const dir = f.dir === "desc" ? sql`desc` : sql`asc`;
  if (f.departmentId) {
    conds.push(
      inArray(
        channels.id,
        db.select({ id: channelAssignments.channelId }).from(channelAssignments).where(eq(channelAssignments.departmentId, f.departmentId)),
      ),
    );
  }
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: channels.id,
        name: channels.name,
        platform: channels.platform,
        handle: channels.handle,
        url: channels.url,
        status: channels.status,
        ownerName: owner.name,
        deputyName: deputy.name,
        owningDepartmentName: owningDept.name,
        owningDepartmentSlug: owningDept.slug,
        nextReviewOn: channels.nextReviewOn,
        updatedAt: channels.updatedAt,
        responsibility: mine.responsibility,
      })
      .from(channels)
      .leftJoin(owner, eq(owner.id, channels.ownerId))
      .leftJoin(deputy, eq(deputy.id, channels.deputyId))
      .leftJoin(owning, and(eq(owning.channelId, channels.id), eq(owning.responsibility, "owner")))
      .leftJoin(owningDept, eq(owningDept.id, owning.departmentId))
      .leftJoin(mine, and(eq(mine.channelId, channels.id), eq(mine.departmentId, f.departmentId ?? 0)))
      .where(where)
      .orderBy(sql`${sortCol} ${dir} nulls last`, asc(channels.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(channels).where(where),
  ]);
  return { rows: rows as ChannelListRow[], total, page, pageSize };
}

export interface PersonRef {
  id: number;
  name: string;
  active: boolean;
}

export interface ChannelAssignmentDto {
  departmentId: number;
  departmentName: string;
  departmentSlug: string;
  responsibility: Responsibility;
}

export interface ChannelDetail extends ChannelInput {
  id: number;
  owner: PersonRef | null;
  deputy: PersonRef | null;
  assignments: ChannelAssignmentDto[];
  owningDepartmentId: number | null;
  createdAt: Date;
  updatedAt: Date;
}

const RESPONSIBILITY_ORDER: Record<Responsibility, number> = { owner: 0, contributor: 1, reader: 2 };

export async function getChannel(db: Executor, id: number): Promise<ChannelDetail | null> {
  const [row] = await db.select().from(channels).where(eq(channels.id, id)).limit(1);
  if (!row) return null;
  const ids = [row.ownerId, row.deputyId].filter((x): x is number => x != null);
  const [people, assignments] = await Promise.all([
    ids.length
      ? db.select({ id: users.id, name: users.name, active: users.active }).from(users).where(inArray(users.id, ids))
      : Promise.resolve([] as PersonRef[]),
    db
      .select({
        departmentId: channelAssignments.departmentId,
        departmentName: departments.name,
        departmentSlug: departments.slug,
        responsibility: channelAssignments.responsibility,
      })
      .from(channelAssignments)
      .innerJoin(departments, eq(departments.id, channelAssignments.departmentId))
      .where(eq(channelAssignments.channelId, id)),
  ]);
  assignments.sort(
    (a, b) => RESPONSIBILITY_ORDER[a.responsibility] - RESPONSIBILITY_ORDER[b.responsibility] || a.departmentName.localeCompare(b.departmentName, "de"),
  );
  const { createdAt, updatedAt, ownerId, deputyId, ...fields } = row;
  return {
    ...fields,
    ownerId,
    deputyId,
    owner: people.find((p) => p.id === ownerId) ?? null,
    deputy: people.find((p) => p.id === deputyId) ?? null,
    assignments,
    owningDepartmentId: assignments.find((a) => a.responsibility === "owner")?.departmentId ?? null,
    createdAt,
    updatedAt,
  };
}

// ─── Writes ──────────────────────────────────────────────────────────────────

async function peopleById(tx: Executor, ids: (number | null)[]) {
  const wanted = ids.filter((x): x is number => x != null);
  if (!wanted.length) return new Map<number, { active: boolean }>();
  const rows = await tx.select({ id: users.id, active: users.active }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, { active: r.active }]));
}

async function handleTaken(tx: Executor, platform: Platform, handle: string | null, exceptId?: number) {
  if (!handle) return false;
  const conds = [eq(channels.platform, platform), sql`lower(${channels.handle}) = lower(${handle})`];
  if (exceptId) conds.push(ne(channels.id, exceptId));
  const [hit] = await tx.select({ id: channels.id }).from(channels).where(and(...conds)).limit(1);
  return Boolean(hit);
}

const HANDLE_TAKEN: FieldErrors = { handle: ["channels.errors.handleTaken"] };

async function assertChannelRules(tx: Executor, input: ChannelInput, hasOwningDepartment: boolean, exceptId?: number) {
  const errors = channelRuleErrors({ ...input, hasOwningDepartment }, await peopleById(tx, [input.ownerId, input.deputyId]));
  if (hasErrors(errors)) throw new AppError("validation_failed", "channel rules violated", errors);
  if (await handleTaken(tx, input.platform, input.handle, exceptId)) throw new AppError("conflict", "handle taken", HANDLE_TAKEN);
}

function rethrowUnique(err: unknown): never {
  if (isUniqueViolation(err, "channels_platform_handle_unique")) throw new AppError("conflict", "handle taken", HANDLE_TAKEN);
  throw err;
}

export async function createChannel(db: Executor, actorId: number | null, input: ChannelInput & { owningDepartmentId: number | null }) {
  const { owningDepartmentId, ...fields } = input;
  return db.transaction(async (tx) => {
    if (owningDepartmentId != null) {
      const [d] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, owningDepartmentId));
      if (!d) throw new AppError("validation_failed", "unknown department", { owningDepartmentId: ["validation.invalidChoice"] });
    }
    await assertChannelRules(tx, fields, owningDepartmentId != null);
    const [row] = await tx.insert(channels).values(fields).returning().catch(rethrowUnique);
    if (owningDepartmentId != null) {
      await tx.insert(channelAssignments).values({ channelId: row.id, departmentId: owningDepartmentId, responsibility: "owner" });
    }
    await recordAudit(tx, {
      actorId,
      action: "channel.create",
      entityType: "channel",
      entityId: row.id,
      after: { ...row, owningDepartmentId },
    });
    return row;
  });
}

async function lockChannel(tx: Executor, id: number) {
  const [row] = await tx.select().from(channels).where(eq(channels.id, id)).for("update");
  if (!row) throw new AppError("not_found", "channel not found");
  return row;
}

async function currentAssignments(tx: Executor, channelId: number) {
  return tx
    .select({ departmentId: channelAssignments.departmentId, responsibility: channelAssignments.responsibility })
    .from(channelAssignments)
    .where(eq(channelAssignments.channelId, channelId))
    .orderBy(asc(channelAssignments.departmentId));
}

export async function updateChannel(db: Executor, actorId: number | null, id: number, input: ChannelInput) {
  return db.transaction(async (tx) => {
    const before = await lockChannel(tx, id);
    const assignments = await currentAssignments(tx, id);
    await assertChannelRules(tx, input, assignments.some((a) => a.responsibility === "owner"), id);
    const [row] = await tx
      .update(channels)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(channels.id, id))
      .returning()
      .catch(rethrowUnique);
    await recordAudit(tx, { actorId, action: "channel.update", entityType: "channel", entityId: id, before, after: row });
    return row;
  });
}

export interface Actor {
  id: number;
  role: Role;
  departmentId: number | null;
}

/** The strategy answers alone: the manager for any channel, a department head for the ones their department owns. */
export async function updateChannelStrategy(db: Executor, actor: Actor, id: number, input: StrategyInput) {
  return db.transaction(async (tx) => {
    const before = await lockChannel(tx, id);
    const owningDepartmentId = (await currentAssignments(tx, id)).find((a) => a.responsibility === "owner")?.departmentId ?? null;
    if (!canEditStrategy(actor, owningDepartmentId)) throw new AppError("forbidden", "not a channel of your department");
    const [row] = await tx
      .update(channels)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(channels.id, id))
      .returning();
    const pick = (c: typeof row) => ({
      targetGroupsPresent: c.targetGroupsPresent,
      ourGain: c.ourGain,
      theirGain: c.theirGain,
      intendedAudience: c.intendedAudience,
      inboundAudience: c.inboundAudience,
    });
    await recordAudit(tx, { actorId: actor.id, action: "channel.strategy", entityType: "channel", entityId: id, before: pick(before), after: pick(row) });
    return row;
  });
}

/**
 * Sets or removes one department's responsibility. Assignments are the one thing that is deleted
 * outright; the audit entry keeps the before and after lists, so the channel's history survives.
 */
export async function changeAssignment(db: Executor, actorId: number | null, channelId: number, change: AssignmentChange) {
  return db.transaction(async (tx) => {
    const channel = await lockChannel(tx, channelId);
    const [dept] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, change.departmentId));
    if (!dept) throw new AppError("validation_failed", "unknown department", { departmentId: ["validation.invalidChoice"] });
    const before = await currentAssignments(tx, channelId);
    const plan = planAssignment(channel.status, before, change);
    if (!plan.ok) throw new AppError("validation_failed", plan.error, { [plan.field]: [plan.error] });
    // The previous owner steps down first: the database allows one owner per channel at any moment.
    if (plan.demotedOwner != null) {
      await tx
        .update(channelAssignments)
        .set({ responsibility: "contributor" })
        .where(and(eq(channelAssignments.channelId, channelId), eq(channelAssignments.departmentId, plan.demotedOwner)));
    }
    if (change.kind === "remove") {
      await tx
        .delete(channelAssignments)
        .where(and(eq(channelAssignments.channelId, channelId), eq(channelAssignments.departmentId, change.departmentId)));
    } else {
      await tx
        .insert(channelAssignments)
        .values({ channelId, departmentId: change.departmentId, responsibility: change.responsibility })
        .onConflictDoUpdate({
          target: [channelAssignments.channelId, channelAssignments.departmentId],
          set: { responsibility: change.responsibility },
        });
    }
    await tx.update(channels).set({ updatedAt: new Date() }).where(eq(channels.id, channelId));
    await recordAudit(tx, {
      actorId,
      action: change.kind === "remove" ? "channel.unassign" : "channel.assign",
      entityType: "channel",
      entityId: channelId,
      before: { assignments: before },
      after: { assignments: plan.next, changed: change },
    });
    return plan.next;
  });
}

// ─── Matrix ──────────────────────────────────────────────────────────────────

/** Upper bound of matrix columns; a register this large needs the filtered list, not a grid. */
export const MATRIX_MAX_CHANNELS = 300;

export async function loadMatrix(db: Executor, opts: { includeRetired?: boolean } = {}) {
  const where = opts.includeRetired ? undefined : ne(channels.status, "retired");
  const [deps, chans, [{ total }]] = await Promise.all([
    db
      .select({ id: departments.id, slug: departments.slug, name: departments.name })
      .from(departments)
      .orderBy(asc(departments.name)),
    db
      .select({
        id: channels.id,
        name: channels.name,
        platform: channels.platform,
        status: channels.status,
        ownerId: channels.ownerId,
        ownerActive: owner.active,
        deputyId: channels.deputyId,
        deputyActive: deputy.active,
        nextReviewOn: channels.nextReviewOn,
      })
      .from(channels)
      .leftJoin(owner, eq(owner.id, channels.ownerId))
      .leftJoin(deputy, eq(deputy.id, channels.deputyId))
      .where(where)
      .orderBy(asc(channels.platform), asc(channels.name), asc(channels.id))
      .limit(MATRIX_MAX_CHANNELS),
    db.select({ total: count() }).from(channels).where(where),
  ]);
  const assignments = chans.length
    ? await db
        .select({
          channelId: channelAssignments.channelId,
          departmentId: channelAssignments.departmentId,
          responsibility: channelAssignments.responsibility,
        })
        .from(channelAssignments)
        .where(inArray(channelAssignments.channelId, chans.map((c) => c.id)))
    : [];
  return { departments: deps, channels: chans, assignments, truncated: total > chans.length, totalChannels: total };
}
