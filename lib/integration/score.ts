// The integration score (Integrationsgrad): how far social media is woven into a department's
// work, from the data the tool holds — not from a questionnaire. Each criterion scores 0–100; the
// total is their weighted mean; the total maps to one of five stages in the spirit of the
// published maturity models.

export const CRITERIA = ["channels", "insights", "sla", "loop", "kpis", "guidelines", "measures"] as const;
export type Criterion = (typeof CRITERIA)[number];

/** Weights (sum 100): handling what the social web says and steering by KPIs count most. */
export const WEIGHTS: Record<Criterion, number> = {
  channels: 15,
  insights: 10,
  sla: 20,
  loop: 10,
  kpis: 20,
  guidelines: 15,
  measures: 10,
};

/** Insights in the period at which "receives insights" counts in full (one a week over a quarter). */
export const INSIGHTS_FULL = 12;

/** What the score of one department is computed from (one period, usually the last 90 days). */
export interface DepartmentFacts {
  /** Active channels the department owns, and ones it contributes to. */
  channelsOwned: number;
  channelsContributed: number;
  /** Insights routed to it in the period. */
  insightsReceived: number;
  /** Share of those due in the period handled within their SLA (0..1); null when none was due. */
  slaCompliance: number | null;
  /** Share of its resolved insights whose loop the central unit closed (0..1); null when none resolved. */
  loopClosedShare: number | null;
  /** Its active KPIs, and how many have a current value on target. */
  kpis: number;
  kpisOnTarget: number;
  /** Acknowledgment coverage of the published guidelines among its people (0..1); null when none applies. */
  guidelineCoverage: number | null;
  /** Its measures, and how many carry costs and an expected benefit. */
  measures: number;
  measuresWithCostBenefit: number;
}

const pct = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 100);

/** Each criterion 0–100. */
export function criterionScores(f: DepartmentFacts): Record<Criterion, number> {
  return {
    channels: f.channelsOwned > 0 ? 100 : f.channelsContributed > 0 ? 60 : 0,
    insights: pct(f.insightsReceived / INSIGHTS_FULL),
    sla: f.slaCompliance === null ? 0 : pct(f.slaCompliance),
    loop: f.loopClosedShare === null ? 0 : pct(f.loopClosedShare),
    kpis: f.kpis === 0 ? 0 : pct(f.kpisOnTarget / f.kpis),
    guidelines: f.guidelineCoverage === null ? 0 : pct(f.guidelineCoverage),
    measures: f.measuresWithCostBenefit > 0 ? 100 : f.measures > 0 ? 50 : 0,
  };
}

/** The weighted mean of the criteria, 0–100, rounded. */
export function totalScore(scores: Record<Criterion, number>): number {
  const sum = CRITERIA.reduce((n, c) => n + WEIGHTS[c] * scores[c], 0);
  return Math.round(sum / CRITERIA.reduce((n, c) => n + WEIGHTS[c], 0));
}

export const STAGES = ["entry", "trial", "established", "connected", "integrated"] as const;
export type Stage = (typeof STAGES)[number];

/** Lower bounds of the stages: 0–19 entry, 20–39 trial, 40–59 established, 60–79 connected, 80–100 integrated. */
export const STAGE_FROM: Record<Stage, number> = { entry: 0, trial: 20, established: 40, connected: 60, integrated: 80 };

export function stageOf(total: number): Stage {
  let stage: Stage = "entry";
  for (const s of STAGES) if (total >= STAGE_FROM[s]) stage = s;
  return stage;
}

/** The criterion whose full mark would raise the total most (ties: the earlier in CRITERIA); null at 100. */
export function nextStep(scores: Record<Criterion, number>): { criterion: Criterion; gain: number } | null {
  let best: { criterion: Criterion; gain: number } | null = null;
  for (const c of CRITERIA) {
    const gain = (WEIGHTS[c] * (100 - scores[c])) / 100;
    if (gain > 0 && (!best || gain > best.gain)) best = { criterion: c, gain: Math.round(gain) };
  }
  return best;
}

/** The company's score: the mean of its departments' totals (each department counts once). */
export function companyScore(totals: readonly number[]): number | null {
  return totals.length ? Math.round(totals.reduce((a, b) => a + b, 0) / totals.length) : null;
}
