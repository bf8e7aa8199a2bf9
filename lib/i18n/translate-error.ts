/**
 * Field errors carry i18n keys ("validation.required"); anything that is not a key is shown as is
 * so a message from an unexpected place is still readable.
 */
export function translateMessage(t: (key: string) => string, has: (key: string) => boolean, msg: string): string {
  return has(msg) ? t(msg) : msg;
}
