import { NextResponse } from "next/server";
import type { Database } from "@/db";
import type { TokenPrincipal } from "@/db/queries/api-tokens";
import { claimIdempotencyKey, findIdempotentAnswer, forgetExpiredAnswers, type IdempotencyScope, isIdempotencyKeyTaken, rememberIdempotentAnswer } from "@/db/queries/idempotency";
import { recordMeasurements } from "@/db/queries/measurements";
import { apiError, readJsonBody } from "@/lib/api";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { englishFieldErrors } from "@/lib/i18n/english";
import { IDEMPOTENCY_HEADER, parseIdempotencyKey, REPLAYED_HEADER, requestHash } from "@/lib/idempotency";
import { todayIn } from "@/lib/kpis/periods";
import { apiBatchSchema } from "@/lib/schemas/kpis";

const MAX_BODY = 2 * 1024 * 1024;

const replay = (answer: { status: number; body: unknown }) =>
  NextResponse.json(answer.body, { status: answer.status, headers: { [REPLAYED_HEADER]: "true" } });

/** The same key again: the first answer if the body is the same, a conflict if not. */
function answerRetry(stored: { requestHash: string; status: number; body: unknown }, hash: string) {
  if (stored.requestHash !== hash) {
    return apiError("conflict", `This ${IDEMPOTENCY_HEADER} was used for a request with another body; nothing was stored.`);
  }
  return replay(stored);
}

/**
 * `POST /api/v1/kpis/{id}/measurements` (route.ts wraps it in the token check). Stores a batch of
 * values for one KPI, e.g. from a monitoring tool: `{ "items": [{ "date": "2026-03-31", "value": 12.5 }] }`.
 * All or nothing: one invalid item (reported as `items.N.field`) and nothing is stored. Answers 201
 * with the count and any alert change.
 *
 * With an `Idempotency-Key` header the answer is kept for 24 hours, per token and route, in the
 * transaction that stores the values: a retry with the same key and body stores nothing and gets
 * the first answer again (`Idempotent-Replayed: true`); the same key with another body is a 409
 * conflict. Only successful answers are kept, so a failed request may be retried with its key.
 * `now` is the request's moment (tests pass it).
 */
export async function postMeasurements(
  req: Request,
  { db, token, params }: { db: Database; token: TokenPrincipal; params: { id: string } },
  now: Date = new Date(),
): Promise<Response> {
  if (!/^\d{1,9}$/.test(params.id)) return apiError("not_found", "KPI not found.");
  const key = parseIdempotencyKey(req.headers.get(IDEMPOTENCY_HEADER));
  if (key === false) {
    return apiError("bad_request", `The ${IDEMPOTENCY_HEADER} header must be 1–200 printable ASCII characters.`, {
      [IDEMPOTENCY_HEADER]: ["1–200 printable ASCII characters (space to ~)."],
    });
  }
  const kpiId = Number(params.id);
  const json = await readJsonBody(req, MAX_BODY);
  const hash = requestHash(json);
  const scope: IdempotencyScope | null = key ? { tokenId: token.id, route: `POST /api/v1/kpis/${kpiId}/measurements`, key } : null;
  if (scope) {
    const stored = await findIdempotentAnswer(db, scope, now);
    if (stored) return answerRetry(stored, hash);
  }
  const parsed = apiBatchSchema.safeParse(json);
  if (!parsed.success) {
    return apiError("validation_failed", "The batch is invalid; nothing was stored.", englishFieldErrors(zodFieldErrors(parsed.error)));
  }
  try {
    if (scope) await forgetExpiredAnswers(db, now);
    // One transaction for the values and the kept answer (recordMeasurements' own becomes a savepoint).
    const body = await db.transaction(async (tx) => {
      if (scope) {
        // A request with the same key in flight: wait for it, then answer as it did.
        await claimIdempotencyKey(tx, scope);
        const stored = await findIdempotentAnswer(tx, scope, now);
        if (stored) return { retry: stored } as const;
      }
      const result = await recordMeasurements(
        tx,
        { userId: null, scope: { all: true }, via: `api-token:${token.name}` },
        parsed.data.items.map((i) => ({ kpiId, measuredOn: i.date, value: i.value })),
        "api",
        todayIn(now),
      );
      const answer = {
        data: { kpiId, stored: result.stored, alert: result.alerts[0] ? { change: result.alerts[0].decision, severity: result.alerts[0].severity } : null },
      };
      if (scope) await rememberIdempotentAnswer(tx, scope, { requestHash: hash, status: 201, body: answer }, now);
      return answer;
    });
    if ("retry" in body) return answerRetry(body.retry, hash);
    return NextResponse.json(body, { status: 201 });
  } catch (err) {
    if (scope && isIdempotencyKeyTaken(err)) {
      // A concurrent request with the same key committed first; this one's writes were rolled back.
      const stored = await findIdempotentAnswer(db, scope, now);
      if (stored) return answerRetry(stored, hash);
      return apiError("conflict", `A request with this ${IDEMPOTENCY_HEADER} is still in progress; retry it later.`);
    }
    if (err instanceof AppError && err.fieldErrors) {
      // Dates become `items.N.date` again, the API's field name.
      const fields = Object.fromEntries(Object.entries(err.fieldErrors).map(([k, v]) => [k.replace(/\.measuredOn$/, ".date"), v]));
      return apiError(err.code, "The batch is invalid; nothing was stored.", englishFieldErrors(fields));
    }
    if (err instanceof AppError && err.code === "not_found") return apiError("not_found", "KPI not found.");
    throw err;
  }
}
