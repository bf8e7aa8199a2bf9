import { and, asc, count, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { businessProcesses, departments } from "../schema";
import { recordAudit } from "./audit";
import { AppError, isUniqueViolation } from "@/lib/errors";

export interface ProcessDto {
  id: number;
  departmentId: number;
  departmentName: string;
  departmentSlug: string;
  name: string;
  description: string | null;
  archivedAt: Date | null;
}

export interface ProcessFilter {
  departmentId?: number;
  includeArchived?: boolean;
  page?: number;
  pageSize?: number;
}

export async function listProcesses(db: Executor, f: ProcessFilter = {}) {
  const pageSize = Math.min(Math.max(f.pageSize ?? 50, 1), 200);
  const page = Math.max(f.page ?? 1, 1);
  const conds: SQL[] = [];
  if (f.departmentId) conds.push(eq(businessProcesses.departmentId, f.departmentId));
  if (!f.includeArchived) conds.push(isNull(businessProcesses.archivedAt));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: businessProcesses.id,
        departmentId: businessProcesses.departmentId,
        departmentName: departments.name,
        departmentSlug: departments.slug,
        name: businessProcesses.name,
        description: businessProcesses.description,
        archivedAt: businessProcesses.archivedAt,
      })
      .from(businessProcesses)
      .innerJoin(departments, eq(departments.id, businessProcesses.departmentId))
      .where(where)
      // Archived ones last, so the live processes of a department read first.
      .orderBy(asc(departments.name), sql`${businessProcesses.archivedAt} is not null`, asc(businessProcesses.name), asc(businessProcesses.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(businessProcesses).where(where),
  ]);
  return { rows: rows as ProcessDto[], total, page, pageSize };
}

const NAME_TAKEN = { name: ["channels.errors.processNameTaken"] };

export interface ProcessInput {
  departmentId: number;
  name: string;
  description: string | null;
}

export async function createProcess(db: Executor, actorId: number | null, input: ProcessInput) {
  return db.transaction(async (tx) => {
    const [d] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, input.departmentId));
    if (!d) throw new AppError("validation_failed", "unknown department", { departmentId: ["validation.invalidChoice"] });
    try {
      const [row] = await tx.insert(businessProcesses).values(input).returning();
      await recordAudit(tx, { actorId, action: "business_process.create", entityType: "business_process", entityId: row.id, after: row });
      return row;
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError("conflict", "process name taken", NAME_TAKEN);
      throw err;
    }
  });
}

async function lockProcess(tx: Executor, id: number) {
  const [row] = await tx.select().from(businessProcesses).where(eq(businessProcesses.id, id)).for("update");
  if (!row) throw new AppError("not_found", "business process not found");
  return row;
}

export async function renameProcess(db: Executor, actorId: number | null, id: number, input: { name: string; description: string | null }) {
  return db.transaction(async (tx) => {
    const before = await lockProcess(tx, id);
    try {
      const [row] = await tx
        .update(businessProcesses)
        .set({ ...input, updatedAt: new Date() })
        .where(eq(businessProcesses.id, id))
        .returning();
      await recordAudit(tx, { actorId, action: "business_process.rename", entityType: "business_process", entityId: id, before, after: row });
      return row;
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError("conflict", "process name taken", NAME_TAKEN);
      throw err;
    }
  });
}

/** Archiving keeps the process and its KPIs' history; it only leaves the lists of live processes. */
export async function setProcessArchived(db: Executor, actorId: number | null, id: number, archived: boolean) {
  return db.transaction(async (tx) => {
    const before = await lockProcess(tx, id);
    if (Boolean(before.archivedAt) === archived) return before;
    const [row] = await tx
      .update(businessProcesses)
      .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
      .where(eq(businessProcesses.id, id))
      .returning();
    await recordAudit(tx, {
      actorId,
      action: archived ? "business_process.archive" : "business_process.restore",
      entityType: "business_process",
      entityId: id,
      before,
      after: row,
    });
    return row;
  });
}
