import { and, eq, gt, lte, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { idempotencyKeys } from "../schema";
import { isUniqueViolation } from "@/lib/errors";
import { IDEMPOTENCY_TTL_MS } from "@/lib/idempotency";

/** Where a key counts: per API token and route (`POST /api/v1/kpis/7/measurements`). */
export interface IdempotencyScope {
  tokenId: number;
  route: string;
  key: string;
}

export interface IdempotentAnswer {
  requestHash: string;
  status: number;
  body: unknown;
}

/** The one stored answer a (token, route, key) can have. */
const sameKey = (scope: IdempotencyScope) =>
  and(eq(idempotencyKeys.tokenId, scope.tokenId), eq(idempotencyKeys.route, scope.route), eq(idempotencyKeys.key, scope.key));

/** Answers stored at or before this moment have expired. */
const expiredBefore = (now: Date) => new Date(now.getTime() - IDEMPOTENCY_TTL_MS);

/** The answer stored for a key within the last 24 hours, or null. */
export async function findIdempotentAnswer(db: Executor, scope: IdempotencyScope, now: Date): Promise<IdempotentAnswer | null> {
  const [row] = await db
    .select({ requestHash: idempotencyKeys.requestHash, status: idempotencyKeys.responseStatus, body: idempotencyKeys.responseBody })
    .from(idempotencyKeys)
    .where(and(sameKey(scope), gt(idempotencyKeys.createdAt, expiredBefore(now))))
    .limit(1);
  return row ?? null;
}

/** Drops answers 24 hours old or older (on the created_at index); cheap enough to run before each store. */
export async function forgetExpiredAnswers(db: Executor, now: Date): Promise<void> {
  await db.delete(idempotencyKeys).where(lte(idempotencyKeys.createdAt, expiredBefore(now)));
}

/**
 * Stores the answer of a successful request, in the transaction that wrote what the request wrote,
 * so neither is kept without the other. A concurrent request with the same key fails here on the
 * primary key (a unique violation, after waiting for the first to commit) and its transaction
 * rolls back: the caller then answers with the stored answer instead.
 */
export async function rememberIdempotentAnswer(tx: Executor, scope: IdempotencyScope, answer: IdempotentAnswer, now: Date): Promise<void> {
  // An expired answer under the same key would block the insert; it no longer counts anyway.
  await tx.delete(idempotencyKeys).where(and(sameKey(scope), lte(idempotencyKeys.createdAt, expiredBefore(now))));
  await tx.insert(idempotencyKeys).values({
    ...scope,
    requestHash: answer.requestHash,
    responseStatus: answer.status,
    responseBody: answer.body,
    createdAt: now,
  });
}

/**
 * Makes a second request with the same key wait, at the start of its transaction, until the first
 * has committed or rolled back (a transaction-scoped advisory lock on the key). Without it both
 * would write their values first and could deadlock on the rows those writes touch before either
 * reached the key; with it the second finds the first's answer and writes nothing.
 */
export async function claimIdempotencyKey(tx: Executor, scope: IdempotencyScope): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${scope.tokenId}\n${scope.route}\n${scope.key}`}, 0))`);
}

/** Whether a write failed because another request stored an answer under the same key first. */
export function isIdempotencyKeyTaken(err: unknown): boolean {
  return isUniqueViolation(err, "idempotency_keys_token_id_route_key_pk");
}
