import { type InsightCategory } from "@/lib/enums";
import { EARLIEST_OCCURRED_AT } from "@/lib/schemas/insights";
import type { FeedItem } from "./feed";

/** The category a connector's insights get when neither the connector nor the item names one. */
export const DEFAULT_CONNECTOR_CATEGORY: InsightCategory = "question";

/** The intake source of a connector's insights: with the item's id, what makes a re-poll find them stored. */
export const connectorSource = (connectorId: number) => `connector:${connectorId}`;

/**
 * A fetched item as the intake takes it (`POST /api/v1/insights`'s item shape), so connector
 * items pass the same validation, classification, routing and crisis check as every other
 * insight. An item without a usable date (none, unreadable, before 1970 or more than a day ahead)
 * is dated when it was fetched.
 */
export function toIntakeItem(connector: { id: number; channelId: number; category: InsightCategory | null }, item: FeedItem, now: Date) {
  const t = item.publishedAt?.getTime();
  const usable = t !== undefined && Number.isFinite(t) && t >= EARLIEST_OCCURRED_AT && t <= now.getTime() + 24 * 3_600_000;
  return {
    source: connectorSource(connector.id),
    externalId: item.externalId,
    channelId: connector.channelId,
    occurredAt: (usable ? item.publishedAt! : now).toISOString(),
    text: item.text,
    url: item.url,
    authorHandle: item.author ? item.author.slice(0, 200) : null,
    category: connector.category ?? DEFAULT_CONNECTOR_CATEGORY,
  };
}
