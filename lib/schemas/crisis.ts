import { z } from "zod";
import { MAX_DUE_OFFSET_MINUTES } from "@/lib/crisis/checklist";
import { ADVOCATE_KINDS, CONSENT_METHODS, CRISIS_STEP_ROLES, CRISIS_TYPES, DEPARTMENT_KINDS, INSIGHT_LANGUAGES, PLATFORMS } from "@/lib/enums";
import { parseLocalDateTime, zonedToInstant } from "@/lib/insights/local-time";
import { httpUrl, optionalId, optionalText, requiredId, trimmed, v } from "@/lib/validation";

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

/** `yyyy-MM-dd` from a date input: the start of that day in company time; "" is none. */
const dayField = z
  .string()
  .max(10, v.tooLong)
  .optional()
  .transform((s, ctx) => {
    if (!s) return null;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    const [y, mo, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
    // A real calendar day: 2026-02-30 is refused, not rolled over to March.
    const real = m && new Date(Date.UTC(y, mo - 1, day)).getUTCMonth() === mo - 1 && day >= 1;
    const d = real ? zonedToInstant(y, mo, day) : null;
    if (!d) {
      ctx.addIssue({ code: "custom", message: "crisis.advocates.errors.date" });
      return z.NEVER;
    }
    return d;
  });

export const MAX_ADVOCATE_PLATFORMS = 10;

/** "linkedin: jonas-weber" per line; the platform as the register names them. */
const platformLines = z
  .string()
  .max(2000, v.tooLong)
  .optional()
  .transform((s, ctx) => {
    const out: { platform: string; handle: string }[] = [];
    for (const line of (s ?? "").split(/\r?\n/)) {
      if (!line.trim()) continue;
      const m = /^\s*([a-z]+)\s*:\s*(\S.{0,199})$/i.exec(line);
      const platform = m?.[1].toLowerCase() ?? "";
      if (!m || !(PLATFORMS as readonly string[]).includes(platform)) {
        ctx.addIssue({ code: "custom", message: "crisis.advocates.errors.platformLine" });
        return z.NEVER;
      }
      out.push({ platform, handle: m[2].trim() });
    }
    if (out.length > MAX_ADVOCATE_PLATFORMS) {
      ctx.addIssue({ code: "custom", message: "crisis.advocates.errors.tooManyPlatforms" });
      return z.NEVER;
    }
    return out;
  });

/**
 * An advocate from the register's form. Employees are chosen as users (name and e-mail follow);
 * externals need a name and a valid e-mail. A consent needs its date, scope and how it was given;
 * an expiry must lie after it.
 */
export const advocateSchema = z
  .object({
    kind: z.enum(ADVOCATE_KINDS, { error: v.invalidChoice }),
    userId: optionalId,
    name: z.string().trim().max(160, v.tooLong).optional().transform((x) => x ?? ""),
    email: z.string().trim().max(254, v.tooLong).optional().transform((x) => x ?? ""),
    platforms: platformLines,
    languages: list(z.enum(INSIGHT_LANGUAGES, { error: v.invalidChoice })).transform((l) => [...new Set(l)]),
    topics,
    consentAt: dayField,
    consentScope: optionalText(500),
    consentMethod: z
      .union([z.literal(""), z.enum(CONSENT_METHODS, { error: v.invalidChoice })])
      .optional()
      .transform((x) => (x ? x : null)),
    consentExpiresAt: dayField,
    note: optionalText(2000),
  })
  .superRefine((x, ctx) => {
    if (x.kind === "employee" && x.userId == null) ctx.addIssue({ code: "custom", message: "crisis.advocates.errors.user", path: ["userId"] });
    if (x.kind !== "employee") {
      if (!x.name) ctx.addIssue({ code: "custom", message: v.required, path: ["name"] });
      if (!z.email().safeParse(x.email).success) ctx.addIssue({ code: "custom", message: v.email, path: ["email"] });
    }
    if (x.consentAt) {
      if (!x.consentScope) ctx.addIssue({ code: "custom", message: "crisis.advocates.errors.scope", path: ["consentScope"] });
      if (!x.consentMethod) ctx.addIssue({ code: "custom", message: "crisis.advocates.errors.method", path: ["consentMethod"] });
      if (x.consentAt.getTime() > Date.now()) ctx.addIssue({ code: "custom", message: "crisis.advocates.errors.consentFuture", path: ["consentAt"] });
      if (x.consentExpiresAt && x.consentExpiresAt <= x.consentAt) ctx.addIssue({ code: "custom", message: "crisis.advocates.errors.expiry", path: ["consentExpiresAt"] });
    } else if (x.consentExpiresAt) {
      ctx.addIssue({ code: "custom", message: "crisis.advocates.errors.expiryWithoutConsent", path: ["consentExpiresAt"] });
    }
  })
  .transform((x) => ({ ...x, email: x.email.toLowerCase() }));

export const advocateUpdateSchema = z.intersection(z.object({ id: requiredId }), advocateSchema);

/** A briefing from the room: the text fields, links one per line, the chosen advocates. */
export const briefingSchema = z.object({
  id: requiredId,
  message: trimmed(4000),
  statement: optionalText(4000),
  dos: optionalText(2000),
  donts: optionalText(2000),
  links: z
    .string()
    .max(4000, v.tooLong)
    .optional()
    .transform((s, ctx) => {
      const out = (s ?? "").split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
      if (out.length > 10) ctx.addIssue({ code: "custom", message: "crisis.briefing.errors.tooManyLinks" });
      for (const l of out) if (!httpUrl.safeParse(l).success) ctx.addIssue({ code: "custom", message: "crisis.briefing.errors.link" });
      return out;
    }),
  advocateIds: list(z.coerce.number().int().positive().max(2_147_483_647)).transform((ids) => [...new Set(ids)]),
});

/** What an advocate reports through their link: where they posted, and a note. */
export const briefingReportSchema = z.object({
  url: httpUrl.pipe(z.string().min(1, v.required)),
  note: optionalText(1000),
});

/** A new holding statement: its kind of crisis, language, title and text (Markdown). */
export const statementSchema = z.object({
  title: trimmed(160),
  crisisType: z.enum(CRISIS_TYPES, { error: v.invalidChoice }),
  language: z.enum(INSIGHT_LANGUAGES, { error: v.invalidChoice }),
  body: trimmed(5000),
});

/** Using an approved statement in the room: its version, the adapted text, where it was posted. */
export const statementUseSchema = z.object({
  id: requiredId,
  versionId: z.coerce.number({ error: "crisis.statements.errors.choose" }).int("crisis.statements.errors.choose").positive("crisis.statements.errors.choose").max(2_147_483_647, "crisis.statements.errors.choose"),
  text: trimmed(5000),
  channelIds: list(z.coerce.number().int().positive().max(2_147_483_647)).transform((ids) => [...new Set(ids)]),
  postedNote: optionalText(500),
});
