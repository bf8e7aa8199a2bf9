import { type FieldErrors, zodFieldErrors } from "@/lib/errors";
import { type IntakeItem, intakeItemSchema, MAX_BATCH } from "@/lib/schemas/insights";

/**
 * The body of `POST /api/v1/insights`: one insight object, an array of them, or
 * `{ "items": [...] }`, at most 1,000 per request. Every item is validated on its own, so one bad
 * item does not hide the others' results.
 */
export type ValidatedItem = { index: number; ok: true; item: IntakeItem } | { index: number; ok: false; errors: FieldErrors };

export type BodyCheck =
  | { ok: true; items: ValidatedItem[] }
  | { ok: false; code: "validation_failed" | "payload_too_large"; message: string; fields?: FieldErrors };

export function validateIntakeBody(body: unknown): BodyCheck {
  let raw: unknown[];
  if (Array.isArray(body)) raw = body;
  else if (body && typeof body === "object" && Array.isArray((body as { items?: unknown }).items)) raw = (body as { items: unknown[] }).items;
  else if (body && typeof body === "object" && !("items" in body)) raw = [body];
  else {
    return {
      ok: false,
      code: "validation_failed",
      message: "Send one insight object, an array of insights, or { \"items\": [...] }.",
      fields: { items: ["insights.errors.body"] },
    };
  }
  if (raw.length === 0) return { ok: false, code: "validation_failed", message: "The batch is empty.", fields: { items: ["insights.errors.emptyBatch"] } };
  if (raw.length > MAX_BATCH) {
    return { ok: false, code: "payload_too_large", message: `At most ${MAX_BATCH} insights per request.`, fields: { items: ["insights.errors.batchTooLarge"] } };
  }
  return {
    ok: true,
    items: raw.map((x, index) => {
      const parsed = intakeItemSchema.safeParse(x);
      return parsed.success ? { index, ok: true, item: parsed.data } : { index, ok: false, errors: zodFieldErrors(parsed.error) };
    }),
  };
}
