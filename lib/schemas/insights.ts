import { z } from "zod";
import { INSIGHT_CATEGORIES, INSIGHT_LANGUAGES, KEYWORD_MODES, MAX_INSIGHT_CSV_BYTES, PLATFORMS, SENTIMENTS } from "@/lib/enums";
import { parseLocalDateTime } from "@/lib/insights/local-time";
import { TRIAGE_EXITS } from "@/lib/insights/triage";
import { checkbox, httpUrl, optionalId, optionalText, requiredId, trimmed, v } from "@/lib/validation";

export { INSIGHT_LANGUAGES, MAX_INSIGHT_CSV_BYTES };
export const MAX_BATCH = 1000;

const category = z.enum(INSIGHT_CATEGORIES, { error: v.invalidChoice });
const sentiment = z.enum(SENTIMENTS, { error: v.invalidChoice });
const platform = z.enum(PLATFORMS, { error: v.invalidChoice });

/** PostgreSQL text cannot hold NUL, and a lone surrogate is not text at all: both are input errors, not 500s. */
const storable = (s: string) => !s.includes("\u0000") && s.isWellFormed();

const apiText = (max: number) =>
  z
    .string({ error: v.required })
    .trim()
    .min(1, v.required)
    .max(max, v.tooLong)
    .refine(storable, "insights.errors.unreadableText");

const apiOptionalText = (max: number) =>
  z
    .string({ error: "insights.errors.text" })
    .trim()
    .max(max, v.tooLong)
    .refine(storable, "insights.errors.unreadableText")
    .nullish()
    .transform((s) => (s ? s : null));

/** Instants an insight can have happened at; outside, a date is a typo or a probe (year 0). */
export const EARLIEST_OCCURRED_AT = Date.UTC(1970, 0, 1);
export const LATEST_OCCURRED_AT = Date.UTC(2101, 0, 1);
export const inSaneRange = (d: Date) => {
  const t = d.getTime();
  return Number.isFinite(t) && t >= EARLIEST_OCCURRED_AT && t < LATEST_OCCURRED_AT;
};

/**
 * One insight as the API and the CSV import deliver it. `source` names the connector or feed and,
 * with `externalId`, makes intake idempotent. Missing sentiment or language is derived.
 */
export const intakeItemSchema = z
  .object({
    source: apiText(100),
    externalId: apiText(200),
    channelId: z.int({ error: "insights.errors.channelId" }).min(1, "insights.errors.channelId").max(2_147_483_647, "insights.errors.channelId").nullish(),
    platform: platform.nullish(),
    occurredAt: z.iso
      .datetime({ offset: true, error: "insights.errors.occurredAt" })
      .transform((s) => new Date(s))
      .refine(inSaneRange, { message: "insights.errors.occurredRange", abort: true })
      .refine((d) => d.getTime() <= Date.now() + 24 * 3_600_000, "insights.errors.occurredInFuture"),
    text: apiText(5000),
    url: z
      .string({ error: v.url })
      .pipe(httpUrl)
      .nullish()
      .transform((s) => s ?? null),
    language: z
      .enum(INSIGHT_LANGUAGES, { error: "insights.errors.language" })
      .nullish()
      .transform((s) => s ?? null),
    authorHandle: apiOptionalText(200),
    category,
    sentiment: sentiment.nullish().transform((s) => s ?? null),
  })
  .refine((x) => x.channelId != null || x.platform != null, {
    message: "insights.errors.channelOrPlatform",
    path: ["platform"],
  });

export type IntakeItem = z.output<typeof intakeItemSchema>;

/** The manager's form: same fields, from a form (empty strings mean "not given"). */
export const insightFormSchema = z.object({
  channelId: optionalId,
  platform: z.union([z.literal(""), platform]).optional().transform((x) => (x ? x : null)),
  occurredAt: z
    .string({ error: v.required })
    .transform((s) => parseLocalDateTime(s))
    .refine((d): d is Date => d !== null, "insights.errors.occurredAt")
    .refine(inSaneRange, "insights.errors.occurredRange"),
  text: trimmed(5000),
  url: z.union([z.literal(""), httpUrl]).optional().transform((x) => (x ? x : null)),
  language: z.union([z.literal(""), z.enum(INSIGHT_LANGUAGES, { error: v.invalidChoice })]).optional().transform((x) => (x ? x : null)),
  authorHandle: optionalText(200),
  category,
  sentiment: z.union([z.literal(""), sentiment]).optional().transform((x) => (x ? x : null)),
}).refine((x) => x.channelId != null || x.platform != null, { message: "insights.errors.channelOrPlatform", path: ["platform"] });

const list = <T extends z.ZodType>(item: T) => z.preprocess((x) => (x == null ? [] : Array.isArray(x) ? x : [x]), z.array(item));

/** Keywords as typed in the editor: one per line or separated by commas. */
const keywordList = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? "")
      .split(/[\n,;]/)
      .map((k) => k.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(100, v.tooLong)).max(50, "insights.rules.errors.tooManyKeywords"));

export const ruleSchema = z.object({
  name: trimmed(120),
  categories: list(category),
  platforms: list(platform),
  channelIds: list(z.coerce.number().int().positive()),
  keywords: keywordList,
  keywordMode: z.enum(KEYWORD_MODES, { error: v.invalidChoice }).default("any"),
  sentiments: list(sentiment),
  languages: list(z.enum(INSIGHT_LANGUAGES, { error: v.invalidChoice })),
  departmentId: requiredId,
  slaHours: z.coerce.number({ error: v.number }).int(v.number).min(1, "insights.rules.errors.slaHours").max(720, "insights.rules.errors.slaHours"),
  active: checkbox,
});
export type RuleInput = z.output<typeof ruleSchema>;

export const updateRuleSchema = ruleSchema.extend({ id: requiredId });
export const ruleIdSchema = z.object({ id: requiredId });
export const moveRuleSchema = z.object({ id: requiredId, direction: z.enum(["up", "down"]) });
export const toggleRuleSchema = z.object({ id: requiredId, active: checkbox });

const slaHours = z.coerce.number({ error: v.number }).int(v.number).min(1, "insights.rules.errors.slaHours").max(720, "insights.rules.errors.slaHours");

export const routeSchema = z.object({
  ids: list(z.coerce.number().int().positive()).pipe(z.array(z.number()).min(1, "insights.errors.noneSelected").max(500)),
  departmentId: z.coerce.number({ error: "insights.errors.noDepartment" }).int().positive("insights.errors.noDepartment"),
  slaHours,
});

const reason = (max = 2000) => trimmed(max);

export const insightIdSchema = z.object({ id: requiredId });
export const commentSchema = z.object({ id: requiredId, note: reason() });
export const reassignSchema = z.object({ id: requiredId, departmentId: requiredId, note: reason() });
export const resolveSchema = z.object({ id: requiredId, note: reason(), externalReference: optionalText(200) });
export const declineSchema = z.object({ id: requiredId, note: reason() });

const outcome = z.enum(TRIAGE_EXITS, { error: v.invalidChoice });
const selection = list(z.coerce.number().int().positive()).pipe(z.array(z.number()).min(1, "insights.errors.noneSelected").max(500));

/** "No action needed" or spam, with an optional note; one insight or a selection of the triage list. */
export const dismissSchema = z.object({ id: requiredId, outcome, note: optionalText(2000) });
export const bulkDismissSchema = z.object({ ids: selection, outcome, note: optionalText(2000) });
export const bulkReopenSchema = z.object({ ids: selection });

/** The file itself, not its text: only the bytes tell UTF-8 from Windows-1252 (lib/csv/parse.ts). */
export const csvFileSchema = z.object({
  file: z
    .instanceof(Blob, { error: "insights.import.errors.noFile" })
    .refine((f) => f.size > 0, "insights.import.errors.noFile")
    .refine((f) => f.size <= MAX_INSIGHT_CSV_BYTES, "insights.import.errors.tooLarge"),
});
