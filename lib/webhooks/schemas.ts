import { z } from "zod";
import { requiredId, v } from "@/lib/validation";
import { WEBHOOK_EVENTS } from "./events";

/** Field error keys (admin.webhooks.errors.*): forms translate them, the API sends their English text. */
export const webhookErrors = {
  url: "admin.webhooks.errors.url",
  urlScheme: "admin.webhooks.errors.urlScheme",
  urlCredentials: "admin.webhooks.errors.urlCredentials",
  urlUnresolvable: "admin.webhooks.errors.urlUnresolvable",
  urlForbidden: "admin.webhooks.errors.urlForbidden",
  eventsRequired: "admin.webhooks.errors.eventsRequired",
  secret: "admin.webhooks.errors.secret",
} as const;

const events = z
  .array(z.enum(WEBHOOK_EVENTS, { error: v.invalidChoice }), { error: webhookErrors.eventsRequired })
  .min(1, webhookErrors.eventsRequired)
  .transform((list) => [...new Set(list)]);

const url = z.string({ error: v.required }).trim().min(1, v.required).max(2000, v.tooLong);

/** `POST /api/v1/webhooks`. Whether the URL is allowed is checked on creation (it needs DNS). */
export const createWebhookBody = z
  .object({
    url: url.meta({ description: "http(s) URL of the receiver; loopback, private and link-local addresses are refused." }),
    events: events.meta({ description: "The events to receive, at least one." }),
    secret: z
      .string()
      .optional()
      .meta({ description: "A Standard Webhooks secret `whsec_<base64 of 24–64 bytes>`; generated when left out." }),
  })
  .strict();

/** The admin form: events are ticked checkboxes (`events[]`), the internal CRM flag a checkbox. */
export const createWebhookForm = z.object({
  url,
  events: z.preprocess((x) => x ?? [], events),
  secret: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s ? s : undefined)),
  internalCrm: z.preprocess((x) => x === "on" || x === "true" || x === true, z.boolean()),
});

export const webhookIdForm = z.object({ id: requiredId });
