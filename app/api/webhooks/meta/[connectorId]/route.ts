import { NextResponse } from "next/server";
import { getDb } from "@/db";
import { receiveItems, receivingConnector } from "@/db/queries/connector-runs";
import { connectorSecrets } from "@/db/queries/connectors";
import { apiError, toApiResponse } from "@/lib/api";
import { metaHandshake, metaItems, verifyMetaSignature } from "@/lib/connectors/meta";
import { readBodyLimited } from "@/lib/http/body";

export const dynamic = "force-dynamic";

/** Meta's notifications are small; anything larger is refused before it is read. */
const MAX_BODY_BYTES = 1024 * 1024;

type Params = { params: Promise<{ connectorId: string }> };

async function connectorFor(params: Params["params"]) {
  const { connectorId } = await params;
  if (!/^\d{1,9}$/.test(connectorId)) return null;
  return receivingConnector(await getDb(), Number(connectorId), "meta");
}

/** The subscription handshake: the challenge back when `hub.verify_token` is this connector's. */
export async function GET(req: Request, { params }: Params) {
  try {
    const c = await connectorFor(params);
    if (!c) return apiError("not_found", "No Meta connector with this id.");
    const challenge = metaHandshake(new URL(req.url).searchParams, connectorSecrets(c).verifyToken ?? "");
    if (challenge === null) return apiError("forbidden", "The verify token does not match.");
    return new Response(challenge, { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
  } catch (err) {
    return toApiResponse(err);
  }
}

/**
 * A change notification: stored only when `X-Hub-Signature-256` is the HMAC of the raw body under
 * the connector's app secret (401 otherwise, nothing stored); new comments become insights. A
 * paused connector answers 503, so Meta sends again later instead of the comments being lost.
 */
export async function POST(req: Request, { params }: Params) {
  try {
    const c = await connectorFor(params);
    if (!c) return apiError("not_found", "No Meta connector with this id.");
    const raw = await readBodyLimited(req, MAX_BODY_BYTES, "The notification is larger than 1 MB.");
    if (!verifyMetaSignature(raw, req.headers.get("x-hub-signature-256"), connectorSecrets(c).appSecret ?? "")) {
      return apiError("unauthenticated", "The X-Hub-Signature-256 signature is missing or wrong.");
    }
    if (c.status === "paused") return apiError("unavailable", "The connector is paused; send again later.");
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(raw));
    } catch {
      return apiError("bad_request", "The body is not valid JSON.");
    }
    const summary = await receiveItems(await getDb(), c, { feed: metaItems(body) }, new Date());
    return NextResponse.json({ data: { created: summary.created, duplicates: summary.duplicates } });
  } catch (err) {
    return toApiResponse(err);
  }
}
