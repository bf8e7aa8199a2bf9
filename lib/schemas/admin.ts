import { z } from "zod";
import { DEPARTMENT_KINDS, INSIGHT_CATEGORIES, type InsightCategory, LOCALES, ROLES, SIGNOFF_FUNCTIONS } from "@/lib/enums";
import { MAX_RETENTION_MONTHS } from "@/lib/privacy/retention";
import { API_SCOPES } from "@/lib/api-tokens/scopes";
import { checkbox, emailField, optionalId, passwordField, requiredId, slugField, trimmed, v } from "@/lib/validation";

const role = z.enum(ROLES, { error: v.invalidChoice });
const locale = z.enum(LOCALES, { error: v.invalidChoice });
const kind = z.enum(DEPARTMENT_KINDS, { error: v.invalidChoice });

export const createUserSchema = z.object({
  email: emailField,
  name: trimmed(120),
  password: passwordField,
  role,
  departmentId: optionalId,
  locale: locale.default("de"),
});

export const updateUserSchema = z.object({
  id: requiredId,
  name: trimmed(120),
  role,
  departmentId: optionalId,
  active: checkbox,
  // Ticked checkboxes named `signoffFunctions[]`; none ticked means no field at all.
  signoffFunctions: z.preprocess(
    (x) => x ?? [],
    z.array(z.enum(SIGNOFF_FUNCTIONS, { error: v.invalidChoice }), { error: v.invalidChoice }),
  ),
});

export const resetPasswordSchema = z.object({ id: requiredId, password: passwordField });

export const departmentSchema = z.object({
  name: trimmed(120),
  slug: slugField,
  kind,
  headUserId: optionalId,
});

export const updateDepartmentSchema = departmentSchema.extend({ id: requiredId });

export const createTokenSchema = z.object({
  name: trimmed(100),
  // No ticked checkbox means no `scopes[]` field at all.
  scopes: z.preprocess(
    (x) => x ?? [],
    z.array(z.enum(API_SCOPES, { error: v.invalidChoice }), { error: v.invalidChoice }).min(1, "admin.tokens.scopeRequired"),
  ),
});

export const revokeTokenSchema = z.object({ id: requiredId });

/** A directory group's grant in Admin → Single sign-on; department heads need a department. */
export const ssoMappingSchema = z.object({
  id: optionalId,
  groupName: trimmed(256),
  role,
  departmentId: optionalId,
});

export const ssoMappingDeleteSchema = z.object({ id: requiredId });

/** Empty: people without a mapped group are refused. */
export const ssoDefaultRoleSchema = z.object({
  defaultRole: z.union([z.literal(""), z.enum(ROLES.filter((r) => r !== "department_head") as [string, ...string[]], { error: v.invalidChoice })]),
});

export const resetTwoFactorSchema = z.object({ id: requiredId });

/** Ticked roles whose password sign-ins need a second factor; none ticked means no field. */
export const twoFactorRolesSchema = z.object({
  roles: z.preprocess((x) => x ?? [], z.array(z.enum(ROLES, { error: v.invalidChoice }), { error: v.invalidChoice })),
});

/** Months 1–120, or empty for "keep". */
const retentionMonths = z.preprocess(
  (x) => (x === "" || x === undefined || x === null ? null : x),
  z.coerce.number({ error: v.number }).int(v.number).min(1, "admin.privacy.monthsRange").max(MAX_RETENTION_MONTHS, "admin.privacy.monthsRange").nullable(),
);

export const retentionSchema = z.object({
  ...(Object.fromEntries(INSIGHT_CATEGORIES.map((c) => [`insight_${c}`, retentionMonths])) as Record<`insight_${InsightCategory}`, typeof retentionMonths>),
  auditMonths: retentionMonths,
  notificationMonths: retentionMonths,
});

/** Works-council mode: the one box ticked or not. */
export const worksCouncilModeSchema = z.object({ on: checkbox });

/** The controller named in the record of processing; only the name is required. */
export const controllerSchema = z.object({
  name: trimmed(200),
  address: z.string().trim().max(500, v.tooLong).default(""),
  contact: z.string().trim().max(300, v.tooLong).default(""),
  dpo: z.string().trim().max(300, v.tooLong).default(""),
});
