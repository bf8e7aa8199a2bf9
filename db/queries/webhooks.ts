import { and, count, desc, eq, inArray, isNotNull, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { users, webhookAttempts, webhookDeliveries, webhookEndpoints } from "../schema";
import { recordAudit } from "./audit";
import { env, pseudonymSecret } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { type Lookup, resolveOutboundUrl, safeRequest, UnsafeUrlError } from "@/lib/http/safe-url";
import type { WebhookDeliveryStatus, WebhookEventType } from "@/lib/webhooks/events";
import { isWebhookEvent } from "@/lib/webhooks/events";
import { buildWebhookPayload, type WebhookEventInput } from "@/lib/webhooks/payload";
import { DELIVERY_TIMEOUT_MS, MAX_ATTEMPTS, MAX_RESPONSE_BYTES, nextAttemptAt } from "@/lib/webhooks/retry";
import { webhookErrors } from "@/lib/webhooks/schemas";
import { generateWebhookSecret, isValidWebhookSecret, signedHeaders } from "@/lib/webhooks/signing";

/** How outbound requests are made; tests and later connectors may narrow or widen it. */
export interface OutboundOptions {
  /** Default: ALLOW_PRIVATE_NETWORKS. */
  allowPrivateNetworks?: boolean;
  lookup?: Lookup;
  timeoutMs?: number;
  maxResponseBytes?: number;
}

const allowPrivate = (o?: OutboundOptions) => o?.allowPrivateNetworks ?? env.ALLOW_PRIVATE_NETWORKS;

export interface WebhookEndpointDto {
  id: number;
  url: string;
  events: string[];
  internalCrm: boolean;
  status: "active" | "disabled";
  disabledAt: Date | null;
  disabledReason: string | null;
  consecutiveFailures: number;
  createdAt: Date;
  createdByName: string | null;
  lastDelivery: { status: WebhookDeliveryStatus; statusCode: number | null; at: Date } | null;
}

/** A URL check as field errors for `url`, the shape forms and the API show. */
async function checkUrl(raw: string, opts?: OutboundOptions): Promise<string> {
  try {
    const { url } = await resolveOutboundUrl(raw, { allowPrivateNetworks: allowPrivate(opts), lookup: opts?.lookup });
    return url.toString();
  } catch (err) {
    if (!(err instanceof UnsafeUrlError)) throw err;
    const key = {
      invalid: webhookErrors.url,
      scheme: webhookErrors.urlScheme,
      credentials: webhookErrors.urlCredentials,
      unresolvable: webhookErrors.urlUnresolvable,
      forbidden_address: webhookErrors.urlForbidden,
    }[err.reason];
    throw new AppError("validation_failed", `url: ${err.message}`, { url: [key] });
  }
}

/**
 * Registers an endpoint. The URL must be allowed after DNS resolution (checked again on every
 * delivery); without a secret one is generated. Returns the secret — the only time it is shown.
 */
export async function createWebhookEndpoint(
  db: Executor,
  actorId: number | null,
  input: { url: string; events: WebhookEventType[]; secret?: string; internalCrm?: boolean },
  opts?: OutboundOptions,
) {
  if (input.secret !== undefined && !isValidWebhookSecret(input.secret)) {
    throw new AppError("validation_failed", "secret: not a Standard Webhooks secret", { secret: [webhookErrors.secret] });
  }
  if (!input.events.length || !input.events.every(isWebhookEvent)) {
    throw new AppError("validation_failed", "events: choose at least one known event", { events: [webhookErrors.eventsRequired] });
  }
  const url = await checkUrl(input.url, opts);
  const secret = input.secret ?? generateWebhookSecret();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({ url, events: input.events, secret, internalCrm: input.internalCrm ?? false, createdBy: actorId })
      .returning();
    await recordAudit(tx, {
      actorId,
      action: "webhook.create",
      entityType: "webhook_endpoint",
      entityId: row.id,
      after: { url, events: row.events, internalCrm: row.internalCrm },
    });
    return { id: row.id, url: row.url, events: row.events, internalCrm: row.internalCrm, status: "active" as const, secret, createdAt: row.createdAt };
  });
}

async function selectEndpoints(db: Executor, where: SQL | undefined, limit: number, offset: number): Promise<WebhookEndpointDto[]> {
  const rows = await db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      events: webhookEndpoints.events,
      internalCrm: webhookEndpoints.internalCrm,
      disabledAt: webhookEndpoints.disabledAt,
      disabledReason: webhookEndpoints.disabledReason,
      consecutiveFailures: webhookEndpoints.consecutiveFailures,
      createdAt: webhookEndpoints.createdAt,
      createdByName: users.name,
    })
    .from(webhookEndpoints)
    .leftJoin(users, eq(users.id, webhookEndpoints.createdBy))
    .where(where)
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id))
    .limit(limit)
    .offset(offset);
  const ids = rows.map((r) => r.id);
  const last = ids.length
    ? await db
        .selectDistinctOn([webhookDeliveries.endpointId], {
          endpointId: webhookDeliveries.endpointId,
          status: webhookDeliveries.status,
          statusCode: webhookDeliveries.lastStatusCode,
          at: webhookDeliveries.updatedAt,
        })
        .from(webhookDeliveries)
        .where(inArray(webhookDeliveries.endpointId, ids))
        .orderBy(webhookDeliveries.endpointId, desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    : [];
  const lastBy = new Map(last.map((l) => [l.endpointId, { status: l.status, statusCode: l.statusCode, at: l.at }]));
  return rows.map((r) => ({ ...r, status: r.disabledAt ? "disabled" : "active", lastDelivery: lastBy.get(r.id) ?? null }));
}

/** Endpoints, newest first, without secrets, each with its latest delivery. */
export async function listWebhookEndpoints(db: Executor, opts: { page?: number; pageSize?: number } = {}) {
  const pageSize = Math.min(Math.max(opts.pageSize ?? 25, 1), 100);
  const page = Math.max(opts.page ?? 1, 1);
  const [rows, [{ total }]] = await Promise.all([
    selectEndpoints(db, undefined, pageSize, (page - 1) * pageSize),
    db.select({ total: count() }).from(webhookEndpoints),
  ]);
  return { rows, total, page, pageSize };
}

/** One endpoint without its secret, or null. */
export async function getWebhookEndpoint(db: Executor, id: number): Promise<WebhookEndpointDto | null> {
  return (await selectEndpoints(db, eq(webhookEndpoints.id, id), 1, 0))[0] ?? null;
}

/** Disabled endpoints, for the notice on the admin page. */
export async function disabledWebhookEndpoints(db: Executor): Promise<WebhookEndpointDto[]> {
  return selectEndpoints(db, isNotNull(webhookEndpoints.disabledAt), 100, 0);
}

/** How many endpoints are switched off, for the badges that lead admins to them. */
export function disabledWebhookEndpointsQuery(db: Executor) {
  return db.select({ n: count() }).from(webhookEndpoints).where(isNotNull(webhookEndpoints.disabledAt));
}

export async function countDisabledWebhookEndpoints(db: Executor): Promise<number> {
  return (await disabledWebhookEndpointsQuery(db))[0].n;
}

/** Deletes an endpoint with its deliveries and their log. */
export async function deleteWebhookEndpoint(db: Executor, actorId: number | null, id: number) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(webhookEndpoints)
      .where(eq(webhookEndpoints.id, id))
      .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url, events: webhookEndpoints.events });
    if (!row) throw new AppError("not_found", "webhook endpoint not found");
    await recordAudit(tx, { actorId, action: "webhook.delete", entityType: "webhook_endpoint", entityId: id, before: row });
    return row;
  });
}

/** Turns a disabled endpoint back on; its waiting deliveries become due at once. */
export async function enableWebhookEndpoint(db: Executor, actorId: number | null, id: number, now: Date) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ disabledAt: null, disabledReason: null, consecutiveFailures: 0, updatedAt: now })
      .where(eq(webhookEndpoints.id, id))
      .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url });
    if (!row) throw new AppError("not_found", "webhook endpoint not found");
    await tx
      .update(webhookDeliveries)
      .set({ nextAttemptAt: now, updatedAt: now })
      .where(and(eq(webhookDeliveries.endpointId, id), eq(webhookDeliveries.status, "pending")));
    await recordAudit(tx, { actorId, action: "webhook.enable", entityType: "webhook_endpoint", entityId: id, after: row });
    return row;
  });
}

/**
 * Records an event for every active endpoint that subscribed to its type: one pending delivery
 * each, due now. Idempotent on the event id — a job that runs twice creates nothing new. Returns
 * the ids of the event's deliveries that still wait (also those created by an earlier run), so
 * the caller can send each with `deliverWebhook`.
 */
export async function enqueueWebhookEvent(db: Executor, event: WebhookEventInput, now: Date = new Date()): Promise<{ deliveryIds: number[] }> {
  if (!isWebhookEvent(event.type)) throw new AppError("validation_failed", `unknown webhook event ${String(event.type)}`);
  if (!event.id || event.id.length > 200) throw new AppError("validation_failed", "a webhook event needs an id of 1–200 characters");
  const endpoints = await db
    .select({ id: webhookEndpoints.id, internalCrm: webhookEndpoints.internalCrm })
    .from(webhookEndpoints)
    .where(and(isNull(webhookEndpoints.disabledAt), sql`${event.type} = any(${webhookEndpoints.events})`));
  if (!endpoints.length) return { deliveryIds: [] };
  const secret = pseudonymSecret();
  await db
    .insert(webhookDeliveries)
    .values(
      endpoints.map((e) => ({
        endpointId: e.id,
        eventType: event.type,
        eventId: event.id,
        payload: buildWebhookPayload(event, { internalCrm: e.internalCrm, pseudonymSecret: secret, at: now }),
        nextAttemptAt: now,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing({ target: [webhookDeliveries.endpointId, webhookDeliveries.eventId] });
  const waiting = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.eventId, event.id),
        inArray(
          webhookDeliveries.endpointId,
          endpoints.map((e) => e.id),
        ),
        eq(webhookDeliveries.status, "pending"),
      ),
    )
    .orderBy(webhookDeliveries.id);
  return { deliveryIds: waiting.map((w) => w.id) };
}

/** Pending deliveries whose time has come, oldest first, for a periodic sweep. */
export async function dueWebhookDeliveries(db: Executor, now: Date, limit = 100): Promise<number[]> {
  const rows = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(
      and(
        eq(webhookDeliveries.status, "pending"),
        lte(webhookDeliveries.nextAttemptAt, now),
        isNull(webhookEndpoints.disabledAt),
        or(isNull(webhookDeliveries.lockedUntil), lte(webhookDeliveries.lockedUntil, now)),
      ),
    )
    .orderBy(webhookDeliveries.nextAttemptAt, webhookDeliveries.id)
    .limit(limit);
  return rows.map((r) => r.id);
}

export type DeliveryOutcome =
  | { outcome: "succeeded"; statusCode: number; durationMs: number }
  /** Failed; try again at `retryAt` (pg-boss: `sendAfter(…, retryAt)`). */
  | { outcome: "retry"; statusCode: number | null; error: string; retryAt: Date }
  /** Failed for the last time; `endpointDisabled` when this also switched the endpoint off. */
  | { outcome: "failed"; statusCode: number | null; error: string; endpointDisabled: boolean }
  /** Nothing was sent: not pending, not due, another worker holds it, or its endpoint is disabled. */
  | { outcome: "skipped"; reason: "not_pending" | "not_due" | "locked" | "endpoint_disabled" | "not_found" };

/**
 * One delivery attempt: signs the stored payload (Standard Webhooks), POSTs it to the endpoint's
 * URL (checked again against the SSRF rules, the connection pinned to the checked address) with a
 * timeout and a size limit on the answer, and records the attempt. A 2xx answer succeeds; anything
 * else schedules the next attempt (`lib/webhooks/retry.ts`) until the last one, after which the
 * delivery has failed and — when the endpoint has not succeeded since — the endpoint is disabled
 * with an audit entry that the admin page shows. Never throws for a failing receiver: the outcome
 * says what happened and when to try again.
 */
export async function deliverWebhook(db: Executor, deliveryId: number, now: Date = new Date(), opts?: OutboundOptions): Promise<DeliveryOutcome> {
  const timeoutMs = opts?.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  // Claim it, so a second worker (another instance, a sweep) does not send it at the same time.
  const [claimed] = await db
    .update(webhookDeliveries)
    .set({ lockedUntil: new Date(now.getTime() + timeoutMs + 30_000) })
    .where(
      and(
        eq(webhookDeliveries.id, deliveryId),
        eq(webhookDeliveries.status, "pending"),
        lte(webhookDeliveries.nextAttemptAt, now),
        or(isNull(webhookDeliveries.lockedUntil), lte(webhookDeliveries.lockedUntil, now)),
        sql`not exists (select 1 from ${webhookEndpoints} e where e.id = ${webhookDeliveries.endpointId} and e.disabled_at is not null)`,
      ),
    )
    .returning();
  if (!claimed) {
    const [row] = await db
      .select({ status: webhookDeliveries.status, next: webhookDeliveries.nextAttemptAt, lockedUntil: webhookDeliveries.lockedUntil, disabledAt: webhookEndpoints.disabledAt })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(eq(webhookDeliveries.id, deliveryId));
    if (!row) return { outcome: "skipped", reason: "not_found" };
    if (row.status !== "pending") return { outcome: "skipped", reason: "not_pending" };
    if (row.disabledAt) return { outcome: "skipped", reason: "endpoint_disabled" };
    if (row.next && row.next > now) return { outcome: "skipped", reason: "not_due" };
    return { outcome: "skipped", reason: "locked" };
  }
  const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, claimed.endpointId));
  if (!endpoint) return { outcome: "skipped", reason: "not_found" };

  const body = JSON.stringify(claimed.payload);
  let statusCode: number | null = null;
  let error: string | null = null;
  let durationMs = 0;
  const started = performance.now();
  try {
    const res = await safeRequest(endpoint.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Social-Media-Koordination-Webhooks/1",
        ...signedHeaders(endpoint.secret, claimed.eventId, now, body),
      },
      body,
      timeoutMs,
      maxResponseBytes: opts?.maxResponseBytes ?? MAX_RESPONSE_BYTES,
      allowPrivateNetworks: allowPrivate(opts),
      lookup: opts?.lookup,
    });
    statusCode = res.status;
    durationMs = res.durationMs;
    if (res.status < 200 || res.status > 299) error = `HTTP ${res.status}${res.body ? `: ${res.body.slice(0, 200)}` : ""}`;
  } catch (err) {
    durationMs = Math.round(performance.now() - started);
    error = err instanceof Error ? err.message : String(err);
  }

  const attempts = claimed.attempts + 1;
  const ok = error === null;
  const retryAt = ok ? null : nextAttemptAt(attempts, now);
  return db.transaction(async (tx) => {
    const [still] = await tx
      .update(webhookDeliveries)
      .set({
        attempts,
        status: ok ? "succeeded" : retryAt ? "pending" : "failed",
        nextAttemptAt: retryAt,
        lockedUntil: null,
        lastStatusCode: statusCode,
        lastError: error,
        deliveredAt: ok ? now : null,
        updatedAt: now,
      })
      .where(eq(webhookDeliveries.id, deliveryId))
      .returning({ id: webhookDeliveries.id });
    // The endpoint was deleted while the request ran: nothing left to record.
    if (!still) return { outcome: "skipped", reason: "not_found" } as const;
    await tx.insert(webhookAttempts).values({ deliveryId, attemptedAt: now, statusCode, durationMs, error });
    const [ep] = await tx
      .update(webhookEndpoints)
      .set({ consecutiveFailures: ok ? 0 : sql`${webhookEndpoints.consecutiveFailures} + 1`, updatedAt: now })
      .where(eq(webhookEndpoints.id, endpoint.id))
      .returning({ consecutiveFailures: webhookEndpoints.consecutiveFailures, disabledAt: webhookEndpoints.disabledAt });
    if (ok) return { outcome: "succeeded", statusCode: statusCode!, durationMs };
    if (retryAt) return { outcome: "retry", statusCode, error: error!, retryAt };
    // The delivery gave up; if nothing reached the endpoint in the meantime, it is dead.
    const disable = !ep.disabledAt && ep.consecutiveFailures >= MAX_ATTEMPTS;
    if (disable) {
      const reason = `${ep.consecutiveFailures} failed attempts in a row, the last: ${error}`.slice(0, 500);
      await tx.update(webhookEndpoints).set({ disabledAt: now, disabledReason: reason }).where(eq(webhookEndpoints.id, endpoint.id));
      await recordAudit(tx, {
        actorId: null,
        action: "webhook.disable",
        entityType: "webhook_endpoint",
        entityId: endpoint.id,
        after: { url: endpoint.url, reason },
      });
    }
    return { outcome: "failed", statusCode, error: error!, endpointDisabled: disable };
  });
}

/**
 * Sends a delivery again from the start (manual redelivery): pending, due now, a fresh retry
 * schedule. The caller then runs `deliverWebhook` (or leaves it to the sweep).
 */
export async function redeliverWebhook(db: Executor, actorId: number | null, deliveryId: number, now: Date) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: webhookDeliveries.id, status: webhookDeliveries.status, endpointId: webhookDeliveries.endpointId, eventId: webhookDeliveries.eventId, disabledAt: webhookEndpoints.disabledAt })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(eq(webhookDeliveries.id, deliveryId))
      .for("update");
    if (!row) throw new AppError("not_found", "delivery not found");
    if (row.disabledAt) throw new AppError("conflict", "the endpoint is disabled; enable it first");
    await tx
      .update(webhookDeliveries)
      .set({ status: "pending", attempts: 0, nextAttemptAt: now, lockedUntil: null, updatedAt: now })
      .where(eq(webhookDeliveries.id, deliveryId));
    await recordAudit(tx, { actorId, action: "webhook.redeliver", entityType: "webhook_delivery", entityId: deliveryId, after: { endpointId: row.endpointId, eventId: row.eventId, previousStatus: row.status } });
    return { id: deliveryId, endpointId: row.endpointId };
  });
}

export interface WebhookDeliveryDto {
  id: number;
  eventType: string;
  eventId: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  createdAt: Date;
  log: { attemptedAt: Date; statusCode: number | null; durationMs: number; error: string | null }[];
}

/** The delivery log of one endpoint, newest first, each delivery with its attempts (latest first). */
export async function listWebhookDeliveries(db: Executor, endpointId: number, opts: { page?: number; pageSize?: number } = {}) {
  const pageSize = Math.min(Math.max(opts.pageSize ?? 20, 1), 100);
  const page = Math.max(opts.page ?? 1, 1);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: webhookDeliveries.id,
        eventType: webhookDeliveries.eventType,
        eventId: webhookDeliveries.eventId,
        status: webhookDeliveries.status,
        attempts: webhookDeliveries.attempts,
        nextAttemptAt: webhookDeliveries.nextAttemptAt,
        createdAt: webhookDeliveries.createdAt,
      })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpointId))
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)),
  ]);
  const ids = rows.map((r) => r.id);
  const log = ids.length
    ? await db
        .select({
          deliveryId: webhookAttempts.deliveryId,
          attemptedAt: webhookAttempts.attemptedAt,
          statusCode: webhookAttempts.statusCode,
          durationMs: webhookAttempts.durationMs,
          error: webhookAttempts.error,
        })
        .from(webhookAttempts)
        .where(inArray(webhookAttempts.deliveryId, ids))
        .orderBy(desc(webhookAttempts.attemptedAt), desc(webhookAttempts.id))
    : [];
  const dtos: WebhookDeliveryDto[] = rows.map((r) => ({
    ...r,
    log: log.filter((l) => l.deliveryId === r.id).map(({ deliveryId: _d, ...l }) => (void _d, l)),
  }));
  return { rows: dtos, total, page, pageSize };
}
