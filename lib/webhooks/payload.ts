import { authorAlias } from "@/lib/insights/pseudonym";
import type { WebhookEventType } from "./events";

/** What the code that caused an event hands to `enqueueWebhookEvent`. */
export interface WebhookEventInput {
  type: WebhookEventType;
  /** Unique per event (e.g. `insight.routed:4711:2`): each endpoint gets an event at most once. */
  id: string;
  data: Record<string, unknown>;
  /**
   * The author's handle when the event is about an insight. Payloads carry only its alias, and the
   * handle itself only for endpoints an admin marked as internal CRM.
   */
  authorHandle?: string | null;
  /** When it happened (the payload's `timestamp`); default: when it is recorded. */
  occurredAt?: Date;
}

export interface WebhookPayload {
  type: WebhookEventType;
  timestamp: string;
  data: Record<string, unknown>;
}

/**
 * The JSON body of one delivery, in the Standard Webhooks shape `{ type, timestamp, data }`.
 * `data.author` is `{ alias }`, or `{ alias, handle }` for an internal CRM, or null.
 */
export function buildWebhookPayload(event: WebhookEventInput, opts: { internalCrm: boolean; pseudonymSecret: string; at: Date }): WebhookPayload {
  const { author: _dropped, ...data } = event.data;
  void _dropped;
  const out: Record<string, unknown> = { ...data };
  if (event.authorHandle !== undefined) {
    const handle = event.authorHandle;
    out.author = handle
      ? opts.internalCrm
        ? { alias: authorAlias(handle, opts.pseudonymSecret), handle }
        : { alias: authorAlias(handle, opts.pseudonymSecret) }
      : null;
  }
  return { type: event.type, timestamp: (event.occurredAt ?? opts.at).toISOString(), data: out };
}
