import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { getDb, type Database } from "@/db";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { AppError, type ErrorCode, type FieldErrors, statusFor, zodFieldErrors } from "@/lib/errors";
import { can, type Permission } from "@/lib/permissions";
import { authenticateApiToken, type TokenPrincipal } from "@/db/queries/api-tokens";
import type { ApiScope } from "@/lib/api-tokens/scopes";
import { parseBearer } from "@/lib/api-tokens/tokens";
import { env } from "@/lib/env";
import { parseJsonBytes, readBodyLimited } from "@/lib/http/body";
import { checkRequestOrigin, originOf } from "@/lib/http/origin";
import { singleParams } from "@/lib/schemas/api-v1";

export { readBodyLimited };

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldErrors };
}

export function apiError(code: ErrorCode, message: string, fields?: FieldErrors) {
  const body: ApiErrorBody = { error: { code, message, ...(fields ? { fields } : {}) } };
  return NextResponse.json(body, { status: statusFor(code) });
}

/** Maps anything thrown in a handler to the one JSON error shape; internals are logged, not sent. */
export function toApiResponse(err: unknown) {
  if (err instanceof AppError) return apiError(err.code, err.message, err.fieldErrors);
  console.error("API handler failed", err);
  return apiError("internal", "An unexpected error occurred; nothing was written.");
}

/**
 * The origin the app is served at: NEXTAUTH_URL's (the start script always sets it). Only when it
 * is unset (`next dev`) the request's own URL stands in.
 */
export function appOrigin(req: Request): string {
  return (env.NEXTAUTH_URL && originOf(env.NEXTAUTH_URL)) || new URL(req.url).origin;
}

type Ctx<P> = { user: SessionUser; db: Database; params: P };

/**
 * Route handler for signed-in users of the web app (cookie session): authenticate → authorise →
 * run. State-changing methods must come from the app's own origin (CSRF; see lib/http/origin.ts).
 * Token-authenticated public API routes use their own wrapper on top of the same errors.
 */
export function sessionRoute<P = Record<string, string>>(
  permission: Permission,
  run: (req: Request, ctx: Ctx<P>) => Promise<Response>,
) {
  return async (req: Request, context: { params: Promise<P> }) => {
    try {
      // The cookie rides along on cross-site requests too; before it counts, the request must be ours.
      const verdict = checkRequestOrigin(
        { method: req.method, origin: req.headers.get("origin"), secFetchSite: req.headers.get("sec-fetch-site") },
        appOrigin(req),
      );
      if (!verdict.ok) return apiError("forbidden", verdict.reason);
      const user = await getCurrentUser();
      if (!user) return apiError("unauthenticated", "Sign in first.");
      if (!can(user.role, permission)) return apiError("forbidden", `Your role may not use ${permission}.`);
      return await run(req, { user, db: await getDb(), params: await context.params });
    } catch (err) {
      return toApiResponse(err);
    }
  };
}

type TokenCtx<P> = { token: TokenPrincipal; db: Database; params: P };

/**
 * Route handler of the public API: a bearer token with the given scope. Missing → 401
 * `unauthenticated`, unknown or revoked → 401 `invalid_token`, wrong scope → 403 `forbidden`.
 */
export function tokenRoute<P = Record<string, string>>(
  scope: ApiScope | null,
  run: (req: Request, ctx: TokenCtx<P>) => Promise<Response>,
) {
  return async (req: Request, context: { params: Promise<P> }) => {
    try {
      const raw = parseBearer(req.headers.get("authorization"));
      if (!raw) return apiError("unauthenticated", "Send an API token as `Authorization: Bearer <token>`.");
      const db = await getDb();
      const token = await authenticateApiToken(db, raw);
      if (!token) return apiError("invalid_token", "The API token is unknown or has been revoked.");
      if (scope && !token.scopes.includes(scope)) {
        return apiError("forbidden", `This token lacks the scope \`${scope}\`.`);
      }
      return await run(req, { token, db, params: await context.params });
    } catch (err) {
      return toApiResponse(err);
    }
  };
}

/** Reads a JSON body with a size limit; malformed JSON or bad UTF-8 is a 400 with a clear message, not a 500. */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  return parseJsonBytes(await readBodyLimited(req, maxBytes));
}

/**
 * The query string of a public API request, checked against `schema`: a repeated parameter or one
 * the schema does not know is a 400 naming it, never silently ignored.
 */
export function readQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const { values, repeated } = singleParams(new URL(req.url).searchParams);
  if (repeated.length) {
    throw new AppError("validation_failed", "Invalid query parameters.", Object.fromEntries(repeated.map((k) => [k, ["Give this parameter once."]])));
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw new AppError("validation_failed", "Invalid query parameters.", zodFieldErrors(parsed.error));
  return parsed.data;
}
