import type { KpiUnit } from "./units";
import { type Aggregation, targetScale } from "./aggregate";
import { type Day, type DayRange, type KpiPeriod, type WindowKind, periodRange, periodStart, shiftPeriod } from "./periods";
import { type Rag, type Status, type Thresholds, attainment, evaluateStatus, overallStatus, ragOf } from "./thresholds";
import { type Trend, trendOfSeries } from "./trend";

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
  unit: KpiUnit;
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

/** A KPI's one unresolved threshold alert, as every view shows it. */
export interface KpiAlert {
  id: number;
  severity: "warning" | "critical";
  status: "open" | "acknowledged";
  /** Start of the KPI period the alert judges (its latest period with data). */
  periodStart: Day;
  /** Start of the first period of the run that crossed the threshold. */
  since: Day;
  /** The value of `periodStart`'s period. */
  value: number | null;
}

export interface OverviewKpi {
  id: number;
  name: string;
  unit: KpiDefinition["unit"];
  direction: KpiDefinition["direction"];
  aggregation: Aggregation;
  period: KpiPeriod;
  current: PeriodFigure;
  previous: PeriodFigure;
  /** The open alert, whatever window is shown: its severity is visible on the KPI's row in every view. */
  alert: KpiAlert | null;
  /** What the KPI counts as in the summary: the worse of the window's status and the open alert. */
  overall: Status;
  /** Whether `current` is judged pro rata (a sum in a window that has not ended yet). */
  proRata: boolean;
  /** Describes the sparkline (see lib/kpis/trend.ts). */
  trend: Trend | null;
  /** Attainment per step, oldest first, over the previous and the shown window (null: no data). */
  sparkline: (number | null)[];
}

/** KPIs per overall status; the five add up to the number of KPIs shown. */
export interface OverviewCounts {
  onTarget: number;
  withinTolerance: number;
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

/** The finer periods a window is split into for its sparkline; each nests inside the window. */
export const SPARKLINE_STEP: Record<WindowKind, KpiPeriod> = { week: "week", month: "week", quarter: "month", year: "quarter" };

/** `window` cut into `step` periods, the first and last clipped to the window (weeks straddle months). */
export function splitWindow(window: DayRange, step: KpiPeriod): DayRange[] {
  const out: DayRange[] = [];
  let start = window.start;
  while (start < window.end) {
    const next = shiftPeriod(periodStart(start, step), step, 1);
    const end = next < window.end ? next : window.end;
    out.push({ start, end });
    start = end;
  }
  return out;
}

export interface OverviewLayout {
  current: DayRange;
  previous: DayRange;
  /** The sparkline's periods across both windows, contiguous and oldest first. */
  buckets: DayRange[];
}

/**
 * What the overview reads: the shown window and the one before it, split into sparkline steps.
 * Only these two windows are scanned, so the cost follows the window, not the years of history.
 */
export function overviewLayout(anchor: Day, kind: WindowKind): OverviewLayout {
  const current = periodRange(anchor, kind);
  const previous = { start: shiftPeriod(current.start, kind, -1), end: current.start };
  const step = SPARKLINE_STEP[kind];
  return { current, previous, buckets: [...splitWindow(previous, step), ...splitWindow(current, step)] };
}

/** Adds up step aggregates into one window's; the last value is the latest step's that has one. */
export function combine(parts: readonly (BucketAggregate | undefined)[]): Pick<BucketAggregate, "sum" | "count" | "last"> {
  let sum = 0;
  let count = 0;
  let last: number | null = null;
  for (const p of parts) {
    if (!p || p.count === 0) continue;
    sum += p.sum;
    count += p.count;
    if (p.last !== null) last = p.last;
  }
  return { sum, count, last };
}

export function figure(
  kpi: Thresholds & Pick<KpiDefinition, "aggregation" | "period">,
  value: number | null,
  window: DayRange,
  today: Day,
  scale = targetScale(kpi.aggregation, kpi.period, window, today),
): PeriodFigure {
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
  return { onTarget: 0, withinTolerance: 0, atRisk: 0, offTarget: 0, noData: 0 };
}

export function countStatus(counts: OverviewCounts, status: Status): void {
  if (status === "on_target") counts.onTarget++;
  else if (status === "within_tolerance") counts.withinTolerance++;
  else if (status === "warning") counts.atRisk++;
  else if (status === "critical") counts.offTarget++;
  else counts.noData++;
}

/**
 * Puts the overview together from KPI definitions, their per-step aggregates and their open
 * alerts: each KPI's figure for the shown window and the one before, its open alert, trend and
 * sparkline, grouped by department and process (in the order given), with counts per department
 * and in total by overall status.
 */
export function buildOverview(
  kpis: readonly KpiDefinition[],
  buckets: readonly BucketAggregate[],
  layout: OverviewLayout,
  today: Day,
  openAlerts: ReadonlyMap<number, KpiAlert> = new Map(),
) {
  const byKpi = new Map<number, Map<Day, BucketAggregate>>();
  for (const b of buckets) {
    let m = byKpi.get(b.kpiId);
    if (!m) byKpi.set(b.kpiId, (m = new Map()));
    m.set(b.start, b);
  }
  const inWindow = (w: DayRange) => layout.buckets.filter((b) => b.start >= w.start && b.end <= w.end);
  const currentSteps = inWindow(layout.current);
  const previousSteps = inWindow(layout.previous);
  // Hundreds of KPIs share a handful of (aggregation, period) pairs: compute each scale once.
  const scales = new Map<string, number>();
  const scaleOf = (kpi: KpiDefinition, w: DayRange) => {
    const key = `${kpi.aggregation}:${kpi.period}:${w.start}:${w.end}`;
    let s = scales.get(key);
    if (s === undefined) scales.set(key, (s = targetScale(kpi.aggregation, kpi.period, w, today)));
    return s;
  };
  const total = emptyCounts();
  const departments: OverviewDepartment[] = [];
  const started = layout.buckets.filter((b) => b.start <= today);
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
    const valueIn = (steps: DayRange[]) => valueOf(combine(steps.map((s) => mine?.get(s.start))), kpi.aggregation);
    const currentScale = scaleOf(kpi, layout.current);
    const cur = figure(kpi, valueIn(currentSteps), layout.current, today, currentScale);
    const before = figure(kpi, valueIn(previousSteps), layout.previous, today, scaleOf(kpi, layout.previous));
    const alert = openAlerts.get(kpi.id) ?? null;
    const overall = overallStatus(cur.status, alert?.severity ?? null);
    countStatus(dep.counts, overall);
    countStatus(total, overall);
    // Steps that have not begun yet are left out rather than drawn as gaps.
    const sparkline = started.map((b) => figure(kpi, valueOf(mine?.get(b.start), kpi.aggregation), b, today, scaleOf(kpi, b)).attainment);
    proc.kpis.push({
      id: kpi.id,
      name: kpi.name,
      unit: kpi.unit,
      direction: kpi.direction,
      aggregation: kpi.aggregation,
      period: kpi.period,
      current: cur,
      previous: before,
      alert,
      overall,
      proRata: kpi.aggregation === "sum" && layout.current.end > today && cur.value !== null,
      trend: trendOfSeries(sparkline),
      sparkline,
    });
  }
  return { window: layout.current, previousWindow: layout.previous, counts: total, departments };
}
