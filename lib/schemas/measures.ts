import { z } from "zod";
import { BENEFIT_KINDS, COST_CATEGORIES, MEASURE_STATUSES } from "@/lib/enums";
import { parseNumber } from "@/lib/csv/parse";
import { parseAmountCents } from "@/lib/measures/economics";
import { day, decimal } from "@/lib/schemas/kpis";
import { optionalId, optionalText, requiredId, trimmed, v } from "@/lib/validation";

/** How many KPI goals the form offers. */
export const MAX_GOALS = 3;

const choice = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: v.invalidChoice });

/** A euro amount as typed ("1.234,56"): non-negative with at most two decimals, in cents; empty is null. */
const optionalAmount = z.preprocess(
  (x) => (x === undefined || x === null || (typeof x === "string" && x.trim() === "") ? null : x),
  z
    .string({ error: "measures.errors.amount" })
    .nullable()
    .transform((s, ctx) => {
      if (s === null) return null;
      const cents = parseAmountCents(s);
      if (cents === null) {
        ctx.addIssue({ code: "custom", message: "measures.errors.amount" });
        return z.NEVER;
      }
      return cents;
    }),
);

/** Hours with at most two decimals (0–100,000), in hundredths; empty is null. */
const optionalHours = z.preprocess(
  (x) => (x === undefined || x === null || (typeof x === "string" && x.trim() === "") ? null : x),
  z
    .string({ error: "measures.errors.hours" })
    .nullable()
    .transform((s, ctx) => {
      if (s === null) return null;
      const n = parseNumber(s);
      const hundredths = n === null ? Number.NaN : Math.round(n * 100);
      if (n === null || n < 0 || n > 100_000 || Math.abs(n * 100 - hundredths) > 1e-6) {
        ctx.addIssue({ code: "custom", message: "measures.errors.hours" });
        return z.NEVER;
      }
      return hundredths;
    }),
);

const optionalDay = z.preprocess((x) => (x === "" ? undefined : x), day.optional()).transform((d) => d ?? null);

const list = (x: unknown) => (x == null ? [] : Array.isArray(x) ? x : [x]);

export const measureSchema = z
  .object({
    businessProcessId: requiredId,
    title: trimmed(160),
    goal: trimmed(2000),
    startsOn: day,
    endsOn: optionalDay,
    status: choice(MEASURE_STATUSES),
    benefitKind: choice(BENEFIT_KINDS),
    expectedBenefit: optionalAmount,
    realisedBenefit: optionalAmount,
    benefitNote: optionalText(1000),
    resultKpiId: optionalId,
    channelIds: z.preprocess(list, z.array(z.coerce.number().int().positive().max(2_147_483_647))).transform((ids) => [...new Set(ids)]),
    goalKpiIds: z.preprocess(list, z.array(z.string())),
    goalBaselines: z.preprocess(list, z.array(z.string())),
    goalTargets: z.preprocess(list, z.array(z.string())),
  })
  .transform((input, ctx) => {
    // Goal rows: a row with a KPI needs a baseline and a target; rows without a KPI are ignored.
    const goals: { kpiId: number; baseline: number; target: number }[] = [];
    input.goalKpiIds.slice(0, MAX_GOALS).forEach((raw, i) => {
      if (!raw) return;
      const kpiId = Number(raw);
      const baseline = decimal.safeParse(input.goalBaselines[i] ?? "");
      const target = decimal.safeParse(input.goalTargets[i] ?? "");
      if (!Number.isInteger(kpiId) || kpiId <= 0) ctx.addIssue({ code: "custom", path: [`goals.${i}.kpiId`], message: v.invalidChoice });
      if (!baseline.success) ctx.addIssue({ code: "custom", path: [`goals.${i}.baseline`], message: baseline.error.issues[0].message });
      if (!target.success) ctx.addIssue({ code: "custom", path: [`goals.${i}.target`], message: target.error.issues[0].message });
      if (baseline.success && target.success && baseline.data === target.data) {
        ctx.addIssue({ code: "custom", path: [`goals.${i}.target`], message: "measures.errors.targetEqualsBaseline" });
      }
      if (baseline.success && target.success) goals.push({ kpiId, baseline: baseline.data, target: target.data });
    });
    return {
      businessProcessId: input.businessProcessId,
      title: input.title,
      goal: input.goal,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      status: input.status,
      benefitKind: input.benefitKind,
      expectedBenefitCents: input.expectedBenefit,
      realisedBenefitCents: input.realisedBenefit,
      benefitNote: input.benefitNote,
      resultKpiId: input.resultKpiId,
      channelIds: input.channelIds,
      goals,
    };
  });

export const measureUpdateSchema = z.intersection(z.object({ id: requiredId }), measureSchema);

export const costItemSchema = z
  .object({
    measureId: requiredId,
    category: choice(COST_CATEGORIES),
    actual: z.enum(["planned", "actual"], { error: v.invalidChoice }).transform((x) => x === "actual"),
    description: trimmed(200),
    hours: optionalHours,
    hourlyRate: optionalAmount,
    amount: optionalAmount,
    incurredOn: optionalDay,
  })
  .superRefine((x, ctx) => {
    if (x.category === "staff") {
      if (x.hours === null) ctx.addIssue({ code: "custom", path: ["hours"], message: "measures.errors.hoursRequired" });
      if (x.hourlyRate === null) ctx.addIssue({ code: "custom", path: ["hourlyRate"], message: "measures.errors.rateRequired" });
    } else if (x.amount === null) ctx.addIssue({ code: "custom", path: ["amount"], message: "measures.errors.amountRequired" });
  })
  .transform((x) => ({
    measureId: x.measureId,
    category: x.category,
    actual: x.actual,
    description: x.description,
    hundredthHours: x.category === "staff" ? x.hours : null,
    hourlyRateCents: x.category === "staff" ? x.hourlyRate : null,
    amountCents: x.category === "staff" ? null : x.amount,
    incurredOn: x.incurredOn,
  }));

export const costItemDeleteSchema = z.object({ measureId: requiredId, itemId: requiredId });
export const measureIdSchema = z.object({ id: requiredId });
