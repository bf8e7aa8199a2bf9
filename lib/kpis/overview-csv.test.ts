import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv/parse";
import { buildOverview, type KpiDefinition, overviewLayout } from "./overview";
import { overviewCsv } from "./overview-csv";

const kpi: KpiDefinition = {
  id: 1,
  name: "Reichweite; gesamt",
  unit: "percent",
  direction: "higher_is_better",
  period: "month",
  aggregation: "avg",
  target: 3.5,
  warningThreshold: 2.5,
  criticalThreshold: 1.5,
  processId: 1,
  processName: "Markenführung",
  departmentId: 1,
  departmentName: "Marketing",
};
const labels = {
  headers: { department: "Abteilung", process: "Prozess", kpi: "Kennzahl", unit: "Einheit", value: "Ist", target: "Ziel", status: "Status", trend: "Trend", previousValue: "Vorperiode", previousStatus: "Status Vorperiode" },
  unit: (u: string) => u,
  status: (s: string) => s,
  trend: (t: string) => t,
};

describe("overviewCsv", () => {
  const o = buildOverview([kpi], [{ kpiId: 1, start: "2026-05-01", sum: 5.5, count: 2, last: null }], overviewLayout("2026-05-15", "quarter"), "2026-05-15");
  it("writes German CSV that our own importer reads back, quoting separators", () => {
    const text = overviewCsv(o.departments, { locale: "de", compare: true, labels });
    const back = parseCsv(text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.table.delimiter).toBe(";");
    expect(back.table.rows[0].values).toMatchObject({ kennzahl: "Reichweite; gesamt", ist: "2,75", ziel: "3,5", status: "on_target", vorperiode: "" });
  });
  it("leaves out the comparison when it is not shown, and uses commas in English", () => {
    const text = overviewCsv(o.departments, { locale: "en", compare: false, labels });
    expect(text.split("\r\n")[0]).toBe("Abteilung,Prozess,Kennzahl,Einheit,Ist,Ziel,Status,Trend");
    expect(text).toContain("2.75");
  });
});
