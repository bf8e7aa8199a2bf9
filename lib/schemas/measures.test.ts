import { describe, expect, it } from "vitest";
import { costItemSchema, measureSchema } from "./measures";

const form = (over: Record<string, unknown> = {}) => ({
  businessProcessId: "3",
  title: " Azubi-Kampagne ",
  goal: "Mehr Bewerbungen",
  startsOn: "01.03.2026",
  endsOn: "",
  status: "running",
  benefitKind: "money",
  expectedBenefit: "10.000,00",
  realisedBenefit: "",
  benefitNote: "",
  resultKpiId: "7",
  channelIds: ["2", "2", "5"],
  goalKpiIds: ["", "", ""],
  goalBaselines: ["", "", ""],
  goalTargets: ["", "", ""],
  ...over,
});

describe("measure form", () => {
  it("reads German amounts and dates and drops empty goal rows", () => {
    const r = measureSchema.parse(form());
    expect(r).toMatchObject({ title: "Azubi-Kampagne", startsOn: "2026-03-01", endsOn: null, expectedBenefitCents: 1_000_000, realisedBenefitCents: null, resultKpiId: 7, channelIds: [2, 5], goals: [] });
  });

  it("takes KPI goal rows and names the field of a bad one", () => {
    const r = measureSchema.parse(form({ benefitKind: "kpis", goalKpiIds: ["9", "", ""], goalBaselines: ["48", "", ""], goalTargets: ["24,5", "", ""] }));
    expect(r.goals).toEqual([{ kpiId: 9, baseline: 48, target: 24.5 }]);
    const bad = measureSchema.safeParse(form({ goalKpiIds: ["9", "", ""], goalBaselines: ["", "", ""], goalTargets: ["10", "", ""] }));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toContain("goals.0.baseline");
  });

  it("refuses negative amounts and more than two decimals", () => {
    for (const amount of ["-5", "1,234", "abc"]) {
      const r = measureSchema.safeParse(form({ expectedBenefit: amount }));
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]).toMatchObject({ path: ["expectedBenefit"], message: "measures.errors.amount" });
    }
  });
});

describe("cost item form", () => {
  it("staff: hours × rate in hundredths and cents", () => {
    expect(costItemSchema.parse({ measureId: "1", category: "staff", actual: "actual", description: "Betreuung", hours: "12,5", hourlyRate: "65", amount: "" })).toEqual({
      measureId: 1,
      category: "staff",
      actual: true,
      description: "Betreuung",
      hundredthHours: 1250,
      hourlyRateCents: 6500,
      amountCents: null,
      incurredOn: null,
    });
  });

  it("asks for what the category needs", () => {
    const staff = costItemSchema.safeParse({ measureId: "1", category: "staff", actual: "planned", description: "x", hours: "", hourlyRate: "", amount: "100" });
    expect(staff.error?.issues.map((i) => i.path[0])).toEqual(["hours", "hourlyRate"]);
    const ads = costItemSchema.safeParse({ measureId: "1", category: "paid_media", actual: "planned", description: "x", amount: "" });
    expect(ads.error?.issues.map((i) => i.path[0])).toEqual(["amount"]);
    expect(costItemSchema.safeParse({ measureId: "1", category: "staff", actual: "planned", description: "x", hours: "1,234", hourlyRate: "5" }).success).toBe(false);
    expect(costItemSchema.safeParse({ measureId: "1", category: "tools", actual: "planned", description: "x", amount: "-1" }).success).toBe(false);
  });
});
