import path from "node:path";

export const PASSWORD = "demo-password";

export const ROLES = {
  admin: "admin@example.com",
  manager: "manager@example.com",
  rnd: "head.rnd@example.com",
  service: "head.service@example.com",
  hr: "head.hr@example.com",
  sales: "head.sales@example.com",
  exec: "exec@example.com",
  employee: "employee@example.com",
} as const;

export type RoleKey = keyof typeof ROLES;

/** Stored login state per role, written once by auth.setup.ts. */
export function storageFor(role: RoleKey): string {
  return path.join(import.meta.dirname, ".auth", `${role}.json`);
}
