/**
 * Workflow rules of the triage: which ways out an insight has besides a department, and why a
 * routing request leaves an insight where it is. Pure, so the query layer asks here before it writes.
 */

/** Statuses an insight has when the central unit decided it needs no department. */
export const TRIAGE_EXITS = ["no_action", "spam"] as const;
export type TriageExit = (typeof TRIAGE_EXITS)[number];

export const OPEN = ["routed", "accepted"] as const;
export const DONE = ["resolved", "declined"] as const;

export type RouteSkipReason = "not_found" | "same_department" | "done" | "loop_closed";

export interface RoutableState {
  status: string;
  departmentId: number | null;
  loopClosed: boolean;
}

/**
 * Why an insight is not routed to `departmentId`, or null when it may be: a finished insight
 * (resolved, declined, loop closed) stays finished; an open one already with that department is
 * already where it should be. Triage and the triage exits can always be routed.
 */
export function routeSkipReason(current: RoutableState | undefined, departmentId: number): RouteSkipReason | null {
  if (!current) return "not_found";
  if (current.loopClosed) return "loop_closed";
  if ((DONE as readonly string[]).includes(current.status)) return "done";
  if ((OPEN as readonly string[]).includes(current.status) && current.departmentId === departmentId) return "same_department";
  return null;
}

export function isTriageExit(status: string): status is TriageExit {
  return (TRIAGE_EXITS as readonly string[]).includes(status);
}

/** Skipped items per reason, in a stable order, for one message per reason. */
export function groupSkips<T extends { reason: RouteSkipReason }>(skipped: T[]): [RouteSkipReason, T[]][] {
  const order: RouteSkipReason[] = ["same_department", "done", "loop_closed", "not_found"];
  return order.map((r) => [r, skipped.filter((s) => s.reason === r)] as [RouteSkipReason, T[]]).filter(([, list]) => list.length > 0);
}
