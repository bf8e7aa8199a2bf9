import "server-only";
import { forbidden } from "next/navigation";
import type { z } from "zod";
import { getDb, type Database } from "@/db";
import { getCurrentUser, getUserForTwoFactorSetup, type SessionUser } from "@/lib/auth/session";
import { type ActionResult, ECHO_LIST_SEPARATOR } from "@/lib/action-result";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { can, type Permission } from "@/lib/permissions";

export type { ActionResult };

export interface ActionContext {
  user: SessionUser;
  db: Database;
}

function formToObject(input: FormData | Record<string, unknown>): Record<string, unknown> {
  if (!(input instanceof FormData)) return input;
  const out: Record<string, unknown> = {};
  for (const key of new Set(input.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = input.getAll(key);
    // Fields named `x[]` are lists of text; everything else takes its single value, which may be
    // a file (the schema decides whether a file is wanted there).
    if (key.endsWith("[]")) out[key.slice(0, -2)] = all.filter((v): v is string => typeof v === "string");
    else out[key] = all[0];
  }
  return out;
}

function echo(raw: Record<string, unknown>): Record<string, string> {
  // Returned with errors so a form can show what was typed; secrets are never echoed. Ticked
  // boxes of a list come back joined (see echoedList), so they stay ticked.
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(raw)) {
    if (/password|token|secret|apikey/i.test(k)) continue;
    if (typeof val === "string") out[k] = val;
    else if (Array.isArray(val) && val.every((x) => typeof x === "string")) out[k] = val.join(ECHO_LIST_SEPARATOR);
  }
  return out;
}

/**
 * The one way to write a server action: authenticate → authorise → validate → run → typed result.
 * Server actions are public HTTP endpoints, so none of these steps is optional. A missing
 * permission answers with the 403 page, as a forbidden page would.
 */
export function action<S extends z.ZodType, T>(opts: {
  /** "authenticated" is for the few actions every signed-in user may take (e.g. their language). */
  permission: Permission | "authenticated";
  /** The two-factor set-up's own actions run also for someone who must set it up before anything else. */
  duringTwoFactorSetup?: boolean;
  schema: S;
  run: (input: z.output<S>, ctx: ActionContext) => Promise<T | ActionResult<T>>;
}) {
  return async (_prev: unknown, input: FormData | Record<string, unknown>): Promise<ActionResult<T>> => {
    const user = opts.duringTwoFactorSetup ? (await getUserForTwoFactorSetup())?.user : await getCurrentUser();
    if (!user) return { ok: false, error: "unauthenticated" };
    if (opts.permission !== "authenticated" && !can(user.role, opts.permission)) forbidden();
    const raw = formToObject(input);
    const parsed = opts.schema.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, error: "validation_failed", fieldErrors: zodFieldErrors(parsed.error), values: echo(raw) };
    }
    try {
      const result = await opts.run(parsed.data, { user, db: await getDb() });
      if (result && typeof result === "object" && "ok" in result) return result as ActionResult<T>;
      return { ok: true, data: result as T };
    } catch (err) {
      if (err instanceof AppError) {
        if (err.code === "forbidden") forbidden();
        return { ok: false, error: err.code, message: err.message, fieldErrors: err.fieldErrors, values: echo(raw) };
      }
      // Digest errors (redirect, notFound, forbidden) are control flow for Next, not failures.
      if (err && typeof err === "object" && "digest" in err) throw err;
      console.error("server action failed", err);
      return { ok: false, error: "internal", values: echo(raw) };
    }
  };
}
