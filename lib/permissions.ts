import type { Role } from "@/db/schema";

export { ROLES } from "@/lib/enums";

/**
 * Every permission the product knows. Scoped permissions (e.g. `insights:act` is limited to the
 * user's own department) are checked for scope where the data is loaded; this matrix says only
 * whether a role may do the kind of thing at all.
 */
export const PERMISSIONS = [
  "overview:read",
  "overview:read_all",
  "guidelines:read",
  "guidelines:write",
  "guidelines:signoff",
  "guidelines:coverage_names",
  "guidelines:acknowledge",
  "channels:read",
  "channels:write",
  "channels:edit_strategy",
  "connectors:manage",
  "processes:write",
  "kpis:read",
  "kpis:write",
  "measurements:write",
  /** Measures (campaigns, initiatives) with costs and benefit: heads for their department's processes. */
  "measures:read",
  "measures:write",
  "alerts:read",
  "alerts:acknowledge",
  "insights:read",
  "insights:triage",
  "insights:act",
  "rules:write",
  "crisis:read",
  "crisis:manage",
  /** Data subject requests (GDPR Art. 15/17) about social media authors: the managers. */
  "privacy:subjects",
  "admin:users",
  "admin:departments",
  "admin:audit",
  "admin:tokens",
  "admin:jobs",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const ALL: readonly Permission[] = PERMISSIONS;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // IT runs the installation: people, departments, tokens, audit. Content reads are allowed so
  // an admin can support users; content writes stay with the central unit.
  admin: [
    "overview:read",
    "overview:read_all",
    "guidelines:read",
    "guidelines:signoff",
    "guidelines:coverage_names",
    "guidelines:acknowledge",
    "channels:read",
    "channels:write",
    "kpis:read",
    "alerts:read",
    "insights:read",
    "admin:users",
    "admin:departments",
    "admin:audit",
    "admin:tokens",
    "admin:jobs",
  ],
  manager: ALL.filter((p) => !p.startsWith("admin:") && p !== "insights:act"),
  department_head: [
    "overview:read",
    "guidelines:read",
    "guidelines:acknowledge",
    "channels:read",
    "channels:edit_strategy",
    "kpis:read",
    "measurements:write",
    "measures:read",
    "measures:write",
    "alerts:read",
    "alerts:acknowledge",
    "insights:read",
    "insights:act",
    "crisis:read",
  ],
  executive: [
    "overview:read",
    "overview:read_all",
    "guidelines:read",
    "guidelines:acknowledge",
    "channels:read",
    "kpis:read",
    "measures:read",
    "alerts:read",
    "crisis:read",
  ],
  employee: ["guidelines:read", "guidelines:acknowledge", "channels:read"],
};

export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return ROLE_PERMISSIONS[role]?.includes(permission) ?? false;
}

export type NavKey = "overview" | "guidelines" | "channels" | "kpis" | "measures" | "insights" | "alerts" | "crisis" | "admin";

export const NAV: { key: NavKey; href: string; permission: Permission }[] = [
  { key: "overview", href: "/overview", permission: "overview:read" },
  { key: "guidelines", href: "/guidelines", permission: "guidelines:read" },
  { key: "channels", href: "/channels", permission: "channels:read" },
  { key: "kpis", href: "/kpis", permission: "kpis:read" },
  { key: "measures", href: "/measures", permission: "measures:read" },
  { key: "insights", href: "/insights", permission: "insights:read" },
  { key: "alerts", href: "/alerts", permission: "alerts:read" },
  { key: "crisis", href: "/crisis", permission: "crisis:read" },
  { key: "admin", href: "/admin", permission: "admin:users" },
];

export function navFor(role: Role): NavKey[] {
  return NAV.filter((n) => can(role, n.permission)).map((n) => n.key);
}

/** Where a role lands after login. */
export function homeFor(role: Role): string {
  switch (role) {
    case "admin":
      return "/admin";
    case "manager":
      return "/insights";
    case "department_head":
      return "/insights";
    case "executive":
      return "/overview";
    case "employee":
      return "/guidelines/mine";
  }
}
