import { z } from "zod";
import { departmentKindEnum, localeEnum, roleEnum } from "@/db/schema";
import { checkbox, emailField, optionalId, passwordField, requiredId, slugField, trimmed, v } from "@/lib/validation";

const role = z.enum(roleEnum.enumValues, { error: v.invalidChoice });
const locale = z.enum(localeEnum.enumValues, { error: v.invalidChoice });
const kind = z.enum(departmentKindEnum.enumValues, { error: v.invalidChoice });

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
});

export const resetPasswordSchema = z.object({ id: requiredId, password: passwordField });

export const departmentSchema = z.object({
  name: trimmed(120),
  slug: slugField,
  kind,
  headUserId: optionalId,
});

export const updateDepartmentSchema = departmentSchema.extend({ id: requiredId });
