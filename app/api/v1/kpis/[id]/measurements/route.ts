import { tokenRoute } from "@/lib/api";
import { postMeasurements } from "./post";

export const dynamic = "force-dynamic";

/** Stores a batch of values for one KPI; see ./post.ts (idempotent with an `Idempotency-Key` header). */
export const POST = tokenRoute<{ id: string }>("measurements:write", (req, ctx) => postMeasurements(req, ctx));
