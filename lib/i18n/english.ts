import { MESSAGES as enMessages } from "./messages";
import type { FieldErrors } from "@/lib/errors";

/**
 * API clients get readable English instead of i18n keys; a message that is not a key stays as is.
 */
export function englishFieldErrors(fe: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, messages] of Object.entries(fe)) out[field] = messages.map(englishMessage);
  return out;
}

export function englishMessage(key: string): string {
  let node: unknown = enMessages.en;
  for (const part of key.split(".")) {
    if (node && typeof node === "object" && part in node) node = (node as Record<string, unknown>)[part];
    else return key;
  }
  return typeof node === "string" ? node : key;
}
