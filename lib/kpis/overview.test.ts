import { describe, expect, it } from "vitest";
import { buildOverview, combine, type KpiDefinition, overviewLayout, splitWindow, valueOf } from "./overview";

const base = { unit: "count", processId: 1, processName: "Recruiting", departmentId: 1, departmentName: "Personal" } as const;
const applications: KpiDefinition = {
  ...base,
  id: 1,
  name: "Bewerbungen",
  direction: "higher_is_better",
  period: "month",
  aggregation: "sum",
  target: 40,
  warningThreshold: 30,
  criticalThreshold: 20,
};
const responseTime: KpiDefinition = {
  ...base,
  id: 2,
  name: "Antwortzeit",
  unit: "hours",
  direction: "lower_is_better",
  period: "week",
  aggregation: "avg",
  target: 4,
  warningThreshold: 8,
  criticalThreshold: 12,
  processId: 2,
  processName: "Kundenservice",
  departmentId: 2,
  departmentName: "Kundenservice",
};

describe("valueOf", () => {
  it("picks the aggregate the KPI asks for", () => {
    const b = { sum: 12, count: 4, last: 5 };
    expect(valueOf(b, "sum")).toBe(12);
    expect(valueOf(b, "avg")).toBe(3);
    expect(valueOf(b, "last")).toBe(5);
    expect(valueOf(undefined, "sum")).toBeNull();
  });
});

describe("overviewLayout", () => {
  it("reads the shown quarter and the one before, month by month", () => {
    const l = overviewLayout("2026-05-15", "quarter");
    expect(l.current).toEqual({ start: "2026-04-01", end: "2026-07-01" });
    expect(l.previous).toEqual({ start: "2026-01-01", end: "2026-04-01" });
    expect(l.buckets.map((b) => b.start)).toEqual(["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01"]);
  });

  it("clips weeks to the month so steps nest in their window", () => {
    expect(splitWindow({ start: "2026-04-01", end: "2026-05-01" }, "week")).toEqual([
      { start: "2026-04-01", end: "2026-04-06" },
      { start: "2026-04-06", end: "2026-04-13" },
      { start: "2026-04-13", end: "2026-04-20" },
      { start: "2026-04-20", end: "2026-04-27" },
      { start: "2026-04-27", end: "2026-05-01" },
    ]);
    expect(overviewLayout("2026-12-31", "year").buckets).toHaveLength(8);
  });

  it("combines steps: sums add up, the last value is the latest step's", () => {
    const step = (sum: number, count: number, last: number | null) => ({ kpiId: 1, start: "x", sum, count, last });
    expect(combine([step(3, 1, 3), undefined, step(5, 2, 4), step(0, 0, null)])).toEqual({ sum: 8, count: 3, last: 4 });
  });
});

describe("buildOverview", () => {
  const layout = overviewLayout("2026-05-15", "month");

  it("compares a running month pro rata, counts RAG per department and computes the trend", () => {
    const o = buildOverview(
      [applications, responseTime],
      [
        { kpiId: 1, start: "2026-04-01", sum: 10, count: 10, last: null },
        { kpiId: 1, start: "2026-04-20", sum: 15, count: 10, last: null },
        { kpiId: 1, start: "2026-05-04", sum: 21, count: 10, last: null }, // 15 of 31 days: target ≈ 19.4
        { kpiId: 2, start: "2026-05-11", sum: 39, count: 3, last: null }, // avg 13 h: critical
      ],
      layout,
      "2026-05-15",
    );
    const [hr, service] = o.departments;
    const kpi = hr.processes[0].kpis[0];
    expect(kpi.current.value).toBe(21);
    expect(kpi.current.target).toBeCloseTo((40 * 15) / 31);
    expect(kpi.current.status).toBe("on_target");
    expect(kpi.previous.value).toBe(25);
    expect(kpi.previous.status).toBe("warning"); // April in full: 25 is below the warning threshold 30
    expect(kpi.trend).toBe("improving");
    // April's five steps, then May's up to the week that contains the 15th.
    expect(kpi.sparkline).toHaveLength(5 + 3);
    expect(kpi.sparkline[1]).toBeNull();
    expect(service.processes[0].kpis[0].current.rag).toBe("red");
    expect(o.counts).toEqual({ onTarget: 1, withinTolerance: 0, atRisk: 0, offTarget: 1, noData: 0 });
    expect(hr.counts.onTarget).toBe(1);
    expect(kpi.proRata).toBe(true);
    expect(kpi.alert).toBeNull();
    expect(kpi.overall).toBe("on_target");
  });

  it("shows a KPI's open alert on its row in every window and counts it at least at the alert's severity", () => {
    // The quarter's average is on target while last week's value opened a critical alert.
    const steps = [
      { kpiId: 2, start: "2026-04-01", sum: 30, count: 10, last: null },
      { kpiId: 2, start: "2026-05-01", sum: 30, count: 10, last: null },
      { kpiId: 2, start: "2026-06-01", sum: 39, count: 3, last: null },
    ];
    const alert = { id: 9, severity: "critical", status: "open", periodStart: "2026-06-08", since: "2026-06-01", value: 13 } as const;
    for (const kind of ["month", "quarter", "year"] as const) {
      const o = buildOverview([applications, responseTime], steps, overviewLayout("2026-06-10", kind), "2026-06-10", new Map([[2, alert]]));
      const k = o.departments[1].processes[0].kpis[0];
      expect(k.alert).toEqual(alert);
      expect(k.overall).toBe("critical");
      expect(o.counts.offTarget).toBe(1);
      const c = o.counts;
      expect(c.onTarget + c.withinTolerance + c.atRisk + c.offTarget + c.noData).toBe(2);
    }
  });

  it("counts a miss within tolerance as yellow, not green", () => {
    const o = buildOverview([responseTime], [{ kpiId: 2, start: "2026-05-11", sum: 15, count: 3, last: null }], layout, "2026-05-15");
    const k = o.departments[0].processes[0].kpis[0];
    expect(k.current.status).toBe("within_tolerance");
    expect(k.current.rag).toBe("yellow");
    expect(o.counts).toEqual({ onTarget: 0, withinTolerance: 1, atRisk: 0, offTarget: 0, noData: 0 });
  });

  it("draws the trend from the sparkline it shows", () => {
    // Response times falling week by week (lower is better): the line climbs and the arrow says better.
    const weeks = ["2026-04-06", "2026-04-13", "2026-04-20", "2026-04-27", "2026-05-04", "2026-05-11"];
    const o = buildOverview(
      [responseTime],
      weeks.map((start, i) => ({ kpiId: 2, start, sum: 3 * (10 - i), count: 3, last: null })),
      layout,
      "2026-05-15",
    );
    const k = o.departments[0].processes[0].kpis[0];
    const drawn = k.sparkline.filter((p): p is number => p !== null);
    expect(drawn.at(-1)!).toBeGreaterThan(drawn[0]);
    expect(k.trend).toBe("improving");
  });
});
