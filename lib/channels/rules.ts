import type { ChannelStatus, Responsibility, Role } from "@/db/schema";
import type { FieldErrors } from "@/lib/errors";
import { can } from "@/lib/permissions";

/** What the rules need to know about a person picked as owner or deputy. */
export interface PersonState {
  active: boolean;
}

export interface ChannelRuleInput {
  status: ChannelStatus;
  ownerId: number | null;
  deputyId: number | null;
  hasOwningDepartment: boolean;
}

/**
 * The rules a channel must satisfy beyond the shape of its fields. `people` holds the users the
 * ids refer to; an id missing from it is a user that does not exist.
 */
export function channelRuleErrors(input: ChannelRuleInput, people: ReadonlyMap<number, PersonState>): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, key: string) => (errors[field] ??= []).push(key);
  if (input.ownerId != null && !people.get(input.ownerId)?.active) add("ownerId", "validation.activeUser");
  if (input.deputyId != null && !people.get(input.deputyId)?.active) add("deputyId", "validation.activeUser");
  if (input.ownerId != null && input.ownerId === input.deputyId) add("deputyId", "channels.errors.deputySameAsOwner");
  if (input.status === "active" && !input.hasOwningDepartment) add("status", "channels.errors.activeNeedsOwningDepartment");
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** Handles are compared as the platforms do: case-insensitively, with a leading "@" ignored. */
export function normalizeHandle(raw: string | null | undefined): string | null {
  const h = (raw ?? "").trim().replace(/^@/, "").trim();
  return h ? h : null;
}

export interface AssignmentState {
  departmentId: number;
  responsibility: Responsibility;
}

export type AssignmentChange =
  | { kind: "set"; departmentId: number; responsibility: Responsibility }
  | { kind: "remove"; departmentId: number };

export type AssignmentPlan =
  | { ok: true; next: AssignmentState[]; demotedOwner: number | null }
  | { ok: false; field: string; error: string };

/**
 * Applies one assignment change. A channel has at most one owning department, so naming a new
 * owner hands ownership over and the previous owner stays on as contributor. An active channel
 * must keep an owning department: taking it away without naming another is refused.
 */
export function planAssignment(status: ChannelStatus, current: readonly AssignmentState[], change: AssignmentChange): AssignmentPlan {
  const existing = current.find((a) => a.departmentId === change.departmentId);
  const losesOwner =
    existing?.responsibility === "owner" && (change.kind === "remove" || change.responsibility !== "owner");
  if (losesOwner && status === "active") {
    return { ok: false, field: change.kind === "remove" ? "_form" : "responsibility", error: "channels.errors.ownerRequired" };
  }
  if (change.kind === "remove") {
    if (!existing) return { ok: false, field: "_form", error: "channels.errors.notAssigned" };
    return { ok: true, next: current.filter((a) => a.departmentId !== change.departmentId), demotedOwner: null };
  }
  let demotedOwner: number | null = null;
  const next = current
    .filter((a) => a.departmentId !== change.departmentId)
    .map((a) => {
      if (change.responsibility === "owner" && a.responsibility === "owner") {
        demotedOwner = a.departmentId;
        return { ...a, responsibility: "contributor" as const };
      }
      return a;
    });
  next.push({ departmentId: change.departmentId, responsibility: change.responsibility });
  return { ok: true, next, demotedOwner };
}

export interface StrategyEditor {
  role: Role;
  departmentId: number | null;
}

/**
 * Who may change a channel's strategy answers: whoever may edit channels at all, and a department
 * head for the channels their own department owns.
 */
export function canEditStrategy(user: StrategyEditor, owningDepartmentId: number | null): boolean {
  if (can(user.role, "channels:write")) return true;
  if (!can(user.role, "channels:edit_strategy")) return false;
  return owningDepartmentId != null && user.departmentId === owningDepartmentId;
}
