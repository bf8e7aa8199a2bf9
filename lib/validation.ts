import { z } from "zod";

/**
 * Messages are i18n keys in the `validation` namespace; forms translate them, the API sends the
 * English text of the same key. Keeping keys here means one list to translate.
 */
export const v = {
  required: "validation.required",
  email: "validation.email",
  tooLong: "validation.tooLong",
  tooShort: "validation.tooShort",
  passwordTooShort: "validation.passwordTooShort",
  invalidChoice: "validation.invalidChoice",
  slug: "validation.slug",
  url: "validation.url",
  number: "validation.number",
} as const;

export const trimmed = (max = 200) =>
  z
    .string({ error: v.required })
    .trim()
    .min(1, v.required)
    .max(max, v.tooLong);

export const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max, v.tooLong)
    .optional()
    .transform((s) => (s ? s : null));

export const emailField = z
  .string({ error: v.required })
  .trim()
  .min(1, v.required)
  .max(254, v.tooLong)
  .pipe(z.email({ error: v.email }))
  .transform((s) => s.toLowerCase());

export const passwordField = z.string({ error: v.required }).min(10, v.passwordTooShort).max(200, v.tooLong);

/** An id from a form select: "" means none. */
export const optionalId = z
  .union([z.literal(""), z.coerce.number().int().positive()])
  .optional()
  .transform((x) => (x === "" || x === undefined ? null : x));

export const requiredId = z.coerce.number({ error: v.required }).int().positive(v.required);

/** Checkbox semantics: present ("on"/"true") is true, absent is false. */
export const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((x) => x === "on" || x === "true");

export const httpUrl = z
  .string()
  .trim()
  .max(2000, v.tooLong)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === "http:" || u.protocol === "https:";
    } catch {
      return false;
    }
  }, v.url);

export const slugField = z
  .string({ error: v.required })
  .trim()
  .min(2, v.tooShort)
  .max(60, v.tooLong)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, v.slug);
