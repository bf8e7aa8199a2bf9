import type { Executor } from "../client";
import { countOpenAlerts } from "./alerts";
import { countDraftCrises } from "./crises";
import type { SessionUser } from "./auth";
import { countPendingGuidelines, listAwaitingSignoff } from "./guidelines";
import { insightBadgeCount } from "./insights";
import { signoffFunctionsOf } from "./users";
import { countDisabledWebhookEndpoints } from "./webhooks";
import { alertScope } from "@/lib/kpis/scope";
import { can, type NavKey } from "@/lib/permissions";

/** Counts shown next to navigation entries; a section without a counter shows no badge. */
export async function navBadgeCounts(db: Executor, user: SessionUser): Promise<Partial<Record<NavKey, number>>> {
  const [guidelines, signoffs, insights, alerts, webhooks, drafts] = await Promise.all([
    // Guidelines waiting for this person's acknowledgment.
    can(user.role, "guidelines:acknowledge") ? countPendingGuidelines(db, user) : 0,
    // Versions in review waiting for a sign-off function this person holds (legal, data
    // protection, works council): most signatories are employees with no other way to notice.
    signoffFunctionsOf(db, user.id).then(async (functions) => (functions.length ? (await listAwaitingSignoff(db, { functions, pageSize: 1 })).awaiting : 0)),
    // Triage for the central unit, newly routed for a department head.
    can(user.role, "insights:read") ? insightBadgeCount(db, user) : 0,
    // Open alerts nobody has acknowledged yet, in the part of the company the user looks after.
    can(user.role, "alerts:read") ? countOpenAlerts(db, alertScope(user)) : 0,
    // Webhook endpoints switched off after failing deliveries (Admin → Webhooks says which).
    can(user.role, "admin:tokens") ? countDisabledWebhookEndpoints(db) : 0,
    // Crises the early warning drafted, waiting for the central unit to confirm or dismiss them.
    can(user.role, "crisis:manage") ? countDraftCrises(db) : 0,
  ]);
  const badges: Partial<Record<NavKey, number>> = {};
  if (guidelines + signoffs > 0) badges.guidelines = guidelines + signoffs;
  if (insights > 0) badges.insights = insights;
  if (alerts > 0) badges.alerts = alerts;
  if (webhooks > 0) badges.admin = webhooks;
  if (drafts > 0) badges.crisis = drafts;
  return badges;
}
