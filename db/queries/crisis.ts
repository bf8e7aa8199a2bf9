import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { alerts, departments } from "../schema";
import { recordAudit } from "./audit";
import { draftCrisisFromAlert } from "./crises";
import { emit } from "@/lib/jobs/enqueue";
import { alertEvent } from "@/lib/jobs/events";
import {
  baselinePerWindow,
  type CrisisPolicy,
  crisisDecision,
  crisisSeverity,
  DEFAULT_CRISIS_POLICY,
} from "@/lib/insights/crisis";

export interface CrisisCheck {
  current: number;
  baseline: number;
  decision: ReturnType<typeof crisisDecision>;
  alertId: number | null;
}

/**
 * Re-evaluates the crisis early warning: counts negative insights by the time they occurred in
 * the current window and in the baseline before it, then opens, escalates or resolves the one
 * company-wide crisis alert. Runs inside the intake's transaction when insights arrive, and every
 * few minutes as a scheduled job (lib/jobs/definitions/crisis-evaluate.ts), so a spike that ended
 * resolves its alert without waiting for the next negative insight.
 * The alert belongs to the communications department, which runs crisis communication; opening
 * it also drafts a crisis room (db/queries/crises.ts).
 * Runs in a transaction of its own (a savepoint inside the intake's), so the count, the locked
 * alert and its audit entry always agree.
 */
export function evaluateCrisis(db: Executor, now = new Date(), p: CrisisPolicy = DEFAULT_CRISIS_POLICY): Promise<CrisisCheck> {
  return db.transaction((tx) => evaluateIn(tx, now, p));
}

async function evaluateIn(db: Executor, now: Date, p: CrisisPolicy): Promise<CrisisCheck> {
  const windowStart = new Date(now.getTime() - p.windowHours * 3_600_000);
  const baselineStart = new Date(windowStart.getTime() - p.baselineDays * 86_400_000);
  const res = await db.execute(sql`
    select
      count(*) filter (where occurred_at > ${windowStart.toISOString()}::timestamptz) as current,
      count(*) filter (where occurred_at <= ${windowStart.toISOString()}::timestamptz) as baseline
    from insights
    where occurred_at > ${baselineStart.toISOString()}::timestamptz
      and occurred_at <= ${now.toISOString()}::timestamptz
      and (sentiment = 'negative' or category = 'crisis_signal')`);
  const row = res.rows[0] as { current: string | number; baseline: string | number };
  const current = Number(row.current);
  const baseline = baselinePerWindow(Number(row.baseline), p);
  const severity = crisisSeverity(current, baseline, p);

  const [open] = await db
    .select({ id: alerts.id, severity: alerts.severity })
    .from(alerts)
    .where(and(eq(alerts.kind, "crisis"), ne(alerts.status, "resolved")))
    .orderBy(desc(alerts.openedAt))
    .limit(1)
    .for("update");
  const decision = crisisDecision(open ?? null, severity);
  const message = `${current} negative insights in ${p.windowHours} h (usually ${Math.round(baseline * 10) / 10})`;
  let alertId = open?.id ?? null;

  if (decision === "open") {
    const [comms] = await db.select({ id: departments.id }).from(departments).where(eq(departments.kind, "communications")).limit(1);
    // A concurrent intake may have opened it a moment earlier: then there is nothing to add.
    const [created] = await db
      .insert(alerts)
      .values({ kind: "crisis", severity: severity!, status: "open", value: current, message, departmentId: comms?.id ?? null, openedAt: now })
      .onConflictDoNothing()
      .returning({ id: alerts.id });
    if (created) {
      alertId = created.id;
      await recordAudit(db, { actorId: null, action: "alert.crisis_open", entityType: "alert", entityId: created.id, after: { severity, current, baseline } });
      await emit(db, [alertEvent("alert.opened", { id: created.id, kind: "crisis", severity: severity! }, now)]);
      // The managers confirm or dismiss the crisis room it opens as a draft.
      await draftCrisisFromAlert(db, { id: created.id, severity: severity!, current, windowHours: p.windowHours }, now);
    }
  } else if (decision === "escalate") {
    await db.update(alerts).set({ severity: "critical", status: "open", value: current, message, escalatedAt: now }).where(eq(alerts.id, open!.id));
    await recordAudit(db, { actorId: null, action: "alert.crisis_escalate", entityType: "alert", entityId: open!.id, after: { current, baseline } });
    await emit(db, [alertEvent("alert.escalated", { id: open!.id, kind: "crisis", severity: "critical" }, now)]);
  } else if (decision === "resolve") {
    await db.update(alerts).set({ status: "resolved", value: current, resolvedAt: now }).where(eq(alerts.id, open!.id));
    await recordAudit(db, { actorId: null, action: "alert.crisis_resolve", entityType: "alert", entityId: open!.id, after: { current, baseline } });
    await emit(db, [alertEvent("alert.resolved", { id: open!.id, kind: "crisis", severity: open!.severity }, now)]);
  } else if (decision === "keep") {
    await db.update(alerts).set({ value: current, message }).where(eq(alerts.id, open!.id));
  }
  return { current, baseline, decision, alertId };
}
