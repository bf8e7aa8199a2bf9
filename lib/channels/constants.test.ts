import { describe, expect, it } from "vitest";
import { channelStatusEnum, channels, platformEnum, responsibilityEnum } from "@/db/schema";
import { CHANNEL_STATUSES, PLATFORMS, RESPONSIBILITIES, STRATEGY_KEYS } from "./constants";

describe("channel constants", () => {
  it("match the database enums and columns", () => {
    expect([...PLATFORMS]).toEqual(platformEnum.enumValues);
    expect([...CHANNEL_STATUSES]).toEqual(channelStatusEnum.enumValues);
    expect([...RESPONSIBILITIES]).toEqual(responsibilityEnum.enumValues);
    for (const key of STRATEGY_KEYS) expect(channels).toHaveProperty(key);
  });
});
