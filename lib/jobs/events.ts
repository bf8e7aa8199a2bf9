/**
 * Domain events: things that happened which other parts react to in the background (notify
 * people, call webhooks). An emitter calls `emit(tx, events)` (lib/jobs/enqueue.ts) in the
 * transaction that made the change; every job whose `on` lists the type gets one job per event.
 * `id` is stable per happening, so a consumer that runs twice (a retry) can tell it already acted.
 */
interface EventBase<T extends string> {
  type: T;
  /** Stable per happening, e.g. `sla:42` for row 42 of insight_sla_events. */
  id: string;
  /** When it happened (ISO 8601). */
  occurredAt: string;
}

/** 75 % of an insight's SLA passed without acceptance, or the SLA ran out while it was still open. */
export interface SlaTransitionEvent extends EventBase<"insight.sla_due_soon" | "insight.sla_overdue"> {
  insightId: number;
  departmentId: number | null;
  /** The due time the transition refers to (a new routing sets a new one). */
  dueAt: string;
}

/** An insight was routed to a department: by a rule at intake, by the central unit, or reassigned by a head. */
export interface InsightRoutedEvent extends EventBase<"insight.routed"> {
  insightId: number;
  departmentId: number;
  via: "rule" | "manual" | "reassign";
}

/** The event of routing `insightId` to `departmentId` at `at`; its id is stable for that routing. */
export function insightRouted(insightId: number, departmentId: number, via: InsightRoutedEvent["via"], at: Date): InsightRoutedEvent {
  return { type: "insight.routed", id: `routed:${insightId}:${at.getTime()}`, occurredAt: at.toISOString(), insightId, departmentId, via };
}

export type DomainEvent = SlaTransitionEvent | InsightRoutedEvent;
export type DomainEventType = DomainEvent["type"];
