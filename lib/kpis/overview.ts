import { type Aggregation, targetScale } from "./aggregate";
import { type Day, type DayRange, type KpiPeriod, type WindowKind, trailingPeriods } from "./periods";
import { type Rag, type Status, type Thresholds, type Trend, attainment, evaluateStatus, ragOf, trendOf } from "./thresholds";

/** Aggregates of one KPI in one period as SQL returns them; `last` only for last-value KPIs. */
export interface BucketAggregate {
  kpiId: number;
  start: Day;
  sum: number;
  count: number;
  last: number | null;
}

export function valueOf(b: Pick<BucketAggregate, "sum" | "count" | "last"> | undefined, aggregation: Aggregation): number | null {
  if (!b || b.count === 0) return null;
  if (aggregation === "sum") return b.sum;
  if (aggregation === "avg") return b.sum / b.count;
  return b.last;
}

export interface KpiDefinition extends Thresholds {
  id: number;
  name: string;
  unit: "count" | "percent" | "eur" | "hours" | "score";
  period: KpiPeriod;
  aggregation: Aggregation;
  processId: number;
  processName: string;
  departmentId: number;
  departmentName: string;
}

export interface PeriodFigure {
  value: number | null;
  /** Target and thresholds as compared in this window (pro rata for sums). */
  target: number;
  warningThreshold: number;
  criticalThreshold: number;
  status: Status;
  rag: Rag;
  attainment: number | null;
}

export interface OverviewKpi {
  id: number;
  name: string;
  unit: KpiDefinition["unit"];
  direction: KpiDefinition["direction"];
  aggregation: Aggregation;
  current: PeriodFigure;
  previous: PeriodFigure;
  trend: Trend | null;
  /** Attainment per window, oldest first, ending with the shown window (null: no data). */
  sparkline: (number | null)[];
}

export interface OverviewCounts {
  onTarget: number;
  atRisk: number;
  offTarget: number;
  noData: number;
}

export interface OverviewProcess {
  id: number;
  name: string;
  kpis: OverviewKpi[];
}

export interface OverviewDepartment {
  id: number;
  name: string;
  counts: OverviewCounts;
  processes: OverviewProcess[];
}

export const SPARKLINE_WINDOWS = 6;

/** The windows the overview needs: a few before the shown one for the sparkline, oldest first. */
export function overviewWindows(anchor: Day, kind: WindowKind): DayRange[] {
  return trailingPeriods(anchor, kind, SPARKLINE_WINDOWS);
}

export function figure(kpi: KpiDefinition, value: number | null, window: DayRange, today: Day): PeriodFigure {
  const scale = targetScale(kpi.aggregation, kpi.period, window, today);
  const status = evaluateStatus(value, kpi, scale);
  return {
    value,
    target: kpi.target * scale,
    warningThreshold: kpi.warningThreshold * scale,
    criticalThreshold: kpi.criticalThreshold * scale,
    status,
    rag: ragOf(status),
    attainment: attainment(value, kpi.target * scale, kpi.direction),
  };
}

export function emptyCounts(): OverviewCounts {
  return { onTarget: 0, atRisk: 0, offTarget: 0, noData: 0 };
}

export function countStatus(counts: OverviewCounts, status: Status): void {
  if (status === "on_target") counts.onTarget++;
  else if (status === "warning") counts.atRisk++;
  else if (status === "critical") counts.offTarget++;
  else counts.noData++;
}

/**
 * Puts the overview together from KPI definitions and their per-window aggregates: each KPI's
 * figure for the shown window and the one before, its trend and sparkline, grouped by department
 * and process (in the order given), with RAG counts per department and in total.
 */
export function buildOverview(
  kpis: readonly KpiDefinition[],
  buckets: readonly BucketAggregate[],
  windows: readonly DayRange[],
  today: Day,
) {
  const byKpi = new Map<number, Map<Day, BucketAggregate>>();
  for (const b of buckets) {
    let m = byKpi.get(b.kpiId);
    if (!m) byKpi.set(b.kpiId, (m = new Map()));
    m.set(b.start, b);
  }
  const current = windows[windows.length - 1];
  const prev = windows[windows.length - 2];
  const total = emptyCounts();
  const departments: OverviewDepartment[] = [];
  for (const kpi of kpis) {
    let dep = departments.at(-1);
    if (!dep || dep.id !== kpi.departmentId) {
      dep = { id: kpi.departmentId, name: kpi.departmentName, counts: emptyCounts(), processes: [] };
      departments.push(dep);
    }
    let proc = dep.processes.at(-1);
    if (!proc || proc.id !== kpi.processId) {
      proc = { id: kpi.processId, name: kpi.processName, kpis: [] };
      dep.processes.push(proc);
    }
    const mine = byKpi.get(kpi.id);
    const figures = windows.map((w) => figure(kpi, valueOf(mine?.get(w.start), kpi.aggregation), w, today));
    const cur = figures[figures.length - 1];
    const before = prev ? figures[figures.length - 2] : figure(kpi, null, current, today);
    countStatus(dep.counts, cur.status);
    countStatus(total, cur.status);
    proc.kpis.push({
      id: kpi.id,
      name: kpi.name,
      unit: kpi.unit,
      direction: kpi.direction,
      aggregation: kpi.aggregation,
      current: cur,
      previous: before,
      trend: trendOf(cur.attainment, before.attainment),
      sparkline: figures.map((f) => f.attainment),
    });
  }
  return { window: current, previousWindow: prev ?? null, counts: total, departments };
}
