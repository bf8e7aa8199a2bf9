import { NextResponse } from "next/server";
import { createConnector, listConnectors } from "@/db/queries/connectors";
import { apiError, readJsonBody, readQuery, tokenRoute } from "@/lib/api";
import { connectorListQuery } from "@/lib/connectors/api";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { englishFieldErrors } from "@/lib/i18n/english";
import { createConnectorSchema } from "@/lib/schemas/connectors";
import { toApiConnector } from "./serialize";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 16 * 1024;

/**
 * Creates a connector (scope `connectors:manage`): `{ kind, name, channelId, category?, url?,
 * intervalMinutes?, hashtags?, youtubeChannelId?, apiKey?, accessToken?, appSecret?, verifyToken? }`.
 * `201 { data }`; a generic webhook connector's answer also carries its signing secret, the only
 * time it is shown. Addresses must not reach internal networks (checked after DNS resolution).
 */
export const POST = tokenRoute("connectors:manage", async (req, { db }) => {
  const parsed = createConnectorSchema.safeParse(await readJsonBody(req, MAX_BODY_BYTES));
  if (!parsed.success) return apiError("validation_failed", "Invalid connector.", englishFieldErrors(zodFieldErrors(parsed.error)));
  try {
    const { connector, signingSecret } = await createConnector(db, null, parsed.data, new Date());
    return NextResponse.json({ data: { ...toApiConnector(connector), ...(signingSecret ? { signingSecret } : {}) } }, { status: 201 });
  } catch (err) {
    if (err instanceof AppError && err.fieldErrors) return apiError(err.code, "Invalid connector.", englishFieldErrors(err.fieldErrors));
    throw err;
  }
});

/** Connectors by channel and name, optionally of one channel (scope `connectors:manage`). */
export const GET = tokenRoute("connectors:manage", async (req, { db }) => {
  const q = readQuery(req, connectorListQuery);
  const result = await listConnectors(db, q);
  return NextResponse.json({ data: result.rows.map(toApiConnector), page: result.page, pageSize: result.pageSize, total: result.total });
});
