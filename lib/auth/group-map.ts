// Which role and department a person signing in through the company directory (OpenID Connect)
// gets, from the groups their ID token names. Pure: the mapping comes from the database (Admin →
// Single sign-on), preset by OIDC_GROUP_MAP; see db/queries/sso.ts.
import { ROLES, type Role } from "@/lib/enums";

export interface GroupGrant {
  role: Role;
  /** A department's slug; required for department heads, optional for employees, ignored otherwise. */
  department?: string;
}

/** The roles from most to fewest rights: when several of a person's groups map, the first wins. */
export const ROLES_BY_RIGHTS: readonly Role[] = ["admin", "manager", "executive", "department_head", "employee"];

/** Roles whose records are scoped to one department. */
export function roleHasDepartment(role: Role): boolean {
  return role === "department_head" || role === "employee";
}

export const GROUP_NAME_MAX = 256;

/**
 * Reads OIDC_GROUP_MAP: a JSON object from group name to `{ "role": "manager" }` or
 * `{ "role": "department_head", "department": "<slug>" }`. Throws an Error naming the first
 * problem, so a typo stops the start instead of silently granting nothing (or too much).
 */
export function parseGroupMap(json: string): Map<string, GroupGrant> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error("OIDC_GROUP_MAP is not valid JSON");
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new Error('OIDC_GROUP_MAP must be a JSON object: { "<group>": { "role": "manager" }, … }');
  }
  const map = new Map<string, GroupGrant>();
  for (const [group, value] of Object.entries(raw)) {
    const name = group.trim();
    if (!name || name.length > GROUP_NAME_MAX) throw new Error(`OIDC_GROUP_MAP: group names must have 1 to ${GROUP_NAME_MAX} characters`);
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new Error(`OIDC_GROUP_MAP["${name}"] must be an object with a "role"`);
    }
    const { role, department, ...rest } = value as Record<string, unknown>;
    const extra = Object.keys(rest);
    if (extra.length) throw new Error(`OIDC_GROUP_MAP["${name}"]: unknown field "${extra[0]}" (allowed: role, department)`);
    if (typeof role !== "string" || !(ROLES as readonly string[]).includes(role)) {
      throw new Error(`OIDC_GROUP_MAP["${name}"].role must be one of ${ROLES.join(", ")}`);
    }
    if (department !== undefined && (typeof department !== "string" || !/^[a-z0-9-]{1,100}$/.test(department))) {
      throw new Error(`OIDC_GROUP_MAP["${name}"].department must be a department's slug (lower-case letters, digits, hyphens)`);
    }
    if (role === "department_head" && department === undefined) {
      throw new Error(`OIDC_GROUP_MAP["${name}"]: a department_head needs a "department"`);
    }
    map.set(name, { role: role as Role, ...(department !== undefined && roleHasDepartment(role as Role) ? { department } : {}) });
  }
  return map;
}

/**
 * The group names in an ID token's claim: an array of strings or one string. Anything else (a
 * missing claim, numbers, objects) counts as no groups. Names are compared exactly.
 */
export function groupsFromClaim(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
  return [...new Set(list.filter((g): g is string => typeof g === "string" && g.length > 0 && g.length <= GROUP_NAME_MAX))];
}

/**
 * The grant for a person in these groups: the mapped group with the most rights (ties broken by the
 * group name, so the outcome never depends on the order the IdP lists them in), else the default
 * role when one is configured, else null (refused).
 */
export function resolveGrant<G extends GroupGrant>(
  groups: readonly string[],
  mapping: ReadonlyMap<string, G>,
  defaultRole: Role | null,
): ((G & { group: string }) | { role: Role; group: null }) | null {
  let best: (G & { group: string }) | null = null;
  for (const group of [...groups].sort()) {
    const grant = mapping.get(group);
    if (!grant) continue;
    if (!best || ROLES_BY_RIGHTS.indexOf(grant.role) < ROLES_BY_RIGHTS.indexOf(best.role)) best = { ...grant, group };
  }
  if (best) return best;
  return defaultRole ? { role: defaultRole, group: null } : null;
}
