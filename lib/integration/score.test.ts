import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CRITERIA, companyScore, criterionScores, type DepartmentFacts, nextStep, stageOf, totalScore, WEIGHTS } from "./score";

const none: DepartmentFacts = {
  channelsOwned: 0,
  channelsContributed: 0,
  insightsReceived: 0,
  slaCompliance: null,
  loopClosedShare: null,
  kpis: 0,
  kpisOnTarget: 0,
  guidelineCoverage: null,
  measures: 0,
  measuresWithCostBenefit: 0,
};

describe("integration score", () => {
  it("weights sum to 100", () => {
    expect(CRITERIA.reduce((n, c) => n + WEIGHTS[c], 0)).toBe(100);
  });

  it("scores each criterion from the department's own numbers", () => {
    const s = criterionScores({
      channelsOwned: 0,
      channelsContributed: 2,
      insightsReceived: 6,
      slaCompliance: 0.8,
      loopClosedShare: 0.25,
      kpis: 4,
      kpisOnTarget: 3,
      guidelineCoverage: 2 / 3,
      measures: 1,
      measuresWithCostBenefit: 0,
    });
    expect(s).toEqual({ channels: 60, insights: 50, sla: 80, loop: 25, kpis: 75, guidelines: 67, measures: 50 });
    // (15·60 + 10·50 + 20·80 + 10·25 + 20·75 + 15·67 + 10·50) / 100 = 62.55
    expect(totalScore(s)).toBe(63);
    expect(stageOf(63)).toBe("connected");
  });

  it("gives a department without anything 0 (entry) and a complete one 100 (integrated)", () => {
    expect(totalScore(criterionScores(none))).toBe(0);
    const full: DepartmentFacts = {
      channelsOwned: 1,
      channelsContributed: 0,
      insightsReceived: 40,
      slaCompliance: 1,
      loopClosedShare: 1,
      kpis: 2,
      kpisOnTarget: 2,
      guidelineCoverage: 1,
      measures: 1,
      measuresWithCostBenefit: 1,
    };
    expect(totalScore(criterionScores(full))).toBe(100);
    expect(stageOf(0)).toBe("entry");
    expect(stageOf(100)).toBe("integrated");
    expect(nextStep(criterionScores(full))).toBeNull();
  });

  it("maps the stage boundaries", () => {
    expect([19, 20, 39, 40, 59, 60, 79, 80].map(stageOf)).toEqual(["entry", "trial", "trial", "established", "established", "connected", "connected", "integrated"]);
  });

  it("names the step that raises the total most", () => {
    const s = { channels: 100, insights: 100, sla: 50, loop: 0, kpis: 90, guidelines: 100, measures: 100 };
    // sla: 20·0.5 = 10 points, loop: 10·1 = 10 points (tie → sla, first), kpis: 2.
    expect(nextStep(s)).toEqual({ criterion: "sla", gain: 10 });
    expect(nextStep({ ...s, sla: 60 })).toEqual({ criterion: "loop", gain: 10 });
  });

  it("stays within 0–100 for any facts, and the company is the mean of its departments", () => {
    fc.assert(
      fc.property(
        fc.record({
          channelsOwned: fc.nat(5),
          channelsContributed: fc.nat(5),
          insightsReceived: fc.nat(1000),
          slaCompliance: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
          loopClosedShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
          kpis: fc.nat(10),
          kpisOnTarget: fc.nat(10),
          guidelineCoverage: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
          measures: fc.nat(5),
          measuresWithCostBenefit: fc.nat(5),
        }),
        (f) => {
          const facts = { ...f, kpisOnTarget: Math.min(f.kpisOnTarget, f.kpis), measuresWithCostBenefit: Math.min(f.measuresWithCostBenefit, f.measures) };
          const total = totalScore(criterionScores(facts));
          expect(total).toBeGreaterThanOrEqual(0);
          expect(total).toBeLessThanOrEqual(100);
        },
      ),
    );
    expect(companyScore([40, 61, 80])).toBe(60);
    expect(companyScore([])).toBeNull();
  });
});
