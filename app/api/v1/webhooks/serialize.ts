import type { WebhookEndpointDto } from "@/db/queries/webhooks";
import type { ApiWebhookEndpoint } from "@/lib/webhooks/api";
import type { WebhookEventType } from "@/lib/webhooks/events";

export function toApiWebhook(e: WebhookEndpointDto): ApiWebhookEndpoint {
  return {
    id: e.id,
    url: e.url,
    events: e.events as WebhookEventType[],
    internalCrm: e.internalCrm,
    status: e.status,
    disabledAt: e.disabledAt?.toISOString() ?? null,
    disabledReason: e.disabledReason,
    createdAt: e.createdAt.toISOString(),
    lastDelivery: e.lastDelivery ? { ...e.lastDelivery, at: e.lastDelivery.at.toISOString() } : null,
  };
}
