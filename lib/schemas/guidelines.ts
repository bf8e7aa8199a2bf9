import { z } from "zod";
import { GUIDELINE_SCOPES, SIGNOFF_DECISIONS, SIGNOFF_FUNCTIONS } from "@/lib/enums";
import { optionalText, requiredId, trimmed, v } from "@/lib/validation";

const idList = z.array(z.coerce.number().int().positive()).optional().transform((x) => [...new Set(x ?? [])]);
const signoffFunction = z.enum(SIGNOFF_FUNCTIONS, { error: v.invalidChoice });

const guidelineFields = z.object({
  title: trimmed(200),
  scope: z.enum(GUIDELINE_SCOPES, { error: v.invalidChoice }),
  departmentIds: idList,
  channelIds: idList,
  requiredSignoffs: z.array(signoffFunction).optional().transform((x) => [...new Set(x ?? [])]),
  bodyMd: z.string({ error: v.required }).trim().min(1, v.required).max(100_000, v.tooLong),
  changeNote: optionalText(500),
});

/** A department or channel scope without any department or channel would apply to nobody. */
function scopeHasTargets(g: { scope: string; departmentIds: number[]; channelIds: number[] }, ctx: z.RefinementCtx) {
  if (g.scope === "departments" && g.departmentIds.length === 0) {
    ctx.addIssue({ code: "custom", path: ["departmentIds"], message: "guidelines.errors.departmentsRequired" });
  }
  if (g.scope === "channels" && g.channelIds.length === 0) {
    ctx.addIssue({ code: "custom", path: ["channelIds"], message: "guidelines.errors.channelsRequired" });
  }
}

export const createGuidelineSchema = guidelineFields.superRefine(scopeHasTargets);
export const updateDraftSchema = guidelineFields.extend({ versionId: requiredId }).superRefine(scopeHasTargets);

export const TRANSITION_EVENTS = ["submit", "withdraw", "approve", "publish", "archive"] as const;
export const transitionSchema = z.object({
  versionId: requiredId,
  event: z.enum(TRANSITION_EVENTS, { error: v.invalidChoice }),
});

/**
 * `own`: the signed-in person signs for a function they hold. `on_behalf`: the central unit records
 * the decision of a signatory without a login, and must say who and where it is documented.
 */
export const SIGNOFF_MODES = ["own", "on_behalf"] as const;

export const signoffSchema = z
  .object({
    versionId: requiredId,
    function: signoffFunction,
    decision: z.enum(SIGNOFF_DECISIONS, { error: v.invalidChoice }),
    mode: z.enum(SIGNOFF_MODES, { error: v.invalidChoice }).default("own"),
    signatoryName: optionalText(120),
    reference: optionalText(500),
    comment: optionalText(2000),
  })
  .superRefine((s, ctx) => {
    if (s.decision === "rejected" && !s.comment) {
      ctx.addIssue({ code: "custom", path: ["comment"], message: "guidelines.errors.reasonRequired" });
    }
    if (s.mode === "on_behalf" && !s.signatoryName) {
      ctx.addIssue({ code: "custom", path: ["signatoryName"], message: v.required });
    }
    if (s.mode === "on_behalf" && !s.reference) {
      ctx.addIssue({ code: "custom", path: ["reference"], message: "guidelines.errors.referenceRequired" });
    }
  })
  .transform(({ mode, signatoryName, reference, ...rest }) => ({
    ...rest,
    onBehalf: mode === "on_behalf" ? { signatoryName: signatoryName ?? "", reference: reference ?? "" } : null,
  }));

export const newVersionSchema = z.object({ guidelineId: requiredId });
export const acknowledgeSchema = z.object({ versionId: requiredId });
export const previewSchema = z.object({ bodyMd: z.string().max(100_000, v.tooLong) });
