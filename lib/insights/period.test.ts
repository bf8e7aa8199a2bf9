import { describe, expect, it } from "vitest";
import { dayBound, flowWindow } from "./period";

describe("flow figures window", () => {
  it("covers the last 30 company days, today included, from midnight to midnight in Berlin", () => {
    const w = flowWindow(new Date("2026-06-15T10:00:00Z"), 30);
    expect(w.from.toISOString()).toBe("2026-05-16T22:00:00.000Z");
    expect(w.to.toISOString()).toBe("2026-06-15T22:00:00.000Z");
  });

  it("takes the Berlin day, not the UTC day, late in the evening and across New Year", () => {
    const w = flowWindow(new Date("2030-12-31T23:30:00Z"), 30);
    expect(w.to.toISOString()).toBe("2031-01-01T23:00:00.000Z");
    expect(w.from.toISOString()).toBe("2030-12-02T23:00:00.000Z");
  });

  it("keeps whole days when the clocks change inside the window", () => {
    const w = flowWindow(new Date("2026-04-10T12:00:00Z"), 30);
    expect(w.from.toISOString()).toBe("2026-03-11T23:00:00.000Z");
    expect(w.to.toISOString()).toBe("2026-04-10T22:00:00.000Z");
    expect(w.from).toEqual(dayBound("2026-03-12"));
    expect(w.to).toEqual(dayBound("2026-04-10", true));
  });
});
