import type { Role } from "@/db/schema";
import { can } from "@/lib/permissions";

/** Which departments' KPIs someone may touch: all of them, or one (none when without a department). */
export type DepartmentScope = { all: true } | { all: false; departmentId: number | null };

interface Person {
  role: Role;
  departmentId: number | null;
}

/** The central unit (who defines KPIs) records values for every process; department heads for their own. */
export function measurementScope(user: Person): DepartmentScope {
  return can(user.role, "kpis:write") ? { all: true } : { all: false, departmentId: user.departmentId };
}

/** Alerts are handled where values are recorded: heads see and acknowledge their department's. */
export function alertScope(user: Person): DepartmentScope {
  return can(user.role, "overview:read_all") || can(user.role, "kpis:write")
    ? { all: true }
    : { all: false, departmentId: user.departmentId };
}

export function overviewScope(user: Person): DepartmentScope {
  return can(user.role, "overview:read_all") ? { all: true } : { all: false, departmentId: user.departmentId };
}

export function inScope(scope: DepartmentScope, departmentId: number): boolean {
  return scope.all || scope.departmentId === departmentId;
}
