import { describe, expect, it } from "vitest";
import { computeDerived, type DerivedDefinition, definitionErrors, type FlowRow } from "./derived";

const from = new Date("2026-03-01T00:00:00Z");
const to = new Date("2026-04-01T00:00:00Z");
const now = new Date("2026-04-02T12:00:00Z");
const h = (iso: string, hours: number) => new Date(new Date(iso).getTime() + hours * 3_600_000);

/** Routed at `at`, SLA 24 h. */
function row(at: string, over: Partial<FlowRow> = {}): FlowRow {
  return {
    occurredAt: new Date(at),
    category: "complaint",
    sentiment: "negative",
    channelId: 1,
    departmentId: 2,
    routedAt: new Date(at),
    slaDueAt: h(at, 24),
    acceptedAt: null,
    resolvedAt: null,
    declinedAt: null,
    loopClosedAt: null,
    ...over,
  };
}

const rows: FlowRow[] = [
  // Accepted after 2 h, resolved after 10 h (within SLA), loop closed.
  row("2026-03-02T08:00:00Z", { acceptedAt: h("2026-03-02T08:00:00Z", 2), resolvedAt: h("2026-03-02T08:00:00Z", 10), loopClosedAt: h("2026-03-02T08:00:00Z", 12) }),
  // Resolved directly after 30 h: SLA missed.
  row("2026-03-10T08:00:00Z", { resolvedAt: h("2026-03-10T08:00:00Z", 30), sentiment: "neutral" }),
  // Declined after 4 h: within SLA, no resolution.
  row("2026-03-20T08:00:00Z", { declinedAt: h("2026-03-20T08:00:00Z", 4), category: "question", sentiment: "positive" }),
  // Open and overdue at `now`.
  row("2026-03-25T08:00:00Z", { departmentId: 3 }),
  // Open, routed on the last evening, not yet due at `now`: not counted for the SLA.
  row("2026-03-31T23:00:00Z", { slaDueAt: new Date("2026-04-03T00:00:00Z"), channelId: 9 }),
  // Outside the period.
  row("2026-04-01T00:00:00Z", { resolvedAt: h("2026-04-01T00:00:00Z", 1) }),
];

const def = (over: Partial<DerivedDefinition>): DerivedDefinition => ({ metric: "insight_count", categories: [], sentiments: [], channelIds: [], departmentIds: [], ...over });
const compute = (over: Partial<DerivedDefinition>) => computeDerived(def(over), rows, from, to, now);

describe("KPIs derived from insights (hand-computed)", () => {
  it("counts with filters", () => {
    expect(compute({})).toBe(5);
    expect(compute({ categories: ["complaint"] })).toBe(4);
    expect(compute({ sentiments: ["negative"], departmentIds: [2] })).toBe(2);
    expect(compute({ channelIds: [9] })).toBe(1);
  });

  it("share negative", () => {
    expect(compute({ metric: "negative_share" })).toBe(60);
    expect(compute({ metric: "negative_share", categories: ["question"] })).toBe(0);
    expect(compute({ metric: "negative_share", categories: ["idea"] })).toBeNull();
  });

  it("median time to the first reaction and to resolution", () => {
    // Reactions after 2, 30 and 4 hours.
    expect(compute({ metric: "median_hours_to_accept" })).toBe(4);
    // Resolutions after 10 and 30 hours.
    expect(compute({ metric: "median_hours_to_resolve" })).toBe(20);
    expect(compute({ metric: "median_hours_to_resolve", departmentIds: [3] })).toBeNull();
  });

  it("SLA compliance among the done and the overdue", () => {
    // Kept: 1st and 3rd; missed: 2nd (late) and 4th (overdue); 5th not yet due.
    expect(compute({ metric: "sla_compliance" })).toBe(50);
  });

  it("loop closed among the resolved", () => {
    expect(compute({ metric: "loop_closed_share" })).toBe(50);
  });
});

describe("derived definitions", () => {
  it("refuse what cannot be computed, with the field to fix", () => {
    expect(definitionErrors(def({ metric: "sla_compliance" }), { unit: "percent", aggregation: "last" })).toBeNull();
    expect(definitionErrors(def({ metric: "sla_compliance" }), { unit: "hours", aggregation: "last" })).toEqual({ unit: ["kpis.derived.errors.unit"] });
    expect(definitionErrors(def({}), { unit: "count", aggregation: "sum" })).toEqual({ aggregation: ["kpis.derived.errors.aggregation"] });
    expect(definitionErrors(def({ metric: "negative_share", sentiments: ["negative"] }), { unit: "percent", aggregation: "last" })).toEqual({
      sentiments: ["kpis.derived.errors.sentimentFilter"],
    });
    expect(definitionErrors(def({ metric: "bogus" as never }), { unit: "count", aggregation: "last" })).toEqual({ metric: ["kpis.derived.errors.metric"] });
  });
});
