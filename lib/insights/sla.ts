import type { InsightStatus } from "@/lib/enums";

/** Share of an SLA after which an insight not yet accepted counts as due soon (the head gets a reminder). */
export const SLA_DUE_SOON_SHARE = 0.75;

export type SlaPhase = "on_time" | "due_soon" | "overdue";

/**
 * Where an insight stands against its SLA at `now`, by the same rules as the SLA sweep: overdue
 * once the due time has passed while it is open (routed or accepted); due soon once 75 % of the SLA
 * has passed and it is still not accepted. Null when it has no SLA running.
 */
export function slaPhase(
  i: { status: InsightStatus; routedAt: Date | null; slaDueAt: Date | null },
  now: Date,
): SlaPhase | null {
  if (!i.slaDueAt || (i.status !== "routed" && i.status !== "accepted")) return null;
  if (i.slaDueAt.getTime() <= now.getTime()) return "overdue";
  if (i.status === "routed" && i.routedAt) {
    const warnAt = i.routedAt.getTime() + (i.slaDueAt.getTime() - i.routedAt.getTime()) * SLA_DUE_SOON_SHARE;
    if (warnAt <= now.getTime()) return "due_soon";
  }
  return "on_time";
}
