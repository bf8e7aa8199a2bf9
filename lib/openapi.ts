import { z } from "zod";
import { createDocument } from "zod-openapi";
import { MAX_API_ITEMS, apiBatchSchema } from "@/lib/schemas/kpis";
import { MAX_BATCH, intakeItemSchema } from "@/lib/schemas/insights";
import { alertListAnswer, alertListQuery, apiInsightDetail, insightListAnswer, insightListQuery } from "@/lib/schemas/api-v1";
import { API_SCOPES } from "@/lib/api-tokens/scopes";
import { createdWebhookAnswer, webhookListAnswer, webhookListQuery, webhookPayloads } from "@/lib/webhooks/api";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { createWebhookBody } from "@/lib/webhooks/schemas";

/**
 * The OpenAPI 3.1 document of the public API (`/api/v1/openapi.json`, rendered at /admin/api),
 * generated from the zod schemas the routes validate with, so the two cannot drift apart.
 */

const errorBody = z
  .object({
    error: z.object({
      code: z.enum(["unauthenticated", "invalid_token", "forbidden", "not_found", "validation_failed", "bad_request", "conflict", "payload_too_large", "rate_limited", "internal"]),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Per field (a dotted path such as `items.3.text`), what is wrong." }),
    }),
  })
  .meta({ id: "Error", description: "Every error answer has this shape." });

const error = (description: string) => ({ description, content: { "application/json": { schema: errorBody } } });
const tokenErrors = {
  "401": error("No token, or an unknown or revoked one (`unauthenticated`, `invalid_token`)."),
  "403": error("The token lacks the scope this endpoint needs (`forbidden`)."),
};

const newInsight = intakeItemSchema.meta({ id: "NewInsight", description: "An insight to deliver. Missing sentiment and language are derived from the text; `channelId` or `platform` is required." });

const intakeBody = z
  .union([
    newInsight,
    z.array(newInsight).max(MAX_BATCH),
    z.object({ items: z.array(newInsight).max(MAX_BATCH) }),
  ])
  .meta({ description: `One insight, an array, or \`{ "items": [...] }\`, up to ${MAX_BATCH.toLocaleString("en")} per request.` });

const intakeAnswer = z.object({
  data: z.object({
    created: z.number().int(),
    duplicates: z.number().int(),
    invalid: z.number().int(),
    routed: z.number().int().meta({ description: "How many of the created were routed to a department by a rule." }),
    items: z.array(
      z.object({
        index: z.number().int().meta({ description: "Position in the request." }),
        status: z.enum(["created", "duplicate", "invalid"]),
        id: z.number().int().optional(),
        departmentId: z.number().int().nullable().optional().meta({ description: "Where a rule routed it; null: it waits in triage." }),
        errors: z.record(z.string(), z.array(z.string())).optional(),
      }),
    ),
  }),
});

const measurementAnswer = z.object({
  data: z.object({
    kpiId: z.number().int(),
    stored: z.number().int(),
    alert: z
      .object({ change: z.enum(["none", "open", "escalate", "update", "resolve"]), severity: z.enum(["warning", "critical"]).nullable() })
      .nullable()
      .meta({ description: "What the values did to the KPI's alert, if anything." }),
  }),
});

const id = z.string().regex(/^\d+$/).meta({ description: "The numeric id." });

export function openApiDocument(serverUrl: string) {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Social-Media-Koordination API",
      version: "1",
      description:
        "The public API: deliver insights and KPI values, and read insights and alerts. Every request carries an API token " +
        "(`Authorization: Bearer smc_…`) that an administrator creates under Admin → API tokens with the scopes it needs: " +
        API_SCOPES.map((s) => `\`${s}\``).join(", ") +
        ". Authors of insights appear only as pseudonymous aliases. Registered webhook endpoints receive the events under `webhooks`, " +
        "signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64>`) and retried for about 27 hours.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API token." } } },
    paths: {
      "/api/v1/insights": {
        get: {
          operationId: "listInsights",
          summary: "List insights",
          description:
            "Company-wide, newest first (by occurrence, or by last change with `updatedSince`), paged by cursor: pass `page.next` as `cursor` until it is null. Scope `insights:read`.",
          requestParams: { query: insightListQuery },
          responses: {
            "200": { description: "One page.", content: { "application/json": { schema: insightListAnswer } } },
            "400": error("A broken cursor (`bad_request`)."),
            "422": error("An unknown, repeated or invalid parameter, or an unknown department (`validation_failed`), with `fields` naming each."),
            ...tokenErrors,
          },
        },
        post: {
          operationId: "submitInsights",
          summary: "Deliver insights",
          description:
            "Idempotent on (`source`, `externalId`): items sent again come back as `duplicate`. Invalid items are reported per item and skipped; the valid ones of the batch are stored, classified and routed. Scope `insights:write`.",
          requestBody: { content: { "application/json": { schema: intakeBody } } },
          responses: {
            "201": { description: "At least one insight was stored.", content: { "application/json": { schema: intakeAnswer } } },
            "200": { description: "Nothing new (only duplicates).", content: { "application/json": { schema: intakeAnswer } } },
            "400": error("The body is not JSON or not a batch (`bad_request`)."),
            "413": error("The body is larger than 8 MB (`payload_too_large`)."),
            "422": error("No item of the batch was valid; `data` lists each item's errors."),
            ...tokenErrors,
          },
        },
      },
      "/api/v1/insights/{id}": {
        get: {
          operationId: "getInsight",
          summary: "One insight with its history",
          description: "Scope `insights:read`.",
          requestParams: { path: z.object({ id }) },
          responses: {
            "200": { description: "The insight.", content: { "application/json": { schema: z.object({ data: apiInsightDetail }) } } },
            "404": error("No insight with this id (`not_found`)."),
            ...tokenErrors,
          },
        },
      },
      "/api/v1/alerts": {
        get: {
          operationId: "listAlerts",
          summary: "List alerts",
          description: "KPI threshold alerts and crisis alerts, company-wide, newest first, paged by number. Scope `alerts:read`.",
          requestParams: { query: alertListQuery },
          responses: {
            "200": { description: "One page.", content: { "application/json": { schema: alertListAnswer } } },
            "422": error("An unknown, repeated or invalid parameter, or an unknown department (`validation_failed`), with `fields` naming each."),
            ...tokenErrors,
          },
        },
      },
      "/api/v1/kpis/{id}/measurements": {
        post: {
          operationId: "recordMeasurements",
          summary: "Deliver KPI values",
          description: `Up to ${MAX_API_ITEMS.toLocaleString("en")} values of one KPI, all or nothing; a value for a day that has one replaces it. With an \`Idempotency-Key\` header a retry within 24 hours stores nothing and gets the first answer again (\`Idempotent-Replayed: true\`). Scope \`measurements:write\`.`,
          requestParams: {
            path: z.object({ id }),
            header: z.object({ "idempotency-key": z.string().min(1).max(200).optional().meta({ description: "1–200 printable ASCII characters." }) }),
          },
          requestBody: { content: { "application/json": { schema: apiBatchSchema } } },
          responses: {
            "201": { description: "Stored.", content: { "application/json": { schema: measurementAnswer } } },
            "404": error("No active KPI with this id (`not_found`)."),
            "409": error("The idempotency key was used with another body (`conflict`)."),
            "422": error("An invalid item; nothing was stored (`validation_failed`)."),
            ...tokenErrors,
          },
        },
      },
      "/api/v1/webhooks": {
        post: {
          operationId: "createWebhook",
          summary: "Register a webhook endpoint",
          description:
            "The URL must be http(s) and must not resolve to a loopback, private, link-local or cloud metadata address (checked again on every delivery). Without `secret` one is generated. The answer carries the secret — the only time it is shown. Scope `webhooks:manage`.",
          requestBody: { content: { "application/json": { schema: createWebhookBody } } },
          responses: {
            "201": { description: "Registered.", content: { "application/json": { schema: createdWebhookAnswer } } },
            "400": error("The body is not JSON (`bad_request`)."),
            "422": error("A bad URL, event or secret (`validation_failed`), with `fields` naming each."),
            ...tokenErrors,
          },
        },
        get: {
          operationId: "listWebhooks",
          summary: "List webhook endpoints",
          description: "Newest first, without secrets, each with its latest delivery. Scope `webhooks:manage`.",
          requestParams: { query: webhookListQuery },
          responses: {
            "200": { description: "One page.", content: { "application/json": { schema: webhookListAnswer } } },
            "422": error("An unknown or invalid parameter (`validation_failed`)."),
            ...tokenErrors,
          },
        },
      },
      "/api/v1/webhooks/{id}": {
        delete: {
          operationId: "deleteWebhook",
          summary: "Delete a webhook endpoint",
          description: "With its delivery log; it receives no further events. Scope `webhooks:manage`.",
          requestParams: { path: z.object({ id }) },
          responses: {
            "204": { description: "Deleted." },
            "404": error("No endpoint with this id (`not_found`)."),
            ...tokenErrors,
          },
        },
      },
      "/api/v1/token": {
        get: {
          operationId: "whoAmI",
          summary: "The token itself",
          description: "Which token is sent and what it may do; any scope.",
          responses: {
            "200": {
              description: "The token's name and scopes.",
              content: { "application/json": { schema: z.object({ data: z.object({ name: z.string(), scopes: z.array(z.enum(API_SCOPES)) }) }) } },
            },
            "401": tokenErrors["401"],
          },
        },
      },
    },
    webhooks: Object.fromEntries(
      WEBHOOK_EVENTS.map((type) => [
        type,
        {
          post: {
            operationId: `webhook_${type.replace(".", "_")}`,
            summary: type,
            description: `Sent to endpoints that subscribed to \`${type}\`. Answer with any 2xx within 10 seconds; anything else is retried.`,
            requestBody: { content: { "application/json": { schema: webhookPayloads[type] } } },
            responses: { "2XX": { description: "Received." } },
          },
        },
      ]),
    ),
  });
}
