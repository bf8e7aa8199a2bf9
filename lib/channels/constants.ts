import type { ChannelStatus, Platform, Responsibility } from "@/db/schema";

// Plain lists for client components, which must not pull the database schema into the bundle;
// a unit test keeps them equal to the enums in db/schema.ts.
export const PLATFORMS = [
  "facebook",
  "instagram",
  "x",
  "linkedin",
  "xing",
  "youtube",
  "tiktok",
  "mastodon",
  "blog",
  "wiki",
  "forum",
  "other",
] as const satisfies readonly Platform[];
export const CHANNEL_STATUSES = ["planned", "active", "paused", "retired"] as const satisfies readonly ChannelStatus[];
export const RESPONSIBILITIES = ["owner", "contributor", "reader"] as const satisfies readonly Responsibility[];

export const STRATEGY_KEYS = ["targetGroupsPresent", "ourGain", "theirGain", "intendedAudience", "inboundAudience"] as const;
export type StrategyKey = (typeof STRATEGY_KEYS)[number];
