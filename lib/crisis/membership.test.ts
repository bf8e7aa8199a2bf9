import { describe, expect, it } from "vitest";
import { belongsToCrisis, chartWindow, fillHours, foldedTopics, type CrisisFrame, type InsightFacts } from "./membership";

const start = new Date("2026-03-10T12:00:00Z");
const frame = (over: Partial<CrisisFrame> = {}): CrisisFrame => ({ startedAt: start, closedAt: null, channelIds: [], topics: [], ...over });
const insight = (over: Partial<InsightFacts> = {}): InsightFacts => ({
  occurredAt: new Date("2026-03-10T13:00:00Z"),
  channelId: 1,
  text: "Der Akku wird heiß",
  sentiment: "negative",
  category: "complaint",
  ...over,
});

describe("belongsToCrisis", () => {
  it("takes every negative voice since the start when a crisis has neither channels nor topics", () => {
    expect(belongsToCrisis(insight(), frame())).toBe(true);
    expect(belongsToCrisis(insight({ sentiment: "neutral", category: "crisis_signal" }), frame())).toBe(true);
    expect(belongsToCrisis(insight({ sentiment: "positive" }), frame())).toBe(false);
  });

  it("ignores what happened before the start or after the close", () => {
    expect(belongsToCrisis(insight({ occurredAt: new Date("2026-03-10T11:59:59Z") }), frame())).toBe(false);
    expect(belongsToCrisis(insight({ occurredAt: start }), frame())).toBe(true);
    const closed = frame({ closedAt: new Date("2026-03-10T14:00:00Z") });
    expect(belongsToCrisis(insight({ occurredAt: new Date("2026-03-10T14:00:01Z") }), closed)).toBe(false);
    expect(belongsToCrisis(insight({ occurredAt: new Date("2026-03-10T14:00:00Z") }), closed)).toBe(true);
  });

  it("narrows to its channels, whatever the sentiment", () => {
    const c = frame({ channelIds: [1, 2] });
    expect(belongsToCrisis(insight({ channelId: 2, sentiment: "positive" }), c)).toBe(true);
    expect(belongsToCrisis(insight({ channelId: 3 }), c)).toBe(false);
    expect(belongsToCrisis(insight({ channelId: null }), c)).toBe(false);
  });

  it("matches topics folded: umlauts, case and transliterations find each other", () => {
    const c = frame({ topics: ["Rückruf", "AKKU"] });
    expect(belongsToCrisis(insight({ text: "Wann kommt der Rueckruf?", sentiment: "neutral" }), c)).toBe(true);
    expect(belongsToCrisis(insight({ text: "akkus glühen", sentiment: "positive" }), c)).toBe(true);
    expect(belongsToCrisis(insight({ text: "Lieferung zu spät" }), c)).toBe(false);
  });

  it("needs both a channel and a topic when it has both", () => {
    const c = frame({ channelIds: [1], topics: ["Akku"] });
    expect(belongsToCrisis(insight({ channelId: 1 }), c)).toBe(true);
    expect(belongsToCrisis(insight({ channelId: 2 }), c)).toBe(false);
    expect(belongsToCrisis(insight({ channelId: 1, text: "Versand" }), c)).toBe(false);
  });

  it("folds and deduplicates topics, dropping blank ones", () => {
    expect(foldedTopics(["Rückruf", "rueckruf", " ", "Straße"])).toEqual(["rueckruf", "strasse"]);
  });
});

describe("the chart's window", () => {
  it("starts 48 hours before the start, on the hour, and ends at the next full hour", () => {
    const w = chartWindow({ startedAt: new Date("2026-03-10T12:20:00Z"), closedAt: null }, new Date("2026-03-10T15:10:00Z"));
    expect(w.from.toISOString()).toBe("2026-03-08T12:00:00.000Z");
    expect(w.to.toISOString()).toBe("2026-03-10T16:00:00.000Z");
  });

  it("ends at the close of a past crisis and covers at most two weeks", () => {
    const w = chartWindow({ startedAt: new Date("2026-01-01T00:00:00Z"), closedAt: new Date("2026-02-01T00:00:00Z") }, new Date("2026-03-01T00:00:00Z"));
    expect(w.to.toISOString()).toBe("2026-02-01T00:00:00.000Z");
    expect(w.to.getTime() - w.from.getTime()).toBe(14 * 24 * 3_600_000);
  });

  it("fills every hour, with the negative share where anything arrived", () => {
    const from = new Date("2026-03-10T10:00:00Z");
    const to = new Date("2026-03-10T13:00:00Z");
    const out = fillHours([{ hour: new Date("2026-03-10T11:00:00Z"), total: 3, negative: 2 }], from, to);
    expect(out).toEqual([
      { hour: "2026-03-10T10:00:00.000Z", total: 0, negative: 0, negativeShare: null },
      { hour: "2026-03-10T11:00:00.000Z", total: 3, negative: 2, negativeShare: 66.7 },
      { hour: "2026-03-10T12:00:00.000Z", total: 0, negative: 0, negativeShare: null },
    ]);
  });
});
