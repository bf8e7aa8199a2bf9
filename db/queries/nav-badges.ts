import { type SQL, sql, type SQLWrapper } from "drizzle-orm";
import type { Executor } from "../client";
import { openAlertsCountQuery } from "./alerts";
import { draftCrisesCountQuery } from "./crises";
import type { SessionUser } from "./auth";
import { listAwaitingSignoff, pendingGuidelinesQuery } from "./guidelines";
import { insightBadgeQuery } from "./insights";
import { unreadNotificationsQuery } from "./notifications";
import { signoffFunctionsOf } from "./users";
import { disabledWebhookEndpointsQuery } from "./webhooks";
import { alertScope } from "@/lib/kpis/scope";
import { can, type NavKey } from "@/lib/permissions";

export interface NavCounts {
  /** Counts shown next to navigation entries; a section without a counter shows no badge. */
  badges: Partial<Record<NavKey, number>>;
  /** The bell's unread notifications. */
  unread: number;
}

/**
 * Every counter of the navigation and the bell, read in one statement (one scalar subquery each):
 * the layout runs this on every page, where one round trip per counter added up.
 */
export async function navCounts(db: Executor, user: SessionUser): Promise<NavCounts> {
  const parts: [string, SQLWrapper | null][] = [
    // Guidelines waiting for this person's acknowledgment.
    ["guidelines", can(user.role, "guidelines:acknowledge") ? pendingGuidelinesQuery(db, user) : null],
    // Triage for the central unit, newly routed for a department head.
    ["insights", can(user.role, "insights:read") ? insightBadgeQuery(db, user) : null],
    // Open alerts nobody has acknowledged yet, in the part of the company the user looks after.
    ["alerts", can(user.role, "alerts:read") ? openAlertsCountQuery(db, alertScope(user)) : null],
    // Webhook endpoints switched off after failing deliveries (Admin → Webhooks says which).
    ["webhooks", can(user.role, "admin:tokens") ? disabledWebhookEndpointsQuery(db) : null],
    // Crises the early warning drafted, waiting for the central unit to confirm or dismiss them.
    ["drafts", can(user.role, "crisis:manage") ? draftCrisesCountQuery(db) : null],
    ["unread", unreadNotificationsQuery(db, user.id)],
  ];
  const columns: SQL[] = parts.map(([name, q]) => (q ? sql`(${q})::int as ${sql.identifier(name)}` : sql`0 as ${sql.identifier(name)}`));
  // Versions in review waiting for a sign-off function this person holds (legal, data protection,
  // works council): most signatories are employees with no other way to notice. Few people hold one.
  const functions = user.signoffFunctions ?? (await signoffFunctionsOf(db, user.id));
  const [res, signoffs] = await Promise.all([
    db.execute(sql`select ${sql.join(columns, sql`, `)}`),
    functions.length ? listAwaitingSignoff(db, { functions, pageSize: 1 }).then((r) => r.awaiting) : 0,
  ]);
  const n = res.rows[0] as Record<string, number | string>;
  const c = (name: string) => Number(n[name] ?? 0);
  const badges: Partial<Record<NavKey, number>> = {};
  if (c("guidelines") + signoffs > 0) badges.guidelines = c("guidelines") + signoffs;
  if (c("insights") > 0) badges.insights = c("insights");
  if (c("alerts") > 0) badges.alerts = c("alerts");
  if (c("webhooks") > 0) badges.admin = c("webhooks");
  if (c("drafts") > 0) badges.crisis = c("drafts");
  return { badges, unread: c("unread") };
}

/** The navigation's badges alone. */
export async function navBadgeCounts(db: Executor, user: SessionUser): Promise<Partial<Record<NavKey, number>>> {
  return (await navCounts(db, user)).badges;
}
