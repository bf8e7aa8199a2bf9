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

export type DomainEvent = SlaTransitionEvent;
export type DomainEventType = DomainEvent["type"];
