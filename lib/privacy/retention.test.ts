import { describe, expect, it } from "vitest";
import { cutoff, DEFAULT_RETENTION, readRetention } from "./retention";

describe("retention settings", () => {
  it("fills what is not stored with the defaults and keeps null as 'keep'", () => {
    const r = readRetention({ insights: { complaint: 36, praise: null }, auditMonths: null });
    expect(r.insights.complaint).toBe(36);
    expect(r.insights.praise).toBeNull();
    expect(r.insights.applicant_question).toBe(6);
    expect(r.auditMonths).toBeNull();
    expect(r.notificationMonths).toBe(DEFAULT_RETENTION.notificationMonths);
  });

  it("falls back to the default for malformed values", () => {
    const r = readRetention({ insights: { complaint: 0, idea: 2.5, praise: "6", question: 121 }, auditMonths: -1 });
    expect(r.insights.complaint).toBe(24);
    expect(r.insights.idea).toBe(24);
    expect(r.insights.praise).toBe(12);
    expect(r.insights.question).toBe(12);
    expect(r.auditMonths).toBe(DEFAULT_RETENTION.auditMonths);
    expect(readRetention("nonsense")).toEqual(DEFAULT_RETENTION);
  });
});

describe("cutoff", () => {
  it("goes back whole calendar months, clamping at a month's end", () => {
    expect(cutoff(new Date("2026-08-31T02:30:00Z"), 6).toISOString()).toBe("2026-02-28T02:30:00.000Z");
    expect(cutoff(new Date("2028-08-31T02:30:00Z"), 6).toISOString()).toBe("2028-02-29T02:30:00.000Z");
    expect(cutoff(new Date("2026-01-15T00:00:00Z"), 24).toISOString()).toBe("2024-01-15T00:00:00.000Z");
    expect(cutoff(new Date("2026-03-31T12:00:00Z"), 1).toISOString()).toBe("2026-02-28T12:00:00.000Z");
    expect(cutoff(new Date("2026-12-31T23:59:59Z"), 12).toISOString()).toBe("2025-12-31T23:59:59.000Z");
  });
});
