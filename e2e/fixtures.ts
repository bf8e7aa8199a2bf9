import path from "node:path";
import type { Browser, Page } from "@playwright/test";

export const PASSWORD = "demo-password";

/** The app's session secret in end-to-end runs (playwright.config.ts); specs sign links with it, e.g. an expired briefing link. */
export const E2E_SECRET = "e2e-secret-0123456789abcdef";

export const ROLES = {
  admin: "admin@example.com",
  manager: "manager@example.com",
  rnd: "head.rnd@example.com",
  service: "head.service@example.com",
  hr: "head.hr@example.com",
  sales: "head.sales@example.com",
  exec: "exec@example.com",
  employee: "employee@example.com",
  /** An employee who holds the works council's sign-off function. */
  worksCouncil: "betriebsrat@example.com",
} as const;

export type RoleKey = keyof typeof ROLES;

/** Stored login state per role, written once by auth.setup.ts. */
export function storageFor(role: RoleKey): string {
  return path.join(import.meta.dirname, ".auth", `${role}.json`);
}

/**
 * The company's calendar day `daysAgo` days before today, as ISO `yyyy-MM-dd`: the day in Berlin,
 * whatever the test machine's time zone, so a run at 23:30 UTC on 31 December writes for 1 January
 * like the server does.
 */
export function berlinDay(daysAgo = 0): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  const [y, m, d] = today.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d - daysAgo)).toISOString().slice(0, 10);
}

/** The same day as German users type it: `dd.MM.yyyy`. */
export function germanBerlinDay(daysAgo = 0): string {
  const [y, m, d] = berlinDay(daysAgo).split("-");
  return `${d}.${m}.${y}`;
}

/**
 * A page signed in as `role`, in a context of its own (axe needs a page made through a context);
 * close it with `page.context().close()`.
 */
export async function pageFor(browser: Browser, role: RoleKey, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ storageState: storageFor(role), ...(viewport ? { viewport } : {}) });
  return context.newPage();
}
