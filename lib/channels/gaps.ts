import type { ChannelStatus, Responsibility } from "@/db/schema";

export type ChannelGap = "no_owner" | "no_deputy" | "no_owning_department" | "review_overdue";

export interface GapChannel {
  id: number;
  status: ChannelStatus;
  ownerId: number | null;
  ownerActive: boolean | null;
  deputyId: number | null;
  deputyActive: boolean | null;
  /** ISO day (YYYY-MM-DD) as the database returns a `date`. */
  nextReviewOn: string | null;
}

export interface GapAssignment {
  channelId: number;
  departmentId: number;
  responsibility: Responsibility;
}

/** Today as an ISO day in the company's time zone, so "overdue" flips at local midnight. */
export function isoDay(now: Date = new Date(), timeZone = "Europe/Berlin"): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function isReviewOverdue(ch: Pick<GapChannel, "status" | "nextReviewOn">, today: string): boolean {
  return ch.status !== "retired" && ch.nextReviewOn != null && ch.nextReviewOn < today;
}

/**
 * What is missing on one channel. Owner, deputy and owning department matter only while the
 * channel is active; a deactivated person counts as missing, since nobody can act in their place.
 */
export function channelGaps(ch: GapChannel, assignments: readonly GapAssignment[], today: string): ChannelGap[] {
  const gaps: ChannelGap[] = [];
  if (ch.status === "active") {
    if (ch.ownerId == null || ch.ownerActive === false) gaps.push("no_owner");
    if (ch.deputyId == null || ch.deputyActive === false) gaps.push("no_deputy");
    if (!assignments.some((a) => a.channelId === ch.id && a.responsibility === "owner")) gaps.push("no_owning_department");
  }
  if (isReviewOverdue(ch, today)) gaps.push("review_overdue");
  return gaps;
}

export interface GapReport {
  /** Departments that use no channel at all (retired channels do not count). */
  departmentsWithoutChannel: number[];
  channelGaps: Map<number, ChannelGap[]>;
  /** Channels with at least one gap. */
  channelsWithGaps: number;
}

export function detectGaps(input: {
  departments: readonly { id: number }[];
  channels: readonly GapChannel[];
  assignments: readonly GapAssignment[];
  today: string;
}): GapReport {
  const live = new Set(input.channels.filter((c) => c.status !== "retired").map((c) => c.id));
  const used = new Set(input.assignments.filter((a) => live.has(a.channelId)).map((a) => a.departmentId));
  const byChannel = new Map<number, GapAssignment[]>();
  for (const a of input.assignments) {
    const list = byChannel.get(a.channelId) ?? [];
    list.push(a);
    byChannel.set(a.channelId, list);
  }
  const gaps = new Map<number, ChannelGap[]>();
  let channelsWithGaps = 0;
  for (const ch of input.channels) {
    const g = channelGaps(ch, byChannel.get(ch.id) ?? [], input.today);
    gaps.set(ch.id, g);
    if (g.length) channelsWithGaps++;
  }
  return {
    departmentsWithoutChannel: input.departments.filter((d) => !used.has(d.id)).map((d) => d.id),
    channelGaps: gaps,
    channelsWithGaps,
  };
}

/** A `date` column as a Date for formatters: noon UTC stays on the same day in every European zone. */
export function dayAsDate(isoDay: string): Date {
  return new Date(`${isoDay}T12:00:00Z`);
}
