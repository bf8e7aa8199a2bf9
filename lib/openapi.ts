import { z } from "zod";
import { createDocument } from "zod-openapi";
import { MAX_API_ITEMS, apiBatchSchema } from "@/lib/schemas/kpis";
import { MAX_BATCH, intakeItemSchema } from "@/lib/schemas/insights";
import { alertListAnswer, alertListQuery, apiInsightDetail, insightListAnswer, insightListQuery } from "@/lib/schemas/api-v1";
import { API_SCOPES } from "@/lib/api-tokens/scopes";
import { createdWebhookAnswer, webhookListAnswer, webhookListQuery, webhookPayloads } from "@/lib/webhooks/api";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { createWebhookBody } from "@/lib/webhooks/schemas";
import { apiConnector, apiConnectorRun, connectorListQuery } from "@/lib/connectors/api";
import { createConnectorSchema, updateConnectorSchema } from "@/lib/schemas/connectors";

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
      "/api/v1/connectors": {
        post: {
          operationId: "createConnector",
          summary: "Create a connector",
          description:
            "Brings a channel's voices in: `feed` (url), `mastodon` (url of the instance; hashtags and/or accessToken for mentions), `youtube` (youtubeChannelId, apiKey), `meta` (appSecret, verifyToken) or `webhook` (a generic signed webhook). Addresses must not resolve to internal networks. Secrets are stored encrypted and never returned; a `webhook` connector's answer carries its `signingSecret`, the only time it is shown. Scope `connectors:manage`.",
          requestBody: { content: { "application/json": { schema: createConnectorSchema } } },
          responses: {
            "201": {
              description: "Created.",
              content: { "application/json": { schema: z.object({ data: apiConnector.extend({ signingSecret: z.string().optional().meta({ description: "Generic webhooks only (`whsec_…`); store it now." }) }) }) } },
            },
            "400": error("The body is not JSON (`bad_request`)."),
            "422": error("A missing or invalid field for the kind (`validation_failed`), with `fields` naming each."),
            ...tokenErrors,
          },
        },
        get: {
          operationId: "listConnectors",
          summary: "List connectors",
          description: "By channel and name, optionally of one channel; never a secret. Scope `connectors:manage`.",
          requestParams: { query: connectorListQuery },
          responses: {
            "200": {
              description: "One page.",
              content: { "application/json": { schema: z.object({ data: z.array(apiConnector), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() }) } },
            },
            "422": error("An unknown or invalid parameter (`validation_failed`)."),
            ...tokenErrors,
          },
        },
      },
      "/api/v1/connectors/{id}": {
        get: {
          operationId: "getConnector",
          summary: "A connector",
          description: "Its status, last run, last error and counts; never a secret. Scope `connectors:manage`.",
          requestParams: { path: z.object({ id }) },
          responses: {
            "200": { description: "The connector.", content: { "application/json": { schema: z.object({ data: apiConnector }) } } },
            "404": error("No connector with this id (`not_found`)."),
            ...tokenErrors,
          },
        },
        patch: {
          operationId: "updateConnector",
          summary: "Change a connector",
          description: "Any field of the creation but `kind`, and `paused`. A secret given replaces the stored one; the result must still be a whole connector of its kind. `paused: false` starts it again with a clean slate. Scope `connectors:manage`.",
          requestParams: { path: z.object({ id }) },
          requestBody: { content: { "application/json": { schema: updateConnectorSchema } } },
          responses: {
            "200": { description: "Changed.", content: { "application/json": { schema: z.object({ data: apiConnector }) } } },
            "404": error("No connector with this id (`not_found`)."),
            "422": error("An invalid field, or the change would leave the connector incomplete (`validation_failed`)."),
            ...tokenErrors,
          },
        },
        delete: {
          operationId: "deleteConnector",
          summary: "Delete a connector",
          description: "With its run history; the insights it brought stay. Scope `connectors:manage`.",
          requestParams: { path: z.object({ id }) },
          responses: {
            "204": { description: "Deleted." },
            "404": error("No connector with this id (`not_found`)."),
            ...tokenErrors,
          },
        },
      },
      "/api/v1/connectors/{id}/run": {
        post: {
          operationId: "runConnector",
          summary: "Run a connector now",
          description: "Fetches a polled connector (feed, Mastodon, YouTube) now and answers with the run; a failed fetch is a run with `outcome: failed` and its error. Scope `connectors:manage`.",
          requestParams: { path: z.object({ id }) },
          responses: {
            "200": { description: "The run.", content: { "application/json": { schema: z.object({ data: apiConnectorRun }) } } },
            "404": error("No connector with this id (`not_found`)."),
            "409": error("The connector is paused, or it receives rather than fetches (`conflict`)."),
            ...tokenErrors,
          },
        },
      },
      "/api/webhooks/inbound/{id}": {
        post: {
          operationId: "receiveSignedInsights",
          summary: "Post insights to a generic webhook connector",
          description:
            "For listening suites and automation tools: the body of `POST /api/v1/insights` (one insight, an array, or `{ items }`), signed per Standard Webhooks with the connector's signing secret (`webhook-id`, `webhook-timestamp` at most five minutes old, `webhook-signature`). Items without `channelId` get the connector's channel. No token.",
          requestParams: { path: z.object({ id }) },
          requestBody: { content: { "application/json": { schema: intakeBody } } },
          responses: {
            "201": { description: "At least one insight was stored.", content: { "application/json": { schema: intakeAnswer } } },
            "200": { description: "Nothing new (only duplicates).", content: { "application/json": { schema: intakeAnswer } } },
            "401": error("The signature is missing, wrong or too old (`unauthenticated`); nothing was stored."),
            "404": error("No generic webhook connector with this id (`not_found`)."),
            "413": error("The body is larger than 1 MB (`payload_too_large`)."),
            "422": error("No item was valid (`validation_failed`)."),
            "503": error("The connector is paused (`unavailable`); send again later."),
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
