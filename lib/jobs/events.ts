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
  /** The department it came from (reassigned, or routed again by hand); absent or null when it had none. */
  fromDepartmentId?: number | null;
}

/** The event of routing `insightId` to `departmentId` at `at`; its id is stable for that routing. */
export function insightRouted(
  insightId: number,
  departmentId: number,
  via: InsightRoutedEvent["via"],
  at: Date,
  fromDepartmentId: number | null = null,
): InsightRoutedEvent {
  return { type: "insight.routed", id: `routed:${insightId}:${at.getTime()}`, occurredAt: at.toISOString(), insightId, departmentId, via, fromDepartmentId };
}

/** An insight was stored (API, CSV import or the form); `status`/`departmentId` as intake left it (routed by a rule, or in triage). */
export interface InsightCreatedEvent extends EventBase<"insight.created"> {
  insightId: number;
  status: "routed" | "triage";
  departmentId: number | null;
}

/** An insight is created once, so its id names the happening. */
export function insightCreated(insightId: number, departmentId: number | null, at: Date): InsightCreatedEvent {
  return {
    type: "insight.created",
    id: `created:${insightId}`,
    occurredAt: at.toISOString(),
    insightId,
    status: departmentId == null ? "triage" : "routed",
    departmentId,
  };
}

/** What a department (or the central unit) did with an insight; the webhook vocabulary of `insight.status_changed`. */
export type InsightStatusChange = "accepted" | "resolved" | "declined" | "loop_closed";

export interface InsightStatusChangedEvent extends EventBase<"insight.status_changed"> {
  insightId: number;
  change: InsightStatusChange;
  /** The insight's status after the change (`resolved` or `declined` when the loop was closed). */
  status: string;
  departmentId: number | null;
  /** The ticket or CRM reference given when it was resolved. */
  externalRef: string | null;
}

/** Its id is the insight history row (insight_events) that records the change: one per happening. */
export function insightStatusChanged(
  historyId: number,
  insight: { id: number; status: string; departmentId: number | null },
  change: InsightStatusChange,
  at: Date,
  externalRef: string | null = null,
): InsightStatusChangedEvent {
  return {
    type: "insight.status_changed",
    id: `history:${historyId}`,
    occurredAt: at.toISOString(),
    insightId: insight.id,
    change,
    status: insight.status,
    departmentId: insight.departmentId,
    externalRef,
  };
}

/** A KPI threshold alert or the crisis alert was opened, became critical, or was resolved. */
export interface AlertEvent extends EventBase<"alert.opened" | "alert.escalated" | "alert.resolved"> {
  alertId: number;
  kind: "threshold" | "crisis";
  /** The severity after the event. */
  severity: "warning" | "critical";
}

const ALERT_STEP = { "alert.opened": "opened", "alert.escalated": "escalated", "alert.resolved": "resolved" } as const;

/**
 * An alert opens once, escalates at most once (warning → critical; never back) and resolves once
 * (a new problem opens a new alert), so alert id and step name the happening.
 */
export function alertEvent(type: AlertEvent["type"], alert: { id: number; kind: AlertEvent["kind"]; severity: AlertEvent["severity"] }, at: Date): AlertEvent {
  return { type, id: `alert:${alert.id}:${ALERT_STEP[type]}`, occurredAt: at.toISOString(), alertId: alert.id, kind: alert.kind, severity: alert.severity };
}

/** A guideline version was published (and the one before it archived). */
export interface GuidelinePublishedEvent extends EventBase<"guideline.published"> {
  guidelineId: number;
  versionId: number;
  title: string;
}

/** A version is published once (afterwards it can only be archived), so its id names the happening. */
export function guidelinePublished(guidelineId: number, versionId: number, title: string, at: Date): GuidelinePublishedEvent {
  return { type: "guideline.published", id: `published:${versionId}`, occurredAt: at.toISOString(), guidelineId, versionId, title };
}

/** A connector was paused after failing CONNECTOR_PAUSE_AFTER times in a row. */
export interface ConnectorPausedEvent extends EventBase<"connector.paused"> {
  connectorId: number;
}

/** A connector pauses once per run of failures (resuming starts a new one), so the moment names the happening. */
export function connectorPaused(connectorId: number, at: Date): ConnectorPausedEvent {
  return { type: "connector.paused", id: `connector-paused:${connectorId}:${at.getTime()}`, occurredAt: at.toISOString(), connectorId };
}

export type DomainEvent =
  | ConnectorPausedEvent
  | SlaTransitionEvent
  | InsightRoutedEvent
  | InsightCreatedEvent
  | InsightStatusChangedEvent
  | AlertEvent
  | GuidelinePublishedEvent;
export type DomainEventType = DomainEvent["type"];
