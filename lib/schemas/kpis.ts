import { z } from "zod";
import { INSIGHT_CATEGORIES, KPI_AGGREGATIONS, KPI_DIRECTIONS, KPI_PERIODS, OVERVIEW_PERIODS, SENTIMENTS } from "@/lib/enums";
import type { KpiInput } from "@/db/queries/kpis";
import { DERIVED_METRICS } from "@/lib/kpis/derived";
import { parseDay, parseNumber } from "@/lib/csv/parse";
import { validateThresholds } from "@/lib/kpis/thresholds";
import { KPI_UNITS, MAX_ABS_VALUE, UNIT_ERRORS, checkKpiBounds, withinMagnitude } from "@/lib/kpis/units";
import { optionalId, optionalText, requiredId, trimmed, v } from "@/lib/validation";

/** Any KPI value, target or threshold: finite and |v| ≤ 10^12 (lib/kpis/units.ts); the unit's own bounds need the KPI. */
const kpiNumber = (error: z.core.$ZodErrorMap | string) =>
  z.number({ error }).finite(v.number).min(-MAX_ABS_VALUE, UNIT_ERRORS.tooLarge).max(MAX_ABS_VALUE, UNIT_ERRORS.tooLarge);

/** A number as typed in a German form ("1.234,5") or sent as JSON. */
export const decimal = z.preprocess(
  (x) => (typeof x === "string" ? (x.trim() === "" ? undefined : (parseNumber(x) ?? Number.NaN)) : x),
  kpiNumber((iss) => (iss.input === undefined ? v.required : v.number)),
);

/** A calendar day as `yyyy-mm-dd` (date inputs, JSON) or `dd.mm.yyyy`, normalised to ISO. */
export const day = z.preprocess(
  (x) => (typeof x === "string" ? (x.trim() === "" ? undefined : (parseDay(x) ?? "")) : x),
  z.string({ error: v.required }).regex(/^\d{4}-\d{2}-\d{2}$/, "kpis.errors.date"),
);

/** A list from checkboxes (`name[]`): none ticked means no field. */
const idList = <T extends z.ZodType>(item: T) =>
  z.preprocess((x) => (x == null ? [] : Array.isArray(x) ? x : [x]), z.array(item).max(50)).transform((xs) => [...new Set(xs)] as z.infer<T>[]);

const choice = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: v.invalidChoice });

export const kpiSchema = z
  .object({
    businessProcessId: requiredId,
    name: trimmed(120),
    description: optionalText(1000),
    unit: choice([...KPI_UNITS]),
    direction: choice(KPI_DIRECTIONS),
    period: choice(KPI_PERIODS),
    aggregation: choice(KPI_AGGREGATIONS),
    channelId: optionalId,
    target: decimal,
    warningThreshold: decimal,
    criticalThreshold: decimal,
    // Where the values come from: "" entered ones, else a metric of the insight flow with its filters.
    derivedMetric: z.union([z.literal(""), z.enum(DERIVED_METRICS, { error: v.invalidChoice })]).optional(),
    derivedCategories: idList(z.enum(INSIGHT_CATEGORIES, { error: v.invalidChoice })),
    derivedSentiments: idList(z.enum(SENTIMENTS, { error: v.invalidChoice })),
    derivedChannelIds: idList(z.coerce.number().int().positive().max(2_147_483_647)),
    derivedDepartmentIds: idList(z.coerce.number().int().positive().max(2_147_483_647)),
  })
  .superRefine((k, ctx) => {
    // A target or threshold outside the unit (a share's above 100) is named first, then the order.
    // Beyond 10^12 `decimal` has said already (zod runs this refinement despite its issue).
    for (const errors of [checkKpiBounds(k), validateThresholds(k)]) {
      for (const [path, messages] of Object.entries(errors ?? {})) {
        for (const message of messages) if (message !== UNIT_ERRORS.tooLarge) ctx.addIssue({ code: "custom", path: [path], message });
      }
    }
  });

export const updateKpiSchema = z.intersection(kpiSchema, z.object({ id: requiredId }));

/** The KPI as the queries take it: the derived-definition fields folded into one definition (or none). */
export function kpiInputFrom(form: z.infer<typeof kpiSchema>): KpiInput {
  const { derivedMetric, derivedCategories, derivedSentiments, derivedChannelIds, derivedDepartmentIds, ...rest } = form;
  return {
    ...rest,
    derived: derivedMetric
      ? { metric: derivedMetric, categories: derivedCategories, sentiments: derivedSentiments, channelIds: derivedChannelIds, departmentIds: derivedDepartmentIds }
      : null,
  };
}

export const measurementSchema = z.object({ kpiId: requiredId, measuredOn: day, value: decimal });

/** One day's values for several KPIs of a process; empty cells are skipped, the rest must be numbers. */
export const gridSchema = z
  .object({
    processId: requiredId,
    measuredOn: day,
    kpiId: z.array(requiredId).max(200),
    value: z.array(z.string().max(40)).max(200),
  })
  .superRefine((g, ctx) => {
    if (g.kpiId.length !== g.value.length) ctx.addIssue({ code: "custom", path: ["_form"], message: v.invalidChoice });
    g.value.forEach((raw, i) => {
      if (raw.trim() === "") return;
      const n = parseNumber(raw);
      if (n === null) ctx.addIssue({ code: "custom", path: ["value", i], message: v.number });
      else if (!withinMagnitude(n)) ctx.addIssue({ code: "custom", path: ["value", i], message: UNIT_ERRORS.tooLarge });
    });
    if (g.value.every((raw) => raw.trim() === "")) ctx.addIssue({ code: "custom", path: ["_form"], message: "kpis.errors.noValues" });
  })
  .transform((g) => ({
    processId: g.processId,
    measuredOn: g.measuredOn,
    // `row` is the cell's row in the form, so an error found later (the unit's bounds) lands on its cell.
    items: g.kpiId.flatMap((kpiId, i) => (g.value[i].trim() === "" ? [] : [{ kpiId, value: parseNumber(g.value[i])!, row: i }])),
  }));

export const MAX_API_ITEMS = 10_000;

/** `POST /api/v1/kpis/{id}/measurements`: a batch of values for one KPI. */
export const apiBatchSchema = z.object({
  items: z
    .array(
      z.object({
        date: z.string({ error: v.required }).regex(/^\d{4}-\d{2}-\d{2}$/, "kpis.errors.date").refine((s) => parseDay(s) !== null, "kpis.errors.date"),
        value: kpiNumber(v.number),
      }),
      { error: v.required },
    )
    .min(1, "kpis.errors.noValues")
    .max(MAX_API_ITEMS, "kpis.errors.tooManyValues"),
});

export const acknowledgeSchema = z.object({ id: requiredId, comment: trimmed(1000) });

export { OVERVIEW_PERIODS };

/** Query of the overview page, its data route and its CSV export; anything invalid falls back. */
export const overviewQuerySchema = z.object({
  // The current month first: it is what the open alerts speak about.
  period: z.enum(OVERVIEW_PERIODS).catch("month"),
  date: z
    .string()
    .optional()
    .transform((s) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) && parseDay(s) ? s : undefined))
    .catch(undefined),
  compare: z
    .string()
    .optional()
    .transform((s) => s === "1")
    .catch(false),
});
export type OverviewQuery = z.output<typeof overviewQuerySchema>;
