import { and, count, desc, eq, ne, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { alerts, departments, kpis, users } from "../schema";
import { recordAudit } from "./audit";
import { arrayLiteral } from "./sql-array";
import { AppError } from "@/lib/errors";
import type { KpiAlert } from "@/lib/kpis/overview";
import { type DepartmentScope, inScope } from "@/lib/kpis/scope";
import type { KpiUnit } from "@/lib/kpis/units";

export type AlertStatus = "open" | "acknowledged" | "resolved";

export interface AlertFilter {
  scope: DepartmentScope;
  /** "unresolved" = open or acknowledged. */
  status?: AlertStatus | "unresolved";
  severity?: "warning" | "critical";
  kind?: "threshold" | "crisis";
  departmentId?: number;
  kpiId?: number;
  page?: number;
  pageSize?: number;
}

export interface AlertDto {
  id: number;
  kind: "threshold" | "crisis";
  severity: "warning" | "critical";
  status: AlertStatus;
  kpiId: number | null;
  kpiName: string | null;
  kpiUnit: KpiUnit | null;
  kpiPeriod: "week" | "month" | "quarter" | null;
  departmentId: number | null;
  departmentName: string | null;
  periodStart: string | null;
  /** Start of the first period that crossed the threshold (threshold alerts). */
  since: string | null;
  value: number | null;
  target: number | null;
  message: string | null;
  openedAt: Date;
  escalatedAt: Date | null;
  acknowledgedAt: Date | null;
  acknowledgedByName: string | null;
  acknowledgeComment: string | null;
  resolvedAt: Date | null;
}

function scopeConditions(f: Pick<AlertFilter, "scope" | "status" | "severity" | "kind" | "departmentId" | "kpiId">): SQL[] | null {
  const conds: SQL[] = [];
  if (!f.scope.all) {
    if (f.scope.departmentId == null) return null;
    conds.push(eq(alerts.departmentId, f.scope.departmentId));
  }
  if (f.status === "unresolved") conds.push(ne(alerts.status, "resolved"));
  else if (f.status) conds.push(eq(alerts.status, f.status));
  if (f.severity) conds.push(eq(alerts.severity, f.severity));
  if (f.kind) conds.push(eq(alerts.kind, f.kind));
  if (f.departmentId) conds.push(eq(alerts.departmentId, f.departmentId));
  if (f.kpiId) conds.push(eq(alerts.kpiId, f.kpiId));
  return conds;
}

export async function listAlerts(db: Executor, f: AlertFilter) {
  const pageSize = Math.min(Math.max(f.pageSize ?? 25, 1), 200);
  const page = Math.max(f.page ?? 1, 1);
  const conds = scopeConditions(f);
  if (!conds) return { rows: [] as AlertDto[], total: 0, page, pageSize };
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: alerts.id,
        kind: alerts.kind,
        severity: alerts.severity,
        status: alerts.status,
        kpiId: alerts.kpiId,
        kpiName: kpis.name,
        kpiUnit: kpis.unit,
        kpiPeriod: kpis.period,
        departmentId: alerts.departmentId,
        departmentName: departments.name,
        periodStart: alerts.periodStart,
        since: alerts.since,
        value: alerts.value,
        target: kpis.target,
        message: alerts.message,
        openedAt: alerts.openedAt,
        escalatedAt: alerts.escalatedAt,
        acknowledgedAt: alerts.acknowledgedAt,
        acknowledgedByName: users.name,
        acknowledgeComment: alerts.acknowledgeComment,
        resolvedAt: alerts.resolvedAt,
      })
      .from(alerts)
      .leftJoin(kpis, eq(kpis.id, alerts.kpiId))
      .leftJoin(departments, eq(departments.id, alerts.departmentId))
      .leftJoin(users, eq(users.id, alerts.acknowledgedBy))
      .where(where)
      .orderBy(desc(alerts.openedAt), desc(alerts.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(alerts).where(where),
  ]);
  return { rows: rows as AlertDto[], total, page, pageSize };
}

/** Alerts that still need someone's attention (open, not yet acknowledged), for the navigation badge. */
/** The count of open alerts in a scope as a query (the navigation reads it with its other counters), or null: none to count. */
export function openAlertsCountQuery(db: Executor, scope: DepartmentScope) {
  const conds = scopeConditions({ scope, status: "open" });
  return conds ? db.select({ n: count() }).from(alerts).where(and(...conds)) : null;
}

export async function countOpenAlerts(db: Executor, scope: DepartmentScope): Promise<number> {
  const q = openAlertsCountQuery(db, scope);
  return q ? (await q)[0].n : 0;
}

export async function acknowledgeAlert(
  db: Executor,
  actor: { userId: number; scope: DepartmentScope },
  input: { id: number; comment: string },
) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(alerts).where(eq(alerts.id, input.id)).for("update");
    if (!before) throw new AppError("not_found", "alert not found");
    if (before.departmentId == null ? !actor.scope.all : !inScope(actor.scope, before.departmentId)) {
      throw new AppError("forbidden", "alert of another department");
    }
    if (before.status !== "open") {
      throw new AppError("conflict", "alert is not open", { _form: ["alerts.errors.notOpen"] });
    }
    const [row] = await tx
      .update(alerts)
      .set({ status: "acknowledged", acknowledgedBy: actor.userId, acknowledgedAt: new Date(), acknowledgeComment: input.comment })
      .where(eq(alerts.id, input.id))
      .returning();
    await recordAudit(tx, { actorId: actor.userId, action: "alert.acknowledge", entityType: "alert", entityId: input.id, before, after: row });
    return row;
  });
}

/**
 * The one unresolved threshold alert of each given KPI, keyed by KPI: every view that shows a KPI
 * shows its alert. A lookup on the partial unique index of unresolved threshold alerts.
 */
export async function openAlertsByKpi(db: Executor, kpiIds: readonly number[]): Promise<Map<number, KpiAlert>> {
  if (kpiIds.length === 0) return new Map();
  const rows = await db
    .select({
      id: alerts.id,
      kpiId: alerts.kpiId,
      severity: alerts.severity,
      status: alerts.status,
      periodStart: alerts.periodStart,
      since: alerts.since,
      value: alerts.value,
    })
    .from(alerts)
    // One array parameter: the overview asks for thousands of KPIs, and as many parameters cost more
    // to send, parse and plan than the lookup itself.
    .where(and(sql`${alerts.kpiId} = any(${arrayLiteral(kpiIds)}::integer[])`, eq(alerts.kind, "threshold"), ne(alerts.status, "resolved")));
  return new Map(
    rows.map((r) => [
      r.kpiId!,
      {
        id: r.id,
        severity: r.severity,
        status: r.status as KpiAlert["status"],
        periodStart: r.periodStart!,
        since: r.since ?? r.periodStart!,
        value: r.value,
      },
    ]),
  );
}
