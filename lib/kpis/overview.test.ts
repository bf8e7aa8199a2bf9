import { describe, expect, it } from "vitest";
import { buildOverview, type KpiDefinition, overviewWindows, valueOf } from "./overview";

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

describe("buildOverview", () => {
  const windows = overviewWindows("2026-05-15", "month");
  it("covers the shown month and the five before it", () => {
    expect(windows.map((w) => w.start)).toEqual(["2025-12-01", "2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01"]);
  });

  it("compares a running month pro rata, counts RAG per department and computes the trend", () => {
    const o = buildOverview(
      [applications, responseTime],
      [
        { kpiId: 1, start: "2026-04-01", sum: 25, count: 20, last: null },
        { kpiId: 1, start: "2026-05-01", sum: 21, count: 10, last: null }, // 15 of 31 days: target ≈ 19.4
        { kpiId: 2, start: "2026-05-01", sum: 39, count: 3, last: null }, // avg 13 h: critical
      ],
      windows,
      "2026-05-15",
    );
    const [hr, service] = o.departments;
    const kpi = hr.processes[0].kpis[0];
    expect(kpi.current.value).toBe(21);
    expect(kpi.current.target).toBeCloseTo((40 * 15) / 31);
    expect(kpi.current.status).toBe("on_target");
    expect(kpi.previous.status).toBe("warning"); // April in full: 25 is below the warning threshold 30
    expect(kpi.trend).toBe("improving");
    expect(kpi.sparkline.slice(0, 4)).toEqual([null, null, null, null]);
    expect(service.processes[0].kpis[0].current.rag).toBe("red");
    expect(o.counts).toEqual({ onTarget: 1, atRisk: 0, offTarget: 1, noData: 0 });
    expect(hr.counts.onTarget).toBe(1);
  });
});
