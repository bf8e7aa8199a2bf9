import { describe, expect, it } from "vitest";
import { addDays, elapsedDays, isDay, periodRange, periodStart, shiftPeriod, todayIn, trailingPeriods } from "./periods";

describe("periods", () => {
  it("starts ISO weeks on Monday, also across a year boundary", () => {
    expect(periodStart("2026-01-01", "week")).toBe("2025-12-29"); // Thursday → Monday of ISO week 1
    expect(periodStart("2025-12-29", "week")).toBe("2025-12-29");
    expect(periodStart("2026-01-04", "week")).toBe("2025-12-29"); // Sunday still belongs to it
    expect(periodStart("2026-01-05", "week")).toBe("2026-01-05");
  });

  it("buckets month, quarter and year boundaries exactly", () => {
    expect(periodRange("2024-02-29", "month")).toEqual({ start: "2024-02-01", end: "2024-03-01" });
    expect(periodRange("2026-03-31", "quarter")).toEqual({ start: "2026-01-01", end: "2026-04-01" });
    expect(periodRange("2026-04-01", "quarter")).toEqual({ start: "2026-04-01", end: "2026-07-01" });
    expect(periodRange("2026-12-31", "year")).toEqual({ start: "2026-01-01", end: "2027-01-01" });
  });

  it("crosses the daylight-saving changes without losing or adding a day", () => {
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDays("2026-10-25", 1)).toBe("2026-10-26");
    expect(periodRange("2026-03-30", "week")).toEqual({ start: "2026-03-30", end: "2026-04-06" });
    expect(elapsedDays({ start: "2026-03-01", end: "2026-04-01" }, "2026-03-31")).toBe(31);
  });

  it("shifts periods forwards and backwards", () => {
    expect(shiftPeriod("2026-01-15", "month", -1)).toBe("2025-12-01");
    expect(shiftPeriod("2026-05-20", "quarter", -2)).toBe("2025-10-01");
    expect(shiftPeriod("2026-01-05", "week", 1)).toBe("2026-01-12");
    expect(trailingPeriods("2026-05-20", "quarter", 3).map((r) => r.start)).toEqual(["2025-10-01", "2026-01-01", "2026-04-01"]);
  });

  it("counts elapsed days of running, past and future periods", () => {
    const march = { start: "2026-03-01", end: "2026-04-01" };
    expect(elapsedDays(march, "2026-02-27")).toBe(0);
    expect(elapsedDays(march, "2026-03-01")).toBe(1);
    expect(elapsedDays(march, "2026-03-10")).toBe(10);
    expect(elapsedDays(march, "2027-01-01")).toBe(31);
  });

  it("takes today's date in Berlin, not in UTC", () => {
    expect(todayIn(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01"); // 00:30 in Berlin (CEST)
    expect(todayIn(new Date("2026-12-31T22:59:00Z"))).toBe("2026-12-31"); // 23:59 in Berlin (CET)
    expect(todayIn(new Date("2026-12-31T23:00:00Z"))).toBe("2027-01-01");
  });

  it("recognises real ISO days only", () => {
    expect(isDay("2024-02-29")).toBe(true);
    expect(isDay("2025-02-29")).toBe(false);
    expect(isDay("01.02.2026")).toBe(false);
  });
});
