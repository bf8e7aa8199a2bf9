import { z } from "zod";
import { MAX_DUE_OFFSET_MINUTES } from "@/lib/crisis/checklist";
import { CRISIS_STEP_ROLES, CRISIS_TYPES, DEPARTMENT_KINDS } from "@/lib/enums";
import { parseLocalDateTime } from "@/lib/insights/local-time";
import { optionalId, optionalText, requiredId, trimmed, v } from "@/lib/validation";

/**
 * The crisis room's forms. Topics are typed as one comma-separated field ("Akku, Rückruf");
 * channels come as checkboxes; the start as an `<input type="datetime-local">` in company time.
 */
export const MAX_TOPICS = 10;
export const MAX_PLAYBOOK_STEPS = 40;

const list = <T extends z.ZodType>(item: T) => z.preprocess((x) => (x == null ? [] : Array.isArray(x) ? x : [x]), z.array(item));

const topics = z
  .string()
  .max(1000, v.tooLong)
  .optional()
  .transform((s) => [...new Set((s ?? "").split(/[,;\n]/).map((t) => t.trim()).filter(Boolean))])
  .refine((t) => t.length <= MAX_TOPICS, "crisis.errors.tooManyTopics")
  .refine((t) => t.every((x) => x.length >= 2 && x.length <= 80), "crisis.errors.topicLength");

const severity = z.coerce
  .number({ error: "crisis.errors.severity" })
  .int("crisis.errors.severity")
  .min(1, "crisis.errors.severity")
  .max(3, "crisis.errors.severity")
  .transform((n) => n as 1 | 2 | 3);

const crisisType = z
  .union([z.literal(""), z.enum(CRISIS_TYPES, { error: v.invalidChoice })])
  .optional()
  .transform((x) => (x ? x : null));

const channelIds = list(z.coerce.number().int().positive().max(2_147_483_647)).transform((ids) => [...new Set(ids)]);

const fields = {
  title: trimmed(160),
  severity,
  crisisType,
  leadId: optionalId,
  playbookId: optionalId,
  channelIds,
  topics,
};

/** Declaring by hand: when it began (not in the future, not more than 30 days ago). */
export const declareCrisisSchema = z.object({
  ...fields,
  startedAt: z
    .string({ error: v.required })
    .transform((s) => parseLocalDateTime(s))
    .refine((d): d is Date => d !== null, "crisis.errors.startedAt")
    .refine((d) => d!.getTime() <= Date.now() + 5 * 60_000 && d!.getTime() >= Date.now() - 30 * 86_400_000, "crisis.errors.startedRange"),
});

export const confirmCrisisSchema = z.object({ id: requiredId, ...fields });

export const crisisIdSchema = z.object({ id: requiredId });

export const closeCrisisSchema = z.object({ id: requiredId, summary: trimmed(5000).refine((s) => s.length >= 10, "crisis.errors.summaryShort") });

export const stepDoneSchema = z.object({
  id: requiredId,
  stepId: requiredId,
  done: z.enum(["true", "false"]).transform((x) => x === "true"),
});

export const stepAssignSchema = z.object({ id: requiredId, stepId: requiredId, assigneeId: optionalId });

export const stepCommentSchema = z.object({ id: requiredId, stepId: requiredId, comment: trimmed(2000) });

export const addInsightSchema = z.object({ id: requiredId, insightId: z.coerce.number({ error: "crisis.errors.insight" }).int("crisis.errors.insight").positive("crisis.errors.insight").max(Number.MAX_SAFE_INTEGER, "crisis.errors.insight") });

const UNIT_MINUTES = { min: 1, h: 60, d: 1440 } as const;

/**
 * A playbook from its editor: one row per step (`stepTitle[]`, `stepDue[]`, `stepUnit[]`,
 * `stepRole[]`, `stepDepartment[]`, index-aligned); rows left entirely empty are dropped. Errors
 * name the row (`steps.2.title`).
 */
export const playbookSchema = z
  .object({
    name: trimmed(120),
    crisisType: z.enum(CRISIS_TYPES, { error: v.invalidChoice }),
    description: optionalText(2000),
    stepTitle: list(z.string().max(300, v.tooLong)),
    stepDue: list(z.string().max(10, v.tooLong)),
    stepUnit: list(z.string().max(5)),
    stepRole: list(z.string().max(40)),
    stepDepartment: list(z.string().max(40)),
  })
  .transform((x, ctx) => {
    const steps = [];
    for (let i = 0; i < x.stepTitle.length; i++) {
      const title = x.stepTitle[i].trim();
      const dueRaw = (x.stepDue[i] ?? "").trim();
      if (!title && !dueRaw) continue;
      const n = steps.length;
      if (!title) ctx.addIssue({ code: "custom", message: v.required, path: ["steps", n, "title"] });
      const unit = (x.stepUnit[i] ?? "h") as keyof typeof UNIT_MINUTES;
      const due = Number(dueRaw);
      const minutes = unit in UNIT_MINUTES && /^\d+$/.test(dueRaw) ? due * UNIT_MINUTES[unit] : NaN;
      if (!Number.isFinite(minutes) || minutes > MAX_DUE_OFFSET_MINUTES) ctx.addIssue({ code: "custom", message: "crisis.errors.stepDue", path: ["steps", n, "due"] });
      const role = x.stepRole[i] ?? "";
      const dep = x.stepDepartment[i] ?? "";
      if (role && !(CRISIS_STEP_ROLES as readonly string[]).includes(role)) ctx.addIssue({ code: "custom", message: v.invalidChoice, path: ["steps", n, "role"] });
      if (dep && !(DEPARTMENT_KINDS as readonly string[]).includes(dep)) ctx.addIssue({ code: "custom", message: v.invalidChoice, path: ["steps", n, "department"] });
      steps.push({
        title,
        dueOffsetMinutes: Number.isFinite(minutes) ? minutes : 0,
        responsibleRole: (role || null) as (typeof CRISIS_STEP_ROLES)[number] | null,
        responsibleDepartmentKind: dep || null,
      });
    }
    if (steps.length === 0) ctx.addIssue({ code: "custom", message: "crisis.errors.noSteps", path: ["steps"] });
    if (steps.length > MAX_PLAYBOOK_STEPS) ctx.addIssue({ code: "custom", message: "crisis.errors.tooManySteps", path: ["steps"] });
    return { name: x.name, crisisType: x.crisisType, description: x.description, steps };
  });

export const playbookUpdateSchema = z.intersection(z.object({ id: requiredId }), playbookSchema);

export const lessonsSchema = z.object({ id: requiredId, lessonsLearned: trimmed(10_000) });
