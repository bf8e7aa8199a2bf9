import { describe, expect, it } from "vitest";
import { channelGaps, detectGaps, type GapChannel, isoDay, isReviewOverdue } from "./gaps";

const base: GapChannel = { id: 1, status: "active", ownerId: 1, ownerActive: true, deputyId: 2, deputyActive: true, nextReviewOn: "2026-06-30" };
const owned = [{ channelId: 1, departmentId: 10, responsibility: "owner" as const }];
const today = "2026-05-15";

describe("channelGaps", () => {
  it("finds nothing on a complete active channel", () => {
    expect(channelGaps(base, owned, today)).toEqual([]);
  });

  it("flags a missing owner, deputy and owning department of an active channel", () => {
    expect(channelGaps({ ...base, ownerId: null, deputyId: null }, [], today)).toEqual(["no_owner", "no_deputy", "no_owning_department"]);
  });

  it("counts a deactivated owner or deputy as missing", () => {
    expect(channelGaps({ ...base, ownerActive: false, deputyActive: false }, owned, today)).toEqual(["no_owner", "no_deputy"]);
  });

  it("does not ask for an owner on planned, paused or retired channels", () => {
    for (const status of ["planned", "paused", "retired"] as const) {
      expect(channelGaps({ ...base, status, ownerId: null, deputyId: null }, [], today)).toEqual([]);
    }
  });

  it("flags a review date that has passed, but not today's, and not on retired channels", () => {
    expect(channelGaps({ ...base, nextReviewOn: "2026-05-14" }, owned, today)).toEqual(["review_overdue"]);
    expect(channelGaps({ ...base, nextReviewOn: today }, owned, today)).toEqual([]);
    expect(isReviewOverdue({ status: "retired", nextReviewOn: "2020-01-01" }, today)).toBe(false);
    expect(isReviewOverdue({ status: "paused", nextReviewOn: null }, today)).toBe(false);
  });
});

describe("detectGaps", () => {
  it("finds departments without any live channel and counts channels with gaps", () => {
    const report = detectGaps({
      departments: [{ id: 10 }, { id: 20 }, { id: 30 }],
      channels: [base, { ...base, id: 2, status: "retired" }, { ...base, id: 3, deputyId: null }],
      assignments: [...owned, { channelId: 2, departmentId: 20, responsibility: "owner" }, { channelId: 3, departmentId: 10, responsibility: "owner" }],
      today,
    });
    // Department 20 only has a retired channel, 30 has none.
    expect(report.departmentsWithoutChannel).toEqual([20, 30]);
    expect(report.channelGaps.get(3)).toEqual(["no_deputy"]);
    expect(report.channelGaps.get(1)).toEqual([]);
    expect(report.channelsWithGaps).toBe(1);
  });
});

describe("isoDay", () => {
  it("uses the company's time zone for the day", () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Berlin.
    expect(isoDay(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
    expect(isoDay(new Date("2025-12-31T23:30:00Z"), "UTC")).toBe("2025-12-31");
  });
});
