import type { SessionUser } from "@/lib/auth/session";
import { type DepartmentScope, measurementScope, overviewScope } from "@/lib/kpis/scope";
import { can } from "@/lib/permissions";

/** Whose measures someone reads: the central unit and executives every department's, a head their own. */
export function measureReadScope(user: Pick<SessionUser, "role" | "departmentId">): DepartmentScope {
  return can(user.role, "kpis:write") ? { all: true } : overviewScope(user);
}

/** Whose measures someone writes: managers every department's, a head their own (as for KPI values). */
export function measureWriteScope(user: Pick<SessionUser, "role" | "departmentId">): DepartmentScope | null {
  return can(user.role, "measures:write") ? measurementScope(user) : null;
}
