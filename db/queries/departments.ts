import { asc, count, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { type DepartmentKind, departments, users } from "../schema";
import { recordAudit } from "./audit";
import { AppError, isUniqueViolation } from "@/lib/errors";

export interface DepartmentDto {
  id: number;
  slug: string;
  name: string;
  kind: DepartmentKind;
  headUserId: number | null;
  headName: string | null;
  memberCount: number;
}

export async function listDepartments(db: Executor): Promise<DepartmentDto[]> {
  const members = db
    .select({ departmentId: users.departmentId, n: count().as("n") })
    .from(users)
    .groupBy(users.departmentId)
    .as("members");
  const head = db.select({ id: users.id, name: users.name }).from(users).as("head");
  const rows = await db
    .select({
      id: departments.id,
      slug: departments.slug,
      name: departments.name,
      kind: departments.kind,
      headUserId: departments.headUserId,
      headName: head.name,
      memberCount: members.n,
    })
    .from(departments)
    .leftJoin(head, eq(head.id, departments.headUserId))
    .leftJoin(members, eq(members.departmentId, departments.id))
    .orderBy(asc(departments.name));
  return rows.map((r) => ({ ...r, memberCount: Number(r.memberCount ?? 0) }));
}

export async function getDepartmentBySlug(db: Executor, slug: string) {
  const [row] = await db.select().from(departments).where(eq(departments.slug, slug)).limit(1);
  return row ?? null;
}

export interface DepartmentInput {
  slug: string;
  name: string;
  kind: DepartmentKind;
  headUserId: number | null;
}

async function assertHeadIsActiveUser(db: Executor, headUserId: number | null) {
  if (headUserId == null) return;
  const [u] = await db.select({ active: users.active }).from(users).where(eq(users.id, headUserId)).limit(1);
  if (!u || !u.active) {
    throw new AppError("validation_failed", "head must be an active user", { headUserId: ["validation.activeUser"] });
  }
}

export async function createDepartment(db: Executor, actorId: number | null, input: DepartmentInput) {
  return db.transaction(async (tx) => {
    await assertHeadIsActiveUser(tx, input.headUserId);
    try {
      const [row] = await tx.insert(departments).values(input).returning();
      await recordAudit(tx, { actorId, action: "department.create", entityType: "department", entityId: row.id, after: row });
      return row;
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new AppError("conflict", "slug taken", { slug: ["validation.slugTaken"] });
      }
      throw err;
    }
  });
}

export async function updateDepartment(db: Executor, actorId: number | null, id: number, input: DepartmentInput) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(departments).where(eq(departments.id, id)).for("update");
    if (!before) throw new AppError("not_found", "department not found");
    await assertHeadIsActiveUser(tx, input.headUserId);
    try {
      const [row] = await tx
        .update(departments)
        .set({ ...input, updatedAt: new Date() })
        .where(eq(departments.id, id))
        .returning();
      await recordAudit(tx, { actorId, action: "department.update", entityType: "department", entityId: id, before, after: row });
      return row;
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError("conflict", "slug taken", { slug: ["validation.slugTaken"] });
      throw err;
    }
  });
}

/**
 * A department named by an API caller, by id or slug; an unknown one is a clear 400 naming the
 * parameter, not an empty list.
 */
export async function departmentIdByRef(db: Executor, ref: string, param = "department"): Promise<number> {
  const [found] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(/^\d+$/.test(ref) ? eq(departments.id, Number(ref)) : eq(departments.slug, ref))
    .limit(1);
  if (!found) throw new AppError("validation_failed", "Unknown department.", { [param]: [`No department has the id or slug "${ref}".`] });
  return found.id;
}
