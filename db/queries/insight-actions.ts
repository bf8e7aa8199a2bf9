import { and, eq, inArray } from "drizzle-orm";
import type { Executor, Tx } from "../client";
import { departments, insightEvents, insights } from "../schema";
import { recordAudit } from "./audit";
import { type InsightEventType, type InsightStatus, OPEN_STATUSES, type Viewer } from "./insights";
import { AppError } from "@/lib/errors";
import { emit } from "@/lib/jobs/enqueue";
import { type DomainEvent, insightRouted, insightStatusChanged } from "@/lib/jobs/events";
import { routeSkipReason, type RouteSkipReason, type TriageExit } from "@/lib/insights/triage";
import { can } from "@/lib/permissions";

type InsightPatch = Partial<typeof insights.$inferInsert>;

interface Step {
  /** Statuses the insight must be in; anything else is a conflict (someone else acted first). */
  from: readonly InsightStatus[];
  /** Who may take the step: the head of the insight's department, or the central unit. */
  who: "department" | "central" | "either";
  /** A further condition on the locked row; throws when the step may not happen. */
  check?: (current: typeof insights.$inferSelect) => void;
  patch: (now: Date, current: typeof insights.$inferSelect) => InsightPatch;
  event: { type: InsightEventType; note?: string | null; toDepartmentId?: number | null };
  action: string;
  /**
   * Domain events of the step, emitted in its transaction (lib/jobs/events.ts); `after` is the
   * insight as the step left it, `historyId` the step's row in insight_events.
   */
  emits?: (now: Date, ctx: { before: typeof insights.$inferSelect; after: { id: number; status: InsightStatus; departmentId: number | null }; historyId: number }) => DomainEvent[];
}

function allowed(viewer: Viewer, who: Step["who"], departmentId: number | null): boolean {
  const central = can(viewer.role, "insights:triage");
  const ownDepartment = can(viewer.role, "insights:act") && viewer.departmentId != null && viewer.departmentId === departmentId;
  return who === "central" ? central : who === "department" ? ownDepartment : central || ownDepartment;
}

/**
 * One state change of one insight: lock it, check who may act and that its status allows the
 * step, update it, and write its history event and the audit entry in the same transaction.
 */
async function step(db: Executor, viewer: Viewer, id: number, s: Step, now = new Date()) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(insights).where(eq(insights.id, id)).for("update");
    if (!current) throw new AppError("not_found", "insight not found");
    if (!allowed(viewer, s.who, current.departmentId)) throw new AppError("forbidden", "not your department's insight");
    if (!s.from.includes(current.status)) {
      throw new AppError("conflict", `insight is ${current.status}`, { _form: ["insights.errors.wrongStatus"] });
    }
    s.check?.(current);
    const patch = s.patch(now, current);
    await tx.update(insights).set({ ...patch, updatedAt: now }).where(eq(insights.id, id));
    const [history] = await tx
      .insert(insightEvents)
      .values({
        insightId: id,
        type: s.event.type,
        actorId: viewer.id,
        note: s.event.note ?? null,
        fromDepartmentId: s.event.toDepartmentId !== undefined ? current.departmentId : null,
        toDepartmentId: s.event.toDepartmentId ?? null,
        createdAt: now,
      })
      .returning({ id: insightEvents.id });
    const after = {
      id,
      status: (patch.status ?? current.status) as InsightStatus,
      departmentId: patch.departmentId !== undefined ? patch.departmentId : current.departmentId,
    };
    if (s.emits) await emit(tx, s.emits(now, { before: current, after, historyId: history.id }));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: s.action,
      entityType: "insight",
      entityId: id,
      before: { status: current.status, departmentId: current.departmentId },
      after: { ...patch, note: s.event.note ?? undefined },
    });
    return { id, status: after.status };
  });
}

export function acceptInsight(db: Executor, viewer: Viewer, id: number, now = new Date()) {
  return step(db, viewer, id, {
    from: ["routed"],
    who: "department",
    patch: (now) => ({ status: "accepted", acceptedAt: now }),
    event: { type: "accepted" },
    action: "insight.accept",
    emits: (now, { after, historyId }) => [insightStatusChanged(historyId, after, "accepted", now)],
  }, now);
}

export function commentInsight(db: Executor, viewer: Viewer, id: number, note: string) {
  return step(db, viewer, id, {
    from: ["triage", "routed", "accepted", "resolved", "declined", "no_action", "spam"],
    who: "either",
    patch: () => ({}),
    event: { type: "commented", note },
    action: "insight.comment",
  });
}

async function assertDepartment(db: Executor, id: number) {
  const [d] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, id));
  if (!d) throw new AppError("validation_failed", "unknown department", { departmentId: ["validation.invalidChoice"] });
}

/**
 * Hands an open insight to another department with a reason. The SLA due time stays: the
 * customer's clock does not restart because the company passed the question on.
 */
export async function reassignInsight(db: Executor, viewer: Viewer, id: number, input: { departmentId: number; note: string }, now = new Date()) {
  await assertDepartment(db, input.departmentId);
  if (viewer.departmentId === input.departmentId) {
    throw new AppError("validation_failed", "same department", { departmentId: ["insights.errors.sameDepartment"] });
  }
  return step(db, viewer, id, {
    from: OPEN_STATUSES,
    who: "department",
    patch: (now) => ({ status: "routed", departmentId: input.departmentId, routedAt: now, acceptedAt: null, ruleId: null }),
    event: { type: "reassigned", note: input.note, toDepartmentId: input.departmentId },
    action: "insight.reassign",
    emits: (now, { before }) => [insightRouted(id, input.departmentId, "reassign", now, before.departmentId)],
  }, now);
}

export function resolveInsight(db: Executor, viewer: Viewer, id: number, input: { note: string; externalReference: string | null }, now = new Date()) {
  return step(db, viewer, id, {
    from: OPEN_STATUSES,
    who: "department",
    patch: (now) => ({ status: "resolved", resolvedAt: now, resolutionNote: input.note, externalReference: input.externalReference }),
    event: { type: "resolved", note: input.externalReference ? `${input.note}\n${input.externalReference}` : input.note },
    action: "insight.resolve",
    emits: (now, { after, historyId }) => [insightStatusChanged(historyId, after, "resolved", now, input.externalReference)],
  }, now);
}

export function declineInsight(db: Executor, viewer: Viewer, id: number, note: string, now = new Date()) {
  return step(db, viewer, id, {
    from: OPEN_STATUSES,
    who: "department",
    patch: (now) => ({ status: "declined", declinedAt: now, declineReason: note }),
    event: { type: "declined", note },
    action: "insight.decline",
    emits: (now, { after, historyId }) => [insightStatusChanged(historyId, after, "declined", now)],
  }, now);
}

/**
 * The central unit records that the customer got an answer. Whether the loop is already closed is
 * read from the locked row, so of two simultaneous calls exactly one succeeds.
 */
export async function closeLoop(db: Executor, viewer: Viewer, id: number, now = new Date()) {
  return step(db, viewer, id, {
    from: ["resolved", "declined"],
    who: "central",
    check: (current) => {
      if (current.loopClosedAt) throw new AppError("conflict", "loop already closed", { _form: ["insights.errors.loopClosed"] });
    },
    patch: (at) => ({ loopClosedAt: at }),
    event: { type: "loop_closed" },
    action: "insight.close_loop",
    emits: (now, { before, after, historyId }) => [insightStatusChanged(historyId, after, "loop_closed", now, before.externalReference)],
  }, now);
}

/**
 * The central unit takes an insight out of triage without a department: nothing to do (praise,
 * a thank-you) or spam/irrelevant. An optional note says why; the step is in the history and can
 * be undone with `reopenInsight`.
 */
export function dismissInsight(db: Executor, viewer: Viewer, id: number, input: { outcome: TriageExit; note: string | null }, now = new Date()) {
  return step(db, viewer, id, {
    from: ["triage"],
    who: "central",
    patch: (at) => ({ status: input.outcome, dismissedAt: at }),
    event: { type: input.outcome, note: input.note },
    action: `insight.${input.outcome}`,
  }, now);
}

/** Back to triage from "no action needed" or spam, when the central unit changes its mind. */
export function reopenInsight(db: Executor, viewer: Viewer, id: number, now = new Date()) {
  return step(db, viewer, id, {
    from: ["no_action", "spam"],
    who: "central",
    patch: () => ({ status: "triage", dismissedAt: null }),
    event: { type: "reopened" },
    action: "insight.reopen",
  }, now);
}

/** Several triage items at once as "no action needed" or spam; items no longer in triage are skipped. */
export async function dismissInsights(db: Executor, viewer: Viewer, input: { ids: number[]; outcome: TriageExit; note: string | null }, now = new Date()) {
  if (!can(viewer.role, "insights:triage")) throw new AppError("forbidden", "triage is for the central unit");
  const ids = [...new Set(input.ids)];
  return db.transaction(async (tx: Tx) => {
    const current = await tx
      .select({ id: insights.id })
      .from(insights)
      .where(and(inArray(insights.id, ids), eq(insights.status, "triage")))
      .for("update");
    const found = new Set(current.map((c) => c.id));
    const moved = ids.filter((id) => found.has(id));
    if (moved.length) {
      await tx.update(insights).set({ status: input.outcome, dismissedAt: now, updatedAt: now }).where(inArray(insights.id, moved));
      await tx.insert(insightEvents).values(moved.map((id) => ({ insightId: id, type: input.outcome, actorId: viewer.id, note: input.note, createdAt: now })));
      await recordAudit(tx, {
        actorId: viewer.id,
        action: `insight.${input.outcome}`,
        entityType: "insight",
        entityId: moved.length === 1 ? moved[0] : null,
        after: { ids: moved, note: input.note ?? undefined },
      });
    }
    return { ids: moved, skipped: ids.filter((id) => !moved.includes(id)) };
  });
}

/** Several "no action"/spam items back to triage (the undo of a bulk dismissal). */
export async function reopenInsights(db: Executor, viewer: Viewer, input: { ids: number[] }, now = new Date()) {
  if (!can(viewer.role, "insights:triage")) throw new AppError("forbidden", "triage is for the central unit");
  const ids = [...new Set(input.ids)];
  return db.transaction(async (tx: Tx) => {
    const current = await tx
      .select({ id: insights.id })
      .from(insights)
      .where(and(inArray(insights.id, ids), inArray(insights.status, ["no_action", "spam"])))
      .for("update");
    const found = new Set(current.map((c) => c.id));
    const moved = ids.filter((id) => found.has(id));
    if (moved.length) {
      await tx.update(insights).set({ status: "triage", dismissedAt: null, updatedAt: now }).where(inArray(insights.id, moved));
      await tx.insert(insightEvents).values(moved.map((id) => ({ insightId: id, type: "reopened" as const, actorId: viewer.id, createdAt: now })));
      await recordAudit(tx, { actorId: viewer.id, action: "insight.reopen", entityType: "insight", entityId: moved.length === 1 ? moved[0] : null, after: { ids: moved } });
    }
    return { ids: moved };
  });
}

export interface RouteResult {
  routed: number;
  routedIds: number[];
  /** Each insight that stayed where it was, and why (lib/insights/triage.ts). */
  skipped: { id: number; reason: RouteSkipReason }[];
}

/**
 * The central unit routes insights by hand, one or many: triage items, "no action"/spam items and
 * open ones of another department go to the department with a fresh SLA; finished ones, ones
 * already with that department and unknown ids are skipped, each with its reason.
 */
export async function routeInsights(db: Executor, viewer: Viewer, input: { ids: number[]; departmentId: number; slaHours: number }, now = new Date()): Promise<RouteResult> {
  if (!can(viewer.role, "insights:triage")) throw new AppError("forbidden", "routing is for the central unit");
  await assertDepartment(db, input.departmentId);
  const ids = [...new Set(input.ids)];
  return db.transaction(async (tx: Tx) => {
    const current = await tx
      .select({ id: insights.id, departmentId: insights.departmentId, status: insights.status, loopClosedAt: insights.loopClosedAt })
      .from(insights)
      .where(inArray(insights.id, ids))
      .for("update");
    const byId = new Map(current.map((c) => [c.id, c]));
    const skipped: RouteResult["skipped"] = [];
    const movable: typeof current = [];
    for (const id of ids) {
      const c = byId.get(id);
      const reason = routeSkipReason(c && { status: c.status, departmentId: c.departmentId, loopClosed: !!c.loopClosedAt }, input.departmentId);
      if (reason) skipped.push({ id, reason });
      else movable.push(c!);
    }
    if (movable.length) {
      const slaDueAt = new Date(now.getTime() + input.slaHours * 3_600_000);
      await tx
        .update(insights)
        .set({ status: "routed", departmentId: input.departmentId, routedAt: now, slaDueAt, acceptedAt: null, dismissedAt: null, ruleId: null, updatedAt: now })
        .where(inArray(insights.id, movable.map((m) => m.id)));
      await tx.insert(insightEvents).values(
        movable.map((m) => ({
          insightId: m.id,
          type: "routed" as const,
          actorId: viewer.id,
          fromDepartmentId: m.departmentId,
          toDepartmentId: input.departmentId,
          createdAt: now,
        })),
      );
      await emit(tx, movable.map((m) => insightRouted(m.id, input.departmentId, "manual", now, m.departmentId)));
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "insight.route",
        entityType: "insight",
        entityId: movable.length === 1 ? movable[0].id : null,
        after: { ids: movable.map((m) => m.id), departmentId: input.departmentId, slaHours: input.slaHours },
      });
    }
    return { routed: movable.length, routedIds: movable.map((m) => m.id), skipped };
  });
}
