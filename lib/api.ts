import "server-only";
import { NextResponse } from "next/server";
import { getDb, type Database } from "@/db";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { AppError, type ErrorCode, type FieldErrors, statusFor } from "@/lib/errors";
import { can, type Permission } from "@/lib/permissions";

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

type Ctx<P> = { user: SessionUser; db: Database; params: P };

/**
 * Route handler for signed-in users of the web app (cookie session): authenticate → authorise →
 * run. Token-authenticated public API routes use their own wrapper on top of the same errors.
 */
export function sessionRoute<P = Record<string, string>>(
  permission: Permission,
  run: (req: Request, ctx: Ctx<P>) => Promise<Response>,
) {
  return async (req: Request, context: { params: Promise<P> }) => {
    try {
      const user = await getCurrentUser();
      if (!user) return apiError("unauthenticated", "Sign in first.");
      if (!can(user.role, permission)) return apiError("forbidden", `Your role may not use ${permission}.`);
      return await run(req, { user, db: await getDb(), params: await context.params });
    } catch (err) {
      return toApiResponse(err);
    }
  };
}
