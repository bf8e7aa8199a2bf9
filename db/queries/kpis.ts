import { and, asc, count, eq, ilike, inArray, isNull, ne, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { businessProcesses, channels, departments, kpis } from "../schema";
import { recordAudit } from "./audit";
import { type DerivedDefinition, definitionErrors } from "@/lib/kpis/derived";
import { AppError } from "@/lib/errors";
import type { DepartmentScope } from "@/lib/kpis/scope";
import { validateThresholds } from "@/lib/kpis/thresholds";
import { type KpiUnit, checkKpiBounds } from "@/lib/kpis/units";

export interface ProcessOption {
  id: number;
  name: string;
  departmentId: number;
  departmentName: string;
}

/** Active business processes, by department and name; limited to one department when given. */
export async function listProcesses(db: Executor, opts: { departmentId?: number | null } = {}): Promise<ProcessOption[]> {
  const conds: SQL[] = [isNull(businessProcesses.archivedAt)];
  if (opts.departmentId != null) conds.push(eq(businessProcesses.departmentId, opts.departmentId));
  return db
    .select({
      id: businessProcesses.id,
      name: businessProcesses.name,
      departmentId: departments.id,
      departmentName: departments.name,
    })
    .from(businessProcesses)
    .innerJoin(departments, eq(departments.id, businessProcesses.departmentId))
    .where(and(...conds))
    .orderBy(asc(departments.name), asc(businessProcesses.name));
}

export async function channelOptions(db: Executor) {
  return db
    .select({ id: channels.id, name: channels.name, platform: channels.platform })
    .from(channels)
    .where(ne(channels.status, "retired"))
    .orderBy(asc(channels.name));
}

/** What evaluating a KPI needs: how it aggregates and where its target and thresholds lie. */
export const kpiRuleColumns = {
  direction: kpis.direction,
  period: kpis.period,
  aggregation: kpis.aggregation,
  target: kpis.target,
  warningThreshold: kpis.warningThreshold,
  criticalThreshold: kpis.criticalThreshold,
};

const kpiColumns = {
  id: kpis.id,
  name: kpis.name,
  description: kpis.description,
  unit: kpis.unit,
  ...kpiRuleColumns,
  channelId: kpis.channelId,
  channelName: channels.name,
  processId: businessProcesses.id,
  processName: businessProcesses.name,
  departmentId: departments.id,
  departmentName: departments.name,
  derived: kpis.derived,
};

export type KpiDto = {
  id: number;
  name: string;
  description: string | null;
  unit: KpiUnit;
  direction: "higher_is_better" | "lower_is_better";
  period: "week" | "month" | "quarter";
  aggregation: "sum" | "avg" | "last";
  target: number;
  warningThreshold: number;
  criticalThreshold: number;
  channelId: number | null;
  channelName: string | null;
  processId: number;
  processName: string;
  departmentId: number;
  departmentName: string;
  /** Set when the values come from the insight flow. */
  derived: DerivedDefinition | null;
};

function kpiQuery(db: Executor) {
  return db
    .select(kpiColumns)
    .from(kpis)
    .innerJoin(businessProcesses, eq(businessProcesses.id, kpis.businessProcessId))
    .innerJoin(departments, eq(departments.id, businessProcesses.departmentId))
    .leftJoin(channels, eq(channels.id, kpis.channelId));
}

export interface KpiFilter {
  departmentId?: number;
  processId?: number;
  q?: string;
  page?: number;
  pageSize?: number;
}

export async function listKpis(db: Executor, f: KpiFilter = {}) {
  const pageSize = Math.min(Math.max(f.pageSize ?? 50, 1), 200);
  const page = Math.max(f.page ?? 1, 1);
  const conds: SQL[] = [isNull(kpis.archivedAt)];
  if (f.departmentId) conds.push(eq(businessProcesses.departmentId, f.departmentId));
  if (f.processId) conds.push(eq(kpis.businessProcessId, f.processId));
  if (f.q) conds.push(ilike(kpis.name, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const where = and(...conds);
  const [rows, [{ total }]] = await Promise.all([
    kpiQuery(db)
      .where(where)
      .orderBy(asc(departments.name), asc(businessProcesses.name), asc(kpis.name), asc(kpis.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ total: count() })
      .from(kpis)
      .innerJoin(businessProcesses, eq(businessProcesses.id, kpis.businessProcessId))
      .where(where),
  ]);
  return { rows: rows as KpiDto[], total, page, pageSize };
}

export async function getKpi(db: Executor, id: number): Promise<KpiDto | null> {
  const [row] = await kpiQuery(db)
    .where(and(eq(kpis.id, id), isNull(kpis.archivedAt)))
    .limit(1);
  return (row as KpiDto | undefined) ?? null;
}

/** Active KPIs by id, in one query (unknown and archived ids are left out). */
export async function getKpisByIds(db: Executor, ids: readonly number[]): Promise<KpiDto[]> {
  if (ids.length === 0) return [];
  const rows = await kpiQuery(db).where(and(inArray(kpis.id, [...ids]), isNull(kpis.archivedAt)));
  return rows as KpiDto[];
}

export interface KpiInput {
  businessProcessId: number;
  name: string;
  description: string | null;
  unit: KpiDto["unit"];
  direction: KpiDto["direction"];
  period: KpiDto["period"];
  aggregation: KpiDto["aggregation"];
  channelId: number | null;
  target: number;
  warningThreshold: number;
  criticalThreshold: number;
  /** Set: the KPI's values come from the insight flow (lib/kpis/derived.ts), not from people. */
  derived?: DerivedDefinition | null;
}

async function checkKpiInput(db: Executor, input: KpiInput, exceptId?: number) {
  if (input.derived) {
    const derivedErrors = definitionErrors(input.derived, input);
    if (derivedErrors) throw new AppError("validation_failed", "derived definition cannot be computed", derivedErrors);
  }
  // Target and thresholds must be values of the unit (a share's within 0–100), then in order.
  const boundErrors = checkKpiBounds(input);
  if (boundErrors) throw new AppError("validation_failed", "target or thresholds outside the unit", boundErrors);
  const thresholdErrors = validateThresholds(input);
  if (thresholdErrors) throw new AppError("validation_failed", "thresholds out of order", thresholdErrors);
  const [proc] = await db
    .select({ id: businessProcesses.id, archivedAt: businessProcesses.archivedAt })
    .from(businessProcesses)
    .where(eq(businessProcesses.id, input.businessProcessId))
    .limit(1);
  if (!proc || proc.archivedAt) {
    throw new AppError("validation_failed", "unknown process", { businessProcessId: ["validation.invalidChoice"] });
  }
  if (input.channelId != null) {
    const [ch] = await db.select({ id: channels.id }).from(channels).where(eq(channels.id, input.channelId)).limit(1);
    if (!ch) throw new AppError("validation_failed", "unknown channel", { channelId: ["validation.invalidChoice"] });
  }
  // Names repeat across processes ("Reichweite"), but not within one: people pick KPIs by name.
  const same = await db
    .select({ id: kpis.id })
    .from(kpis)
    .where(
      and(
        eq(kpis.businessProcessId, input.businessProcessId),
        isNull(kpis.archivedAt),
        ilike(kpis.name, input.name.replace(/[\\%_]/g, (c) => `\\${c}`)),
      ),
    );
  if (same.some((r) => r.id !== exceptId)) {
    throw new AppError("conflict", "name taken in this process", { name: ["kpis.errors.nameTaken"] });
  }
}

export async function createKpi(db: Executor, actorId: number | null, input: KpiInput) {
  return db.transaction(async (tx) => {
    await checkKpiInput(tx, input);
    const [row] = await tx.insert(kpis).values(input).returning();
    await recordAudit(tx, { actorId, action: "kpi.create", entityType: "kpi", entityId: row.id, after: row });
    return row;
  });
}

export async function updateKpi(db: Executor, actorId: number | null, id: number, input: KpiInput) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(kpis).where(and(eq(kpis.id, id), isNull(kpis.archivedAt))).for("update");
    if (!before) throw new AppError("not_found", "KPI not found");
    await checkKpiInput(tx, input, id);
    const [row] = await tx
      .update(kpis)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(kpis.id, id))
      .returning();
    await recordAudit(tx, { actorId, action: "kpi.update", entityType: "kpi", entityId: id, before, after: row });
    return row;
  });
}

/** KPIs someone may record values for, for pickers and CSV name lookups (derived ones take none). */
export async function writableKpis(db: Executor, scope: DepartmentScope) {
  const conds: SQL[] = [isNull(kpis.archivedAt), isNull(kpis.derived)];
  if (!scope.all) {
    if (scope.departmentId == null) return [];
    conds.push(eq(businessProcesses.departmentId, scope.departmentId));
  }
  const rows = await kpiQuery(db)
    .where(and(...conds))
    .orderBy(asc(departments.name), asc(businessProcesses.name), asc(kpis.name));
  return rows as KpiDto[];
}

/** Ids of all active KPIs, so an import can tell "not yours" from "does not exist". */
export async function activeKpiIds(db: Executor): Promise<Set<number>> {
  const rows = await db.select({ id: kpis.id }).from(kpis).where(isNull(kpis.archivedAt));
  return new Set(rows.map((r) => r.id));
}

/** Names of channels and departments by id, for describing a derived KPI's filters. */
export async function channelNames(db: Executor, ids: number[]): Promise<string[]> {
  return (await db.select({ name: channels.name }).from(channels).where(inArray(channels.id, ids)).orderBy(asc(channels.name))).map((r) => r.name);
}

export async function departmentNames(db: Executor, ids: number[]): Promise<string[]> {
  return (await db.select({ name: departments.name }).from(departments).where(inArray(departments.id, ids)).orderBy(asc(departments.name))).map((r) => r.name);
}
