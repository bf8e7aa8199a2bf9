// Plain lists for client components, which must not pull the database schema into the bundle
// (lib/enums.ts holds them; db/schema.ts builds its enums from the same arrays).
export { CHANNEL_STATUSES, PLATFORMS, RESPONSIBILITIES } from "@/lib/enums";

export const STRATEGY_KEYS = ["targetGroupsPresent", "ourGain", "theirGain", "intendedAudience", "inboundAudience"] as const;
export type StrategyKey = (typeof STRATEGY_KEYS)[number];
