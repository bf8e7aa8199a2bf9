import { MESSAGES } from "./messages";

/**
 * The API answers in English: field errors carry i18n keys internally and go out as the English
 * text of the same key (unknown keys are sent as they are).
 */
export function englishFieldErrors(errors: Record<string, string[]>): Record<string, string[]> {
  const lookup = (key: string): string => {
    const v = key.split(".").reduce<unknown>((o, p) => (o && typeof o === "object" ? (o as Record<string, unknown>)[p] : undefined), MESSAGES.en);
    return typeof v === "string" ? v : key;
  };
  return Object.fromEntries(Object.entries(errors).map(([field, msgs]) => [field, msgs.map(lookup)]));
}
