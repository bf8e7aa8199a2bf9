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
  // At thousands of KPIs this loop is a good part of the overview's time: steps are addressed by
  // their index, scales computed once per (aggregation, period) and the sparkline needs only the
  // attainment of each step, not a whole figure.
  const stepIndex = new Map(layout.buckets.map((b, i) => [b.start, i]));
  const byKpi = new Map<number, (BucketAggregate | undefined)[]>();
  for (const b of buckets) {
    const i = stepIndex.get(b.start);
    if (i === undefined) continue;
    let steps = byKpi.get(b.kpiId);
    if (!steps) byKpi.set(b.kpiId, (steps = new Array(layout.buckets.length)));
    steps[i] = b;
  }
  const inWindow = (w: DayRange) => layout.buckets.flatMap((b, i) => (b.start >= w.start && b.end <= w.end ? [i] : []));
  const currentSteps = inWindow(layout.current);
  const previousSteps = inWindow(layout.previous);
  // Steps that have not begun yet are left out rather than drawn as gaps.
  const started = layout.buckets.flatMap((b, i) => (b.start <= today ? [i] : []));
  // Hundreds of KPIs share a handful of (aggregation, period) pairs: compute their scales once.
  const scales = new Map<string, { current: number; previous: number; steps: number[] }>();
  const scalesOf = (kpi: KpiDefinition) => {
    const key = `${kpi.aggregation}:${kpi.period}`;
    let s = scales.get(key);
    if (!s) {
      const scale = (w: DayRange) => targetScale(kpi.aggregation, kpi.period, w, today);
      s = { current: scale(layout.current), previous: scale(layout.previous), steps: layout.buckets.map(scale) };
      scales.set(key, s);
    }
    return s;
  };
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
    const valueIn = (steps: number[]) => valueOf(combine(steps.map((i) => mine?.[i])), kpi.aggregation);
    const scale = scalesOf(kpi);
    const cur = figure(kpi, valueIn(currentSteps), layout.current, today, scale.current);
    const before = figure(kpi, valueIn(previousSteps), layout.previous, today, scale.previous);
    const alert = openAlerts.get(kpi.id) ?? null;
    const overall = overallStatus(cur.status, alert?.severity ?? null);
    countStatus(dep.counts, overall);
    countStatus(total, overall);
    const sparkline = started.map((i) => attainment(valueOf(mine?.[i], kpi.aggregation), kpi.target * scale.steps[i], kpi.direction));
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
