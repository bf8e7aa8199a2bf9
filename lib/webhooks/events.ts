import { WEBHOOK_DELIVERY_STATUSES } from "@/lib/enums";

/**
 * Outbound webhook vocabulary, dependency-free so the schema, the API's zod schemas and the admin
 * form (a client component) share one list.
 */
export const WEBHOOK_EVENTS = [
  "insight.created",
  "insight.routed",
  "insight.status_changed",
  "alert.opened",
  "alert.escalated",
  "alert.resolved",
  "guideline.published",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

export function isWebhookEvent(x: unknown): x is WebhookEventType {
  return typeof x === "string" && (WEBHOOK_EVENTS as readonly string[]).includes(x);
}

export { WEBHOOK_DELIVERY_STATUSES };
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
