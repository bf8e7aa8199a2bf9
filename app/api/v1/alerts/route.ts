import { NextResponse } from "next/server";
import { type AlertDto, listAlerts } from "@/db/queries/alerts";
import { departmentIdByRef } from "@/db/queries/departments";
import { readQuery, tokenRoute } from "@/lib/api";
import { type ApiAlert, alertListQuery } from "@/lib/schemas/api-v1";

export const dynamic = "force-dynamic";

function toApi(a: AlertDto): ApiAlert {
  return {
    id: a.id,
    kind: a.kind,
    severity: a.severity,
    status: a.status,
    kpi: a.kpiId !== null && a.kpiName !== null && a.kpiUnit !== null ? { id: a.kpiId, name: a.kpiName, unit: a.kpiUnit, period: a.kpiPeriod } : null,
    department: a.departmentId !== null && a.departmentName !== null ? { id: a.departmentId, name: a.departmentName } : null,
    periodStart: a.periodStart,
    since: a.since,
    value: a.value,
    target: a.target,
    message: a.message,
    openedAt: a.openedAt.toISOString(),
    escalatedAt: a.escalatedAt?.toISOString() ?? null,
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
  };
}

/** KPI threshold and crisis alerts company-wide, newest first (scope `alerts:read`), paged by number. */
export const GET = tokenRoute("alerts:read", async (req, { db }) => {
  const q = readQuery(req, alertListQuery);
  const departmentId = q.department ? await departmentIdByRef(db, q.department) : undefined;
  const result = await listAlerts(db, {
    scope: { all: true },
    status: q.status,
    kind: q.kind,
    severity: q.severity,
    departmentId,
    page: q.page,
    pageSize: q.pageSize,
  });
  return NextResponse.json({ data: result.rows.map(toApi), page: result.page, pageSize: result.pageSize, total: result.total });
});
