import { and, asc, count, desc, eq, gte, inArray, isNull, lte, type SQL, sql, sum } from "drizzle-orm";
import type { Executor } from "../client";
import { businessProcesses, channels, departments, kpis, measureChannels, measureCostItems, measureKpiGoals, measurements, measures } from "../schema";
import { recordAudit } from "./audit";
import { getKpi, getKpisByIds, type KpiDto } from "./kpis";
import { kpiSeries, latestFigures } from "./measurements";
import type { BenefitKind, CostCategory, MeasureStatus } from "@/lib/enums";
import { AppError } from "@/lib/errors";
import { type DepartmentScope, inScope } from "@/lib/kpis/scope";
import type { Day } from "@/lib/kpis/periods";
import { aggregateCosts, type CostItem, type CostSummary, costPerResult, type KpiGoal, progress, roi, verdict, type Verdict, type VerdictReason } from "@/lib/measures/economics";

export const MEASURE_PAGE_SIZE = 25;

export interface MeasureInput {
  businessProcessId: number;
  title: string;
  goal: string;
  startsOn: Day;
  endsOn: Day | null;
  status: MeasureStatus;
  benefitKind: BenefitKind;
  expectedBenefitCents: number | null;
  realisedBenefitCents: number | null;
  benefitNote: string | null;
  resultKpiId: number | null;
  channelIds: number[];
  goals: { kpiId: number; baseline: number; target: number }[];
}

export interface CostItemInput {
  category: CostCategory;
  actual: boolean;
  description: string;
  hundredthHours: number | null;
  hourlyRateCents: number | null;
  amountCents: number | null;
  incurredOn: Day | null;
}

export interface Actor {
  id: number;
  /** Managers: every process; department heads: their department's. */
  scope: DepartmentScope;
}

/** The process a measure belongs to, checked against the writer's scope; 404 for unknown or archived ones. */
async function writableProcess(tx: Executor, actor: Actor, processId: number) {
  const [p] = await tx
    .select({ id: businessProcesses.id, departmentId: businessProcesses.departmentId })
    .from(businessProcesses)
    .where(and(eq(businessProcesses.id, processId), isNull(businessProcesses.archivedAt)));
  if (!p) throw new AppError("validation_failed", "unknown process", { businessProcessId: ["measures.errors.process"] });
  if (!inScope(actor.scope, p.departmentId)) throw new AppError("forbidden", "This process belongs to another department.");
  return p;
}

/** Result and goal KPIs must be active KPIs of the measure's own process; channels must exist. */
async function checkLinks(tx: Executor, input: MeasureInput) {
  const kpiIds = [...new Set([...(input.resultKpiId ? [input.resultKpiId] : []), ...input.goals.map((g) => g.kpiId)])];
  if (kpiIds.length) {
    const found = await tx
      .select({ id: kpis.id, unit: kpis.unit })
      .from(kpis)
      .where(and(inArray(kpis.id, kpiIds), eq(kpis.businessProcessId, input.businessProcessId), isNull(kpis.archivedAt)));
    const byId = new Map(found.map((k) => [k.id, k]));
    if (input.resultKpiId) {
      const k = byId.get(input.resultKpiId);
      if (!k) throw new AppError("validation_failed", "result KPI not of this process", { resultKpiId: ["measures.errors.kpiOfProcess"] });
      if (k.unit !== "count") throw new AppError("validation_failed", "result KPI must count", { resultKpiId: ["measures.errors.resultCount"] });
    }
    const bad = input.goals.findIndex((g) => !byId.has(g.kpiId));
    if (bad >= 0) throw new AppError("validation_failed", "goal KPI not of this process", { [`goals.${bad}.kpiId`]: ["measures.errors.kpiOfProcess"] });
  }
  if (input.benefitKind === "kpis" && input.goals.length === 0) {
    throw new AppError("validation_failed", "KPI benefit without KPIs", { goals: ["measures.errors.goalsRequired"] });
  }
  if (input.benefitKind === "money" && input.expectedBenefitCents === null) {
    throw new AppError("validation_failed", "money benefit without an amount", { expectedBenefitCents: ["measures.errors.expectedRequired"] });
  }
  const channelIds = [...new Set(input.channelIds)];
  if (channelIds.length) {
    const [{ n }] = await tx.select({ n: count() }).from(channels).where(inArray(channels.id, channelIds));
    if (n !== channelIds.length) throw new AppError("validation_failed", "unknown channel", { channelIds: ["validation.invalidChoice"] });
  }
  if (input.endsOn !== null && input.endsOn < input.startsOn) {
    throw new AppError("validation_failed", "ends before it starts", { endsOn: ["measures.errors.endBeforeStart"] });
  }
}

function row(input: MeasureInput) {
  return {
    businessProcessId: input.businessProcessId,
    title: input.title,
    goal: input.goal,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    status: input.status,
    benefitKind: input.benefitKind,
    expectedBenefitCents: input.benefitKind === "money" ? input.expectedBenefitCents : null,
    realisedBenefitCents: input.benefitKind === "money" ? input.realisedBenefitCents : null,
    benefitNote: input.benefitNote,
    resultKpiId: input.resultKpiId,
  };
}

async function writeLinks(tx: Executor, measureId: number, input: MeasureInput) {
  await tx.delete(measureChannels).where(eq(measureChannels.measureId, measureId));
  await tx.delete(measureKpiGoals).where(eq(measureKpiGoals.measureId, measureId));
  const channelIds = [...new Set(input.channelIds)];
  if (channelIds.length) await tx.insert(measureChannels).values(channelIds.map((channelId) => ({ measureId, channelId })));
  if (input.benefitKind === "kpis" && input.goals.length) {
    const seen = new Set<number>();
    const goals = input.goals.filter((g) => !seen.has(g.kpiId) && seen.add(g.kpiId));
    await tx.insert(measureKpiGoals).values(goals.map((g) => ({ measureId, ...g })));
  }
}

export async function createMeasure(db: Executor, actor: Actor, input: MeasureInput): Promise<number> {
  return db.transaction(async (tx) => {
    await writableProcess(tx, actor, input.businessProcessId);
    await checkLinks(tx, input);
    const [{ id }] = await tx
      .insert(measures)
      .values({ ...row(input), createdBy: actor.id })
      .returning({ id: measures.id });
    await writeLinks(tx, id, input);
    await recordAudit(tx, { actorId: actor.id, action: "measure.create", entityType: "measure", entityId: id, after: input });
    return id;
  });
}

/** The measure as stored, checked against the actor's scope (404 when it does not exist). */
async function writableMeasure(tx: Executor, actor: Actor, id: number) {
  const [m] = await tx
    .select({ id: measures.id, businessProcessId: measures.businessProcessId, departmentId: businessProcesses.departmentId })
    .from(measures)
    .innerJoin(businessProcesses, eq(businessProcesses.id, measures.businessProcessId))
    .where(eq(measures.id, id))
    .for("update", { of: measures });
  if (!m) throw new AppError("not_found", "No such measure.");
  if (!inScope(actor.scope, m.departmentId)) throw new AppError("forbidden", "This measure belongs to another department.");
  return m;
}

export async function updateMeasure(db: Executor, actor: Actor, id: number, input: MeasureInput) {
  await db.transaction(async (tx) => {
    await writableMeasure(tx, actor, id);
    await writableProcess(tx, actor, input.businessProcessId);
    await checkLinks(tx, input);
    const [before] = await tx.select().from(measures).where(eq(measures.id, id));
    await tx
      .update(measures)
      .set({ ...row(input), updatedAt: new Date() })
      .where(eq(measures.id, id));
    await writeLinks(tx, id, input);
    await recordAudit(tx, { actorId: actor.id, action: "measure.update", entityType: "measure", entityId: id, before, after: input });
  });
}

export async function deleteMeasure(db: Executor, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    await writableMeasure(tx, actor, id);
    const [before] = await tx.select().from(measures).where(eq(measures.id, id));
    await tx.delete(measures).where(eq(measures.id, id));
    await recordAudit(tx, { actorId: actor.id, action: "measure.delete", entityType: "measure", entityId: id, before });
  });
}

export async function addCostItem(db: Executor, actor: Actor, measureId: number, input: CostItemInput): Promise<number> {
  return db.transaction(async (tx) => {
    await writableMeasure(tx, actor, measureId);
    const staff = input.category === "staff";
    const values = {
      measureId,
      category: input.category,
      actual: input.actual,
      description: input.description,
      hundredthHours: staff ? input.hundredthHours : null,
      hourlyRateCents: staff ? input.hourlyRateCents : null,
      amountCents: staff ? null : input.amountCents,
      incurredOn: input.incurredOn,
      createdBy: actor.id,
    };
    if (staff && (values.hundredthHours === null || values.hourlyRateCents === null)) {
      throw new AppError("validation_failed", "staff cost needs hours and a rate", {
        ...(values.hundredthHours === null ? { hours: ["measures.errors.hoursRequired"] } : {}),
        ...(values.hourlyRateCents === null ? { hourlyRate: ["measures.errors.rateRequired"] } : {}),
      });
    }
    if (!staff && values.amountCents === null) throw new AppError("validation_failed", "amount missing", { amount: ["measures.errors.amountRequired"] });
    const [{ id }] = await tx.insert(measureCostItems).values(values).returning({ id: measureCostItems.id });
    await tx.update(measures).set({ updatedAt: new Date() }).where(eq(measures.id, measureId));
    await recordAudit(tx, { actorId: actor.id, action: "measure.cost_add", entityType: "measure", entityId: measureId, after: values });
    return id;
  });
}

export async function deleteCostItem(db: Executor, actor: Actor, measureId: number, itemId: number) {
  await db.transaction(async (tx) => {
    await writableMeasure(tx, actor, measureId);
    const [before] = await tx
      .delete(measureCostItems)
      .where(and(eq(measureCostItems.id, itemId), eq(measureCostItems.measureId, measureId)))
      .returning();
    if (!before) throw new AppError("not_found", "No such cost item.");
    await recordAudit(tx, { actorId: actor.id, action: "measure.cost_delete", entityType: "measure", entityId: measureId, before });
  });
}

// ─── Reads ───────────────────────────────────────────────────────────────────

const costItemOf = (c: { category: CostCategory; actual: boolean; hundredthHours: number | null; hourlyRateCents: number | null; amountCents: number | null }): CostItem => ({
  category: c.category,
  actual: c.actual,
  hours: c.hundredthHours === null ? null : c.hundredthHours / 100,
  hourlyRateCents: c.hourlyRateCents,
  amountCents: c.amountCents,
});

export async function getMeasure(db: Executor, id: number) {
  const [m] = await db
    .select({
      id: measures.id,
      title: measures.title,
      goal: measures.goal,
      startsOn: measures.startsOn,
      endsOn: measures.endsOn,
      status: measures.status,
      benefitKind: measures.benefitKind,
      expectedBenefitCents: measures.expectedBenefitCents,
      realisedBenefitCents: measures.realisedBenefitCents,
      benefitNote: measures.benefitNote,
      resultKpiId: measures.resultKpiId,
      businessProcessId: measures.businessProcessId,
      processName: businessProcesses.name,
      departmentId: businessProcesses.departmentId,
      departmentName: departments.name,
      updatedAt: measures.updatedAt,
    })
    .from(measures)
    .innerJoin(businessProcesses, eq(businessProcesses.id, measures.businessProcessId))
    .innerJoin(departments, eq(departments.id, businessProcesses.departmentId))
    .where(eq(measures.id, id));
  if (!m) return null;
  const [costItems, goalRows, channelRows] = await Promise.all([
    db.select().from(measureCostItems).where(eq(measureCostItems.measureId, id)).orderBy(asc(measureCostItems.actual), asc(measureCostItems.id)),
    db.select({ kpiId: measureKpiGoals.kpiId, baseline: measureKpiGoals.baseline, target: measureKpiGoals.target }).from(measureKpiGoals).where(eq(measureKpiGoals.measureId, id)).orderBy(asc(measureKpiGoals.kpiId)),
    db.select({ id: channels.id, name: channels.name }).from(measureChannels).innerJoin(channels, eq(channels.id, measureChannels.channelId)).where(eq(measureChannels.measureId, id)).orderBy(asc(channels.name)),
  ]);
  return { ...m, costItems, goals: goalRows, channels: channelRows };
}

export type MeasureDetail = NonNullable<Awaited<ReturnType<typeof getMeasure>>>;

/** Sum of a counting KPI's values in [from, to] (the measure's result). */
async function resultSum(db: Executor, kpiId: number, from: Day, to: Day): Promise<number | null> {
  if (to < from) return null;
  const [r] = await db
    .select({ total: sum(measurements.value).mapWith(Number), n: count() })
    .from(measurements)
    .where(and(eq(measurements.kpiId, kpiId), gte(measurements.measuredOn, from), lte(measurements.measuredOn, to)));
  return r.n > 0 ? r.total : null;
}

export interface GoalFigure extends KpiGoal {
  kpi: KpiDto;
  progress: number | null;
}

export interface MeasureFigures {
  costs: CostSummary;
  results: number | null;
  resultKpi: KpiDto | null;
  /** Cents per unit of result. */
  costPerResult: number | null;
  roi: number | null;
  goals: GoalFigure[];
  verdict: Verdict;
  reason: VerdictReason;
}

/** What the measure cost, what it brought and whether it holds, as of `today`. */
export async function measureFigures(db: Executor, m: MeasureDetail, today: Day): Promise<MeasureFigures> {
  const costs = aggregateCosts(m.costItems.map(costItemOf));
  const until = m.endsOn && m.endsOn < today ? m.endsOn : today;
  const [resultKpi, goals] = await Promise.all([
    m.resultKpiId ? getKpi(db, m.resultKpiId) : null,
    Promise.all(
      m.goals.map(async (g) => {
        const kpi = await getKpi(db, g.kpiId);
        if (!kpi) return null;
        // The KPI's figure in its latest period up to the measure's end (pro rata while running).
        const [last] = await kpiSeries(db, kpi, { until, today, periods: 1 });
        const current = last && last.count > 0 && last.value !== null ? last.value : null;
        const goal = { baseline: g.baseline, target: g.target, current };
        return { ...goal, kpi, progress: progress(goal) };
      }),
    ),
  ]);
  const results = resultKpi && m.status !== "planned" ? await resultSum(db, resultKpi.id, m.startsOn, until) : null;
  const presentGoals = goals.filter((g): g is GoalFigure => g !== null);
  const v = verdict({
    status: m.status,
    actualCents: costs.actualCents,
    realisedBenefitCents: m.benefitKind === "money" ? m.realisedBenefitCents : null,
    goals: m.benefitKind === "kpis" ? presentGoals : undefined,
  });
  return {
    costs,
    results,
    resultKpi,
    costPerResult: costPerResult(costs.actualCents, results),
    roi: m.benefitKind === "money" && m.realisedBenefitCents !== null ? roi(m.realisedBenefitCents, costs.actualCents) : null,
    goals: presentGoals,
    verdict: v.verdict,
    reason: v.reason,
  };
}

export interface MeasureFilter {
  scope: DepartmentScope;
  departmentId?: number;
  status?: MeasureStatus;
  page?: number;
}

/** Measures newest first, with their planned and actual costs (summed in the query). */
export async function listMeasures(db: Executor, f: MeasureFilter) {
  const page = Math.max(f.page ?? 1, 1);
  const conds: SQL[] = [];
  if (!f.scope.all) conds.push(eq(businessProcesses.departmentId, f.scope.departmentId ?? -1));
  if (f.departmentId) conds.push(eq(businessProcesses.departmentId, f.departmentId));
  if (f.status) conds.push(eq(measures.status, f.status));
  const where = conds.length ? and(...conds) : undefined;
  const costSums = db
    .select({
      measureId: measureCostItems.measureId,
      planned: sql<string>`coalesce(sum(case when not ${measureCostItems.actual} then coalesce(${measureCostItems.amountCents}, round(${measureCostItems.hundredthHours}::numeric * ${measureCostItems.hourlyRateCents} / 100)) end), 0)`.as("planned"),
      actual: sql<string>`coalesce(sum(case when ${measureCostItems.actual} then coalesce(${measureCostItems.amountCents}, round(${measureCostItems.hundredthHours}::numeric * ${measureCostItems.hourlyRateCents} / 100)) end), 0)`.as("actual"),
    })
    .from(measureCostItems)
    .groupBy(measureCostItems.measureId)
    .as("cost_sums");
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: measures.id,
        title: measures.title,
        status: measures.status,
        startsOn: measures.startsOn,
        endsOn: measures.endsOn,
        processName: businessProcesses.name,
        departmentId: businessProcesses.departmentId,
        departmentName: departments.name,
        plannedCents: sql<number>`coalesce(${costSums.planned}, 0)`.mapWith(Number),
        actualCents: sql<number>`coalesce(${costSums.actual}, 0)`.mapWith(Number),
      })
      .from(measures)
      .innerJoin(businessProcesses, eq(businessProcesses.id, measures.businessProcessId))
      .innerJoin(departments, eq(departments.id, businessProcesses.departmentId))
      .leftJoin(costSums, eq(costSums.measureId, measures.id))
      .where(where)
      .orderBy(desc(measures.startsOn), desc(measures.id))
      .limit(MEASURE_PAGE_SIZE)
      .offset((page - 1) * MEASURE_PAGE_SIZE),
    db
      .select({ total: count() })
      .from(measures)
      .innerJoin(businessProcesses, eq(businessProcesses.id, measures.businessProcessId))
      .where(where),
  ]);
  return { rows, total, page, pageSize: MEASURE_PAGE_SIZE };
}

export interface PortfolioRow {
  departmentId: number;
  departmentName: string;
  measures: number;
  plannedCents: number;
  actualCents: number;
  verdicts: Record<Verdict, number>;
}

/**
 * Per department: how many measures, what they were to cost and cost, and how many hold. A fixed
 * number of queries for the measures, their costs and goals, plus one figure per goal KPI (and
 * measure end) — the overview and the board report ask for it.
 */
export async function portfolio(db: Executor, scope: DepartmentScope, today: Day): Promise<PortfolioRow[]> {
  const rows = await db
    .select({
      id: measures.id,
      status: measures.status,
      benefitKind: measures.benefitKind,
      realisedBenefitCents: measures.realisedBenefitCents,
      endsOn: measures.endsOn,
      departmentId: businessProcesses.departmentId,
      departmentName: departments.name,
    })
    .from(measures)
    .innerJoin(businessProcesses, eq(businessProcesses.id, measures.businessProcessId))
    .innerJoin(departments, eq(departments.id, businessProcesses.departmentId))
    .where(scope.all ? undefined : eq(businessProcesses.departmentId, scope.departmentId ?? -1))
    .orderBy(asc(measures.id));
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [items, goalRows] = await Promise.all([
    db.select().from(measureCostItems).where(inArray(measureCostItems.measureId, ids)),
    db.select().from(measureKpiGoals).where(inArray(measureKpiGoals.measureId, ids)),
  ]);
  // The current figure of each goal KPI up to each measure's end (usually today): once per pair.
  const until = (r: (typeof rows)[number]) => (r.endsOn && r.endsOn < today ? r.endsOn : today);
  const pairs = new Map<string, { kpiId: number; until: Day }>();
  for (const r of rows.filter((x) => x.benefitKind === "kpis")) {
    for (const g of goalRows.filter((x) => x.measureId === r.id)) pairs.set(`${g.kpiId}:${until(r)}`, { kpiId: g.kpiId, until: until(r) });
  }
  const kpiIds = [...new Set([...pairs.values()].map((p) => p.kpiId))];
  const goalKpis = await getKpisByIds(db, kpiIds);
  const kpiById = new Map<number, KpiDto>(goalKpis.map((k) => [k.id, k]));
  // All goals' figures in one statement per KPI period kind and end day (usually one or two).
  const current = await latestFigures(db, goalKpis, [...pairs.values()]);
  const out = new Map<number, PortfolioRow>();
  for (const r of rows) {
    const costs = aggregateCosts(items.filter((i) => i.measureId === r.id).map(costItemOf));
    const goals =
      r.benefitKind === "kpis"
        ? goalRows
            .filter((g) => g.measureId === r.id && kpiById.get(g.kpiId))
            .map((g) => ({ baseline: g.baseline, target: g.target, current: current.get(`${g.kpiId}:${until(r)}`) ?? null }))
        : undefined;
    const v = verdict({ status: r.status, actualCents: costs.actualCents, realisedBenefitCents: r.benefitKind === "money" ? r.realisedBenefitCents : null, goals });
    let row = out.get(r.departmentId);
    if (!row) {
      row = { departmentId: r.departmentId, departmentName: r.departmentName, measures: 0, plannedCents: 0, actualCents: 0, verdicts: { holds: 0, does_not_hold: 0, open: 0 } };
      out.set(r.departmentId, row);
    }
    row.measures++;
    row.plannedCents += costs.plannedCents;
    row.actualCents += costs.actualCents;
    row.verdicts[v.verdict]++;
  }
  return [...out.values()].sort((a, b) => a.departmentName.localeCompare(b.departmentName, "de"));
}
