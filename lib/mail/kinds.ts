/**
 * The closed lists of the outbox, dependency-free so db/schema.ts builds its enum from them and
 * client components can show them without pulling in the schema.
 */

/**
 * queued: waiting to be sent (also after a failed attempt that will be retried);
 * sending: claimed by one sender, so a second worker does not send it again;
 * sent: accepted by the SMTP server; failed: gave up after the last attempt;
 * kept: no SMTP server is configured, the mail stays readable in the outbox.
 */
export const OUTBOX_STATUSES = ["queued", "sending", "sent", "failed", "kept"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
