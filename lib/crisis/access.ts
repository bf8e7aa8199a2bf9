import type { Role } from "@/lib/enums";
import { can } from "@/lib/permissions";

/**
 * Who sees crisis rooms: executives, managers and the communications department see every one;
 * other department heads see those that concern their department (a channel of theirs is
 * affected, or a checklist step is theirs); nobody else sees any.
 */
export type CrisisScope = { all: true } | { all: false; departmentId: number };

export function crisisScope(user: { role: Role; departmentId: number | null }, departmentKind: string | null): CrisisScope | null {
  if (!can(user.role, "crisis:read")) return null;
  if (user.role === "manager" || user.role === "executive") return { all: true };
  if (departmentKind === "communications") return { all: true };
  return user.departmentId == null ? null : { all: false, departmentId: user.departmentId };
}
