import { NextResponse } from "next/server";
import { z } from "zod";
import { listUsers } from "@/db/queries/users";
import { roleEnum } from "@/db/schema";
import { apiError, sessionRoute } from "@/lib/api";
import { zodFieldErrors } from "@/lib/errors";

export const dynamic = "force-dynamic";

const query = z.object({
  q: z.string().max(100).optional(),
  role: z.enum(roleEnum.enumValues).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** The user directory for administrators (e.g. to reconcile with a company directory). */
export const GET = sessionRoute("admin:users", async (req, { db }) => {
  const parsed = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return apiError("validation_failed", "Invalid query parameters.", zodFieldErrors(parsed.error));
  const result = await listUsers(db, parsed.data);
  return NextResponse.json({ data: result.rows, page: result.page, pageSize: result.pageSize, total: result.total });
});
