import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Executor, Tx } from "../client";
import { departments, insightEvents, insights } from "../schema";
import { recordAudit } from "./audit";
import { type InsightEventType, type InsightStatus, OPEN_STATUSES, type Viewer } from "./insights";
import { AppError } from "@/lib/errors";
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
    await tx.insert(insightEvents).values({
      insightId: id,
      type: s.event.type,
      actorId: viewer.id,
      note: s.event.note ?? null,
      fromDepartmentId: s.event.toDepartmentId !== undefined ? current.departmentId : null,
      toDepartmentId: s.event.toDepartmentId ?? null,
      createdAt: now,
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: s.action,
      entityType: "insight",
      entityId: id,
      before: { status: current.status, departmentId: current.departmentId },
      after: { ...patch, note: s.event.note ?? undefined },
    });
    return { id, status: (patch.status ?? current.status) as InsightStatus };
  });
}

export function acceptInsight(db: Executor, viewer: Viewer, id: number) {
  return step(db, viewer, id, {
    from: ["routed"],
    who: "department",
    patch: (now) => ({ status: "accepted", acceptedAt: now }),
    event: { type: "accepted" },
    action: "insight.accept",
  });
}

export function commentInsight(db: Executor, viewer: Viewer, id: number, note: string) {
  return step(db, viewer, id, {
    from: ["triage", "routed", "accepted", "resolved", "declined"],
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
export async function reassignInsight(db: Executor, viewer: Viewer, id: number, input: { departmentId: number; note: string }) {
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
  });
}

export function resolveInsight(db: Executor, viewer: Viewer, id: number, input: { note: string; externalReference: string | null }) {
  return step(db, viewer, id, {
    from: OPEN_STATUSES,
    who: "department",
    patch: (now) => ({ status: "resolved", resolvedAt: now, resolutionNote: input.note, externalReference: input.externalReference }),
    event: { type: "resolved", note: input.externalReference ? `${input.note}\n${input.externalReference}` : input.note },
    action: "insight.resolve",
  });
}

export function declineInsight(db: Executor, viewer: Viewer, id: number, note: string) {
  return step(db, viewer, id, {
    from: OPEN_STATUSES,
    who: "department",
    patch: (now) => ({ status: "declined", declinedAt: now, declineReason: note }),
    event: { type: "declined", note },
    action: "insight.decline",
  });
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
  }, now);
}

/**
 * The central unit routes insights by hand, one or many: each unclosed insight goes to the
 * department with a fresh SLA; resolved or declined ones are skipped and counted.
 */
export async function routeInsights(db: Executor, viewer: Viewer, input: { ids: number[]; departmentId: number; slaHours: number }, now = new Date()) {
  if (!can(viewer.role, "insights:triage")) throw new AppError("forbidden", "routing is for the central unit");
  await assertDepartment(db, input.departmentId);
  const ids = [...new Set(input.ids)];
  return db.transaction(async (tx: Tx) => {
    const current = await tx
      .select({ id: insights.id, departmentId: insights.departmentId, status: insights.status })
      .from(insights)
      .where(and(inArray(insights.id, ids), inArray(insights.status, ["triage", ...OPEN_STATUSES]), isNull(insights.loopClosedAt)))
      .for("update");
    const movable = current.filter((c) => c.departmentId !== input.departmentId || c.status === "triage");
    if (movable.length) {
      const slaDueAt = new Date(now.getTime() + input.slaHours * 3_600_000);
      await tx
        .update(insights)
        .set({ status: "routed", departmentId: input.departmentId, routedAt: now, slaDueAt, acceptedAt: null, ruleId: null, updatedAt: now })
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
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "insight.route",
        entityType: "insight",
        entityId: movable.length === 1 ? movable[0].id : null,
        after: { ids: movable.map((m) => m.id), departmentId: input.departmentId, slaHours: input.slaHours },
      });
    }
    return { routed: movable.length, skipped: ids.length - movable.length };
  });
}
