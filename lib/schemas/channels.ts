import { z } from "zod";
import { CHANNEL_STATUSES, PLATFORMS, RESPONSIBILITIES } from "@/lib/enums";
import type { StrategyKey } from "@/lib/channels/constants";
import { normalizeHandle } from "@/lib/channels/rules";
import { httpUrl, optionalId, optionalText, requiredId, trimmed, v } from "@/lib/validation";

export const platformField = z.enum(PLATFORMS, { error: v.invalidChoice });
export const channelStatusField = z.enum(CHANNEL_STATUSES, { error: v.invalidChoice });
const responsibility = z.enum(RESPONSIBILITIES, { error: v.invalidChoice });

const handle = z.string().max(100, v.tooLong).optional().transform(normalizeHandle);

const optionalUrl = z
  .union([z.literal(""), httpUrl])
  .optional()
  .transform((s) => (s ? s : null));

const optionalDay = z
  .union([z.literal(""), z.iso.date({ error: "channels.errors.date" })])
  .optional()
  .transform((s) => (s ? s : null));

/** The five strategy questions every channel answers (keys as in STRATEGY_KEYS). */
export const strategyFields = {
  targetGroupsPresent: optionalText(2000),
  ourGain: optionalText(2000),
  theirGain: optionalText(2000),
  intendedAudience: optionalText(2000),
  inboundAudience: optionalText(2000),
} satisfies Record<StrategyKey, unknown>;

export const channelSchema = z.object({
  name: trimmed(120),
  platform: platformField,
  handle,
  url: optionalUrl,
  status: channelStatusField,
  ownerId: optionalId,
  deputyId: optionalId,
  nextReviewOn: optionalDay,
  ...strategyFields,
});

export const createChannelSchema = channelSchema.extend({ owningDepartmentId: optionalId });
export const updateChannelSchema = channelSchema.extend({ id: requiredId });
export const strategySchema = z.object({ id: requiredId, ...strategyFields });

export const assignmentSchema = z.object({ channelId: requiredId, departmentId: requiredId, responsibility });
export const removeAssignmentSchema = z.object({ channelId: requiredId, departmentId: requiredId });

export const processSchema = z.object({
  departmentId: requiredId,
  name: trimmed(120),
  description: optionalText(500),
});
export const renameProcessSchema = z.object({ id: requiredId, name: trimmed(120), description: optionalText(500) });
export const processIdSchema = z.object({ id: requiredId });

export type ChannelInput = z.output<typeof channelSchema>;
export type StrategyInput = Omit<z.output<typeof strategySchema>, "id">;
