import type { ConnectorDto } from "@/db/queries/connectors";
import type { ApiConnector } from "@/lib/connectors/api";
import { appUrl } from "@/lib/env";

export function toApiConnector(c: ConnectorDto): ApiConnector {
  const receiveUrl = c.kind === "meta" ? `${appUrl()}/api/webhooks/meta/${c.id}` : c.kind === "webhook" ? `${appUrl()}/api/webhooks/inbound/${c.id}` : null;
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    channelId: c.channelId,
    channelName: c.channelName,
    category: c.category,
    url: c.url,
    hashtags: c.hashtags,
    youtubeChannelId: c.youtubeChannelId,
    secrets: c.secrets,
    receiveUrl,
    status: c.status,
    pausedReason: c.pausedReason === "manual" || c.pausedReason === "failures" ? c.pausedReason : null,
    intervalMinutes: c.intervalMinutes,
    consecutiveFailures: c.consecutiveFailures,
    nextRunAt: c.nextRunAt?.toISOString() ?? null,
    lastRunAt: c.lastRunAt?.toISOString() ?? null,
    lastSuccessAt: c.lastSuccessAt?.toISOString() ?? null,
    lastError: c.lastErrorCode ? { code: c.lastErrorCode, message: c.lastError ?? "" } : null,
    totals: c.totals,
    createdAt: c.createdAt.toISOString(),
  };
}
