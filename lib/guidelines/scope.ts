/**
 * Who a guideline applies to. Company-wide: every active user. Departments: their active members.
 * Channels: the active members of every department assigned to one of those channels (in any
 * responsibility: owner, contributor or reader all work with the channel).
 */

export type ScopeKind = "company" | "departments" | "channels";

export interface GuidelineScope {
  kind: ScopeKind;
  departmentIds: readonly number[];
  channelIds: readonly number[];
}

export interface ScopeUser {
  id: number;
  departmentId: number | null;
  active: boolean;
}

export interface ChannelAssignment {
  channelId: number;
  departmentId: number;
}

/** The departments a scope reaches; `"all"` for company-wide. */
export function scopeDepartments(scope: GuidelineScope, assignments: readonly ChannelAssignment[]): Set<number> | "all" {
  if (scope.kind === "company") return "all";
  if (scope.kind === "departments") return new Set(scope.departmentIds);
  const channels = new Set(scope.channelIds);
  return new Set(assignments.filter((a) => channels.has(a.channelId)).map((a) => a.departmentId));
}

export function appliesTo(
  scope: GuidelineScope,
  user: Omit<ScopeUser, "id">,
  assignments: readonly ChannelAssignment[],
): boolean {
  if (!user.active) return false;
  const deps = scopeDepartments(scope, assignments);
  if (deps === "all") return true;
  return user.departmentId !== null && deps.has(user.departmentId);
}

export function affectedUsers<U extends ScopeUser>(
  scope: GuidelineScope,
  users: readonly U[],
  assignments: readonly ChannelAssignment[],
): U[] {
  const deps = scopeDepartments(scope, assignments);
  return users.filter((u) => u.active && (deps === "all" || (u.departmentId !== null && deps.has(u.departmentId))));
}
