import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { businessProcesses, channels, departments, kpis } from "@/db/schema";
import type { DepartmentScope } from "@/lib/kpis/scope";

/** What the measure form offers a writer: the processes in their scope with their KPIs, and the channels. */
export async function measureFormOptions(db: Executor, scope: DepartmentScope) {
  const inScope = scope.all ? undefined : eq(businessProcesses.departmentId, scope.departmentId ?? -1);
  const [processes, kpiRows, channelRows] = await Promise.all([
    db
      .select({ id: businessProcesses.id, name: businessProcesses.name, departmentName: departments.name })
      .from(businessProcesses)
      .innerJoin(departments, eq(departments.id, businessProcesses.departmentId))
      .where(and(isNull(businessProcesses.archivedAt), inScope))
      .orderBy(asc(departments.name), asc(businessProcesses.name)),
    db
      .select({ id: kpis.id, name: kpis.name, processId: kpis.businessProcessId, unit: kpis.unit })
      .from(kpis)
      .innerJoin(businessProcesses, eq(businessProcesses.id, kpis.businessProcessId))
      .where(and(isNull(kpis.archivedAt), inScope))
      .orderBy(asc(kpis.name)),
    db.select({ id: channels.id, name: channels.name }).from(channels).where(eq(channels.status, "active")).orderBy(asc(channels.name)),
  ]);
  return { processes, kpis: kpiRows, channels: channelRows };
}
