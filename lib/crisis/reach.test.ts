import { describe, expect, it } from "vitest";
import { reach } from "./reach";

const t = (min: number) => new Date(Date.UTC(2026, 4, 4, 10, min));

describe("activation reach", () => {
  it("counts briefed, read and acted in all and per platform, and the quickest action", () => {
    const r = reach([
      { platforms: ["linkedin", "x"], sentAt: t(0), readAt: t(5), actedAt: t(25) },
      { platforms: ["linkedin"], sentAt: t(0), readAt: null, actedAt: t(12) },
      { platforms: ["instagram"], sentAt: t(30), readAt: t(31), actedAt: null },
      { platforms: [], sentAt: t(30), readAt: null, actedAt: null },
    ]);
    expect([r.briefed, r.read, r.acted, r.firstActionMinutes]).toEqual([4, 3, 2, 12]);
    expect(r.perPlatform).toEqual([
      { platform: "linkedin", briefed: 2, read: 2, acted: 2 },
      { platform: "instagram", briefed: 1, read: 1, acted: 0 },
      { platform: "x", briefed: 1, read: 1, acted: 1 },
    ]);
  });

  it("is all zeros before anyone was briefed", () => {
    expect(reach([])).toEqual({ briefed: 0, read: 0, acted: 0, perPlatform: [], firstActionMinutes: null });
  });
});
