import { and, asc, count, desc, eq, gte, isNotNull, lt, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { businessProcesses, channelAssignments, channels, departments, insights, integrationScores, measureCostItems, measureKpiGoals, measures } from "../schema";
import { flowFigures } from "./flow-figures";
import { getCoverage, listGuidelines } from "./guidelines";
import { getOverview } from "./overview";
import { zonedToInstant } from "@/lib/insights/local-time";
import { type Criterion, companyScore, criterionScores, type DepartmentFacts, nextStep, type Stage, stageOf, totalScore } from "@/lib/integration/score";
import { type Day, todayIn } from "@/lib/kpis/periods";

/** The window the score looks back on: the last 90 company days. */
export const SCORE_DAYS = 90;

export interface DepartmentScore {
  departmentId: number;
  departmentName: string;
  facts: DepartmentFacts;
  criteria: Record<Criterion, number>;
  total: number;
  stage: Stage;
  next: { criterion: Criterion; gain: number } | null;
}

/** Each department's integration score as of `now`, from the data (lib/integration/score.ts says how). */
export async function departmentScores(db: Executor, now: Date = new Date()): Promise<DepartmentScore[]> {
  const today = todayIn(now);
  const [y, m, d] = today.split("-").map(Number);
  const from = zonedToInstant(y, m, d - SCORE_DAYS + 1);
  const to = zonedToInstant(y, m, d + 1);
  const [deps, channelRows, flow, loopRows, overview, guidelineCoverage, measureRows] = await Promise.all([
    db.select({ id: departments.id, name: departments.name }).from(departments).orderBy(asc(departments.name)),
    db
      .select({ departmentId: channelAssignments.departmentId, responsibility: channelAssignments.responsibility, n: count() })
      .from(channelAssignments)
      .innerJoin(channels, eq(channels.id, channelAssignments.channelId))
      .where(eq(channels.status, "active"))
      .groupBy(channelAssignments.departmentId, channelAssignments.responsibility),
    flowFigures(db, { from, to, now }),
    db
      .select({
        departmentId: insights.departmentId,
        resolved: count(),
        closed: sql<number>`count(*) filter (where ${insights.loopClosedAt} is not null)`.mapWith(Number),
      })
      .from(insights)
      .where(and(isNotNull(insights.departmentId), isNotNull(insights.resolvedAt), gte(insights.routedAt, from), lt(insights.routedAt, to)))
      .groupBy(insights.departmentId),
    getOverview(db, { kind: "month", anchor: today, today, scope: { all: true } }),
    coverageByDepartment(db),
    db
      .select({
        departmentId: businessProcesses.departmentId,
        id: measures.id,
        costs: sql<number>`(select count(*) from ${measureCostItems} c where c.measure_id = ${measures.id})`.mapWith(Number),
        goals: sql<number>`(select count(*) from ${measureKpiGoals} g where g.measure_id = ${measures.id})`.mapWith(Number),
        expected: measures.expectedBenefitCents,
      })
      .from(measures)
      .innerJoin(businessProcesses, eq(businessProcesses.id, measures.businessProcessId)),
  ]);
  const flowBy = new Map(flow.map((f) => [f.departmentId, f]));
  const loopBy = new Map(loopRows.map((r) => [r.departmentId!, r]));
  const overviewBy = new Map(overview.departments.map((o) => [o.id, o]));
  return deps.map((dep) => {
    const ch = channelRows.filter((c) => c.departmentId === dep.id);
    const f = flowBy.get(dep.id);
    const loop = loopBy.get(dep.id);
    const o = overviewBy.get(dep.id);
    const kpiCount = o ? Object.values(o.counts).reduce((a, b) => a + b, 0) : 0;
    const own = measureRows.filter((r) => r.departmentId === dep.id);
    const facts: DepartmentFacts = {
      channelsOwned: ch.filter((c) => c.responsibility === "owner").reduce((n, c) => n + c.n, 0),
      channelsContributed: ch.filter((c) => c.responsibility === "contributor").reduce((n, c) => n + c.n, 0),
      insightsReceived: f?.received ?? 0,
      slaCompliance: f?.slaCompliance ?? null,
      loopClosedShare: loop && loop.resolved > 0 ? loop.closed / loop.resolved : null,
      kpis: kpiCount,
      kpisOnTarget: o?.counts.onTarget ?? 0,
      guidelineCoverage: guidelineCoverage.get(dep.id) ?? null,
      measures: own.length,
      measuresWithCostBenefit: own.filter((r) => r.costs > 0 && (r.goals > 0 || r.expected !== null)).length,
    };
    const criteria = criterionScores(facts);
    const total = totalScore(criteria);
    return { departmentId: dep.id, departmentName: dep.name, facts, criteria, total, stage: stageOf(total), next: nextStep(criteria) };
  });
}

/** Per department: acknowledged ÷ affected over every published guideline's current version. */
async function coverageByDepartment(db: Executor): Promise<Map<number, number>> {
  const { rows } = await listGuidelines(db, { publishedOnly: true, pageSize: 100 });
  const coverages = await Promise.all(rows.map((g) => getCoverage(db, g.id, { withNames: false })));
  const sums = new Map<number, { ack: number; total: number }>();
  for (const c of coverages) {
    for (const d of c?.departments ?? []) {
      if (d.departmentId === null) continue;
      const s = sums.get(d.departmentId) ?? { ack: 0, total: 0 };
      s.ack += d.acknowledged;
      s.total += d.total;
      sums.set(d.departmentId, s);
    }
  }
  return new Map([...sums].map(([id, s]) => [id, s.total ? s.ack / s.total : 0]));
}

/** Stores this month's scores (month = its 1st), replacing an earlier run of the same month. */
export async function storeIntegrationScores(db: Executor, now: Date = new Date()): Promise<{ month: Day; departments: number; company: number | null }> {
  const scores = await departmentScores(db, now);
  const month = `${todayIn(now).slice(0, 7)}-01`;
  await db.transaction(async (tx) => {
    for (const s of scores) {
      const values = { departmentId: s.departmentId, month, total: s.total, criteria: s.criteria, facts: s.facts as unknown as Record<string, number | null>, computedAt: now };
      await tx
        .insert(integrationScores)
        .values(values)
        .onConflictDoUpdate({ target: [integrationScores.departmentId, integrationScores.month], set: { total: s.total, criteria: s.criteria, facts: values.facts, computedAt: now } });
    }
  });
  return { month, departments: scores.length, company: companyScore(scores.map((s) => s.total)) };
}

/** The company's score per stored month (mean of its departments), oldest first; at most `months`. */
export async function scoreTrend(db: Executor, months = 12): Promise<{ month: Day; company: number }[]> {
  const rows = await db
    .select({ month: integrationScores.month, company: sql<number>`round(avg(${integrationScores.total}))`.mapWith(Number) })
    .from(integrationScores)
    .groupBy(integrationScores.month)
    .orderBy(desc(integrationScores.month))
    .limit(months);
  return rows.reverse();
}

/** The scores of the latest stored month (what the overview shows; the nightly job keeps it current). */
export async function latestStoredScores(db: Executor): Promise<{ month: Day; departmentId: number; departmentName: string; total: number }[]> {
  const latest = db.select({ month: sql<string>`max(${integrationScores.month})`.as("latest_month") }).from(integrationScores).as("latest");
  return db
    .select({ month: integrationScores.month, departmentId: integrationScores.departmentId, departmentName: departments.name, total: integrationScores.total })
    .from(integrationScores)
    .innerJoin(latest, eq(integrationScores.month, latest.month))
    .innerJoin(departments, eq(departments.id, integrationScores.departmentId))
    .orderBy(asc(departments.name));
}
