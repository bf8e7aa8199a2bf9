import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { businessProcesses, departments, kpis } from "../schema";
import { countOpenAlerts, listAlerts, openAlertsByKpi } from "./alerts";
import { kpiRuleColumns } from "./kpis";
import { windowAggregates } from "./measurements";
import { buildOverview, type KpiDefinition, overviewLayout } from "@/lib/kpis/overview";
import type { Day, WindowKind } from "@/lib/kpis/periods";
import type { DepartmentScope } from "@/lib/kpis/scope";

export type OverviewData = Awaited<ReturnType<typeof getOverview>>;

/**
 * The executive overview for the window of `kind` containing `anchor`: every active KPI in scope
 * with its figure, the previous window's, trend and sparkline, plus RAG counts and open alerts.
 * A fixed number of queries however many KPIs: definitions, ids, per-step sums and last values, alerts.
 */
export async function getOverview(db: Executor, opts: { kind: WindowKind; anchor: Day; today: Day; scope: DepartmentScope }) {
  const conds: SQL[] = [isNull(kpis.archivedAt), isNull(businessProcesses.archivedAt)];
  if (!opts.scope.all) {
    conds.push(opts.scope.departmentId == null ? eq(departments.id, -1) : eq(departments.id, opts.scope.departmentId));
  }
  const where = and(...conds);
  // The definitions (names, sorted) and the KPIs' ids are asked for side by side: the sums, the
  // longest part, start as soon as the short list of ids is there.
  const defsQuery = db
    .select({
      id: kpis.id,
      name: kpis.name,
      unit: kpis.unit,
      ...kpiRuleColumns,
      processId: businessProcesses.id,
      processName: businessProcesses.name,
      departmentId: departments.id,
      departmentName: departments.name,
    })
    .from(kpis)
    .innerJoin(businessProcesses, eq(businessProcesses.id, kpis.businessProcessId))
    .innerJoin(departments, eq(departments.id, businessProcesses.departmentId))
    .where(where)
    .orderBy(asc(departments.name), asc(departments.id), asc(businessProcesses.name), asc(businessProcesses.id), asc(kpis.name), asc(kpis.id));
  const idsQuery = db
    .select({ id: kpis.id, aggregation: kpis.aggregation })
    .from(kpis)
    .innerJoin(businessProcesses, eq(businessProcesses.id, kpis.businessProcessId))
    .innerJoin(departments, eq(departments.id, businessProcesses.departmentId))
    .where(where);
  const layout = overviewLayout(opts.anchor, opts.kind);
  const [defs, [buckets, byKpi], openAlerts, openAlertCount] = await Promise.all([
    defsQuery as Promise<KpiDefinition[]>,
    idsQuery.then(async (ids) => {
      const kpiIds = ids.map((d) => d.id);
      const lastKpiIds = ids.filter((d) => d.aggregation === "last").map((d) => d.id);
      const [sums, alertsByKpi] = await Promise.all([windowAggregates(db, { kpiIds, lastKpiIds, buckets: layout.buckets }), openAlertsByKpi(db, kpiIds)]);
      return [sums, alertsByKpi] as const;
    }),
    listAlerts(db, { scope: opts.scope, status: "unresolved", pageSize: 8 }),
    countOpenAlerts(db, opts.scope),
  ]);
  return {
    kind: opts.kind,
    today: opts.today,
    ...buildOverview(defs, buckets, layout, opts.today, byKpi),
    alerts: {
      open: openAlertCount,
      unresolvedTotal: openAlerts.total,
      // Plain JSON (no Date objects): the same data is prefetched on the server and fetched by the client.
      latest: openAlerts.rows.map((a) => ({
        id: a.id,
        kpiId: a.kpiId,
        kpiName: a.kpiName,
        kpiUnit: a.kpiUnit,
        departmentId: a.departmentId,
        departmentName: a.departmentName,
        severity: a.severity,
        status: a.status,
        value: a.value,
        periodStart: a.periodStart,
        since: a.since,
        openedAt: a.openedAt.toISOString(),
      })),
    },
  };
}
