import { inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { alerts, insights, webhookEndpoints } from "../schema";
import { appUrl } from "@/lib/env";
import type { DomainEvent, DomainEventType } from "@/lib/jobs/events";
import { isWebhookEvent, type WebhookEventType } from "@/lib/webhooks/events";
import type { WebhookEventInput } from "@/lib/webhooks/payload";

/** The domain events that are also webhook events (lib/webhooks/events.ts), by their type. */
export type WebhookDomainEvent = DomainEvent & { type: WebhookEventType };

export function isWebhookDomainEvent(e: DomainEvent): e is WebhookDomainEvent {
  return isWebhookEvent(e.type);
}

/**
 * Of these event types, those at least one active endpoint subscribed to: one look at the (small)
 * endpoint table, so a write path emits no webhook jobs while nobody listens. An endpoint
 * registered later receives only events that happen after it.
 */
export async function subscribedWebhookEvents(db: Executor, types: readonly DomainEventType[]): Promise<WebhookEventType[]> {
  const wanted = types.filter(isWebhookEvent);
  if (!wanted.length) return [];
  const rows = await db
    .selectDistinct({ type: sql<string>`unnest(${webhookEndpoints.events})` })
    .from(webhookEndpoints)
    .where(isNull(webhookEndpoints.disabledAt));
  const subscribed = new Set(rows.map((r) => r.type));
  return wanted.filter((t) => subscribed.has(t));
}

/**
 * The webhook events (lib/webhooks/api.ts `webhookPayloads`) for domain events, in their order:
 * what each event says about the moment it happened (status, department, severity), plus what a
 * consumer needs from the row (category, the author's handle — turned into an alias by
 * `enqueueWebhookEvent` unless the endpoint is an internal CRM), the rows read in one query. The
 * domain event's id is the webhook id, so a retried job creates no second delivery. An event about
 * an insight that no longer exists is left out.
 */
export async function webhookEventsFor(db: Executor, events: readonly WebhookDomainEvent[]): Promise<WebhookEventInput[]> {
  const ids = [...new Set(events.flatMap((e) => ("insightId" in e ? [e.insightId] : [])))];
  const rows = ids.length
    ? await db
        .select({ id: insights.id, category: insights.category, authorHandle: insights.authorHandle })
        .from(insights)
        .where(inArray(insights.id, ids))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const alertIds = [...new Set(events.flatMap((e) => ("alertId" in e ? [e.alertId] : [])))];
  const alertRows = alertIds.length
    ? await db.select({ id: alerts.id, kpiId: alerts.kpiId, departmentId: alerts.departmentId }).from(alerts).where(inArray(alerts.id, alertIds))
    : [];
  const alertsById = new Map(alertRows.map((r) => [r.id, r]));
  return events.flatMap((e) => {
    const input = webhookEventFor(e, byId, alertsById);
    return input ? [input] : [];
  });
}

function webhookEventFor(
  event: WebhookDomainEvent,
  insightsById: ReadonlyMap<number, { id: number; category: string; authorHandle: string | null }>,
  alertsById: ReadonlyMap<number, { kpiId: number | null; departmentId: number | null }>,
): WebhookEventInput | null {
  const base = appUrl();
  switch (event.type) {
    case "insight.created":
    case "insight.routed":
    case "insight.status_changed": {
      const row = insightsById.get(event.insightId);
      if (!row) return null;
      const status = event.type === "insight.routed" ? "routed" : event.status;
      const insight = { id: row.id, status, category: row.category, departmentId: event.departmentId, url: `${base}/insights/${row.id}` };
      const data =
        event.type === "insight.created"
          ? { insight }
          : event.type === "insight.routed"
            ? { insight, fromDepartmentId: event.fromDepartmentId ?? null }
            : { insight, change: event.change, externalRef: event.externalRef };
      return { type: event.type, id: event.id, occurredAt: new Date(event.occurredAt), data, authorHandle: row.authorHandle };
    }
    case "alert.opened":
    case "alert.escalated":
    case "alert.resolved": {
      // The KPI's page for a threshold alert (the alert itself may be gone with its KPI: then the list).
      const row = alertsById.get(event.alertId);
      const url = event.kind === "crisis" ? `${base}/alerts?kind=crisis` : row?.kpiId ? `${base}/kpis/${row.kpiId}` : `${base}/alerts`;
      return {
        type: event.type,
        id: event.id,
        occurredAt: new Date(event.occurredAt),
        data: {
          alert: {
            id: event.alertId,
            kind: event.kind,
            severity: event.severity,
            status: event.type === "alert.resolved" ? "resolved" : "open",
            kpiId: row?.kpiId ?? null,
            departmentId: row?.departmentId ?? null,
            url,
          },
        },
      };
    }
    case "guideline.published":
      return {
        type: event.type,
        id: event.id,
        occurredAt: new Date(event.occurredAt),
        data: { guideline: { id: event.guidelineId, versionId: event.versionId, title: event.title, url: `${base}/guidelines/${event.guidelineId}` } },
      };
  }
}
