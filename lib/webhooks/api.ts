import { z } from "zod";
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENTS } from "./events";

/** The public API's view of webhook endpoints and the payloads they receive (also the OpenAPI document's). */

const instant = (description: string) => z.iso.datetime({ offset: true }).meta({ description });

export const apiWebhookEndpoint = z
  .object({
    id: z.number().int(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    internalCrm: z.boolean().meta({ description: "Set by an administrator: payloads also carry the author's handle." }),
    status: z.enum(["active", "disabled"]),
    disabledAt: instant("When it was switched off after failing deliveries.").nullable(),
    disabledReason: z.string().nullable(),
    createdAt: instant("When it was registered."),
    lastDelivery: z
      .object({ status: z.enum(WEBHOOK_DELIVERY_STATUSES), statusCode: z.number().int().nullable(), at: instant("Last change of that delivery.") })
      .nullable(),
  })
  .meta({ id: "WebhookEndpoint", description: "A receiver of events; its secret is shown only in the answer that created it." });
export type ApiWebhookEndpoint = z.infer<typeof apiWebhookEndpoint>;

export const createdWebhookAnswer = z.object({
  data: apiWebhookEndpoint.extend({
    secret: z.string().meta({ description: "The signing secret (`whsec_…`). Store it now: it is never shown again." }),
  }),
});

export const webhookListQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

export const webhookListAnswer = z.object({
  data: z.array(apiWebhookEndpoint),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

const author = z
  .object({
    alias: z.string().meta({ description: "Stable pseudonym of the author." }),
    handle: z.string().optional().meta({ description: "Only for endpoints marked as internal CRM." }),
  })
  .nullable()
  .meta({ description: "The insight's author: the alias, and the handle only for an internal CRM; null when unknown." });

const insightRef = z.object({
  id: z.number().int(),
  status: z.string().meta({ description: "The insight's status after the event." }),
  category: z.string(),
  departmentId: z.number().int().nullable(),
  url: z.string().meta({ description: "Link to the insight in the app." }),
});

const alertRef = z.object({
  id: z.number().int(),
  kind: z.enum(["threshold", "crisis"]),
  severity: z.enum(["warning", "critical"]),
  status: z.string(),
  kpiId: z.number().int().nullable().meta({ description: "The KPI of a threshold alert; null for the crisis alert." }),
  departmentId: z.number().int().nullable().meta({ description: "The department the alert concerns (the KPI's; communications for the crisis alert)." }),
  url: z.string().meta({ description: "Link to the KPI (threshold alert) or to the crisis alerts in the app." }),
});

/** The envelope every delivery has (Standard Webhooks): `{ type, timestamp, data }`. */
function envelope(type: (typeof WEBHOOK_EVENTS)[number], data: z.ZodType, description: string) {
  return z
    .object({ type: z.literal(type), timestamp: instant("When the event happened."), data })
    .meta({ description: `${description} Signed per Standard Webhooks: verify \`webhook-signature\` over \`webhook-id.webhook-timestamp.body\` with the endpoint's secret.` });
}

export const webhookPayloads = {
  "insight.created": envelope("insight.created", z.object({ insight: insightRef, author }), "An insight was received (API, import or form)."),
  "insight.routed": envelope(
    "insight.routed",
    z.object({ insight: insightRef, fromDepartmentId: z.number().int().nullable(), author }),
    "An insight was routed or reassigned to a department.",
  ),
  "insight.status_changed": envelope(
    "insight.status_changed",
    z.object({
      insight: insightRef,
      change: z.enum(["accepted", "resolved", "declined", "loop_closed"]),
      externalRef: z.string().nullable().meta({ description: "The ticket or CRM reference given when it was resolved." }),
      author,
    }),
    "An insight was accepted, resolved, declined, or its loop closed.",
  ),
  "alert.opened": envelope("alert.opened", z.object({ alert: alertRef }), "A KPI or crisis alert was opened."),
  "alert.escalated": envelope("alert.escalated", z.object({ alert: alertRef }), "An alert became critical."),
  "alert.resolved": envelope("alert.resolved", z.object({ alert: alertRef }), "An alert was resolved."),
  "guideline.published": envelope(
    "guideline.published",
    z.object({ guideline: z.object({ id: z.number().int(), versionId: z.number().int(), title: z.string(), url: z.string() }) }),
    "A guideline version was published.",
  ),
} as const;
