import { NextResponse } from "next/server";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { getDb } from "@/db";
import { receiveItems, receivingConnector } from "@/db/queries/connector-runs";
import { connectorSecrets } from "@/db/queries/connectors";
import { apiError, toApiResponse } from "@/lib/api";
import { readBodyLimited } from "@/lib/http/body";
import { englishFieldErrors } from "@/lib/i18n/english";
import { validateIntakeBody } from "@/lib/insights/intake";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 1024 * 1024;

type Params = { params: Promise<{ connectorId: string }> };

/**
 * A listening suite or automation tool posts insights in the intake format of
 * `POST /api/v1/insights` (one item, an array, or `{ items }`), signed per Standard Webhooks with
 * the connector's signing secret (`webhook-id`, `webhook-timestamp`, `webhook-signature`; at most
 * five minutes old). 401 and nothing stored without a valid signature, 413 above 1 MB. Items
 * without a channel get the connector's. Answers like the intake: 201 when something was stored,
 * 200 when only duplicates came, 422 when nothing was valid.
 */
export async function POST(req: Request, { params }: Params) {
  try {
    const { connectorId } = await params;
    const c = /^\d{1,9}$/.test(connectorId) ? await receivingConnector(await getDb(), Number(connectorId), "webhook") : null;
    if (!c) return apiError("not_found", "No webhook connector with this id.");
    const raw = await readBodyLimited(req, MAX_BODY_BYTES, "The body is larger than 1 MB.");
    const text = new TextDecoder().decode(raw);
    let body: unknown;
    try {
      body = new Webhook(connectorSecrets(c).signingSecret ?? "").verify(text, Object.fromEntries(req.headers));
    } catch (err) {
      if (err instanceof WebhookVerificationError || err instanceof SyntaxError) return apiError("unauthenticated", "The webhook signature is missing, wrong or too old.");
      throw err;
    }
    if (c.status === "paused") return apiError("unavailable", "The connector is paused; send again later.");
    const withChannel = (x: unknown) => (x && typeof x === "object" && !Array.isArray(x) && (x as { channelId?: unknown }).channelId == null ? { ...x, channelId: c.channelId } : x);
    const items = Array.isArray(body) ? body.map(withChannel) : body && typeof body === "object" && Array.isArray((body as { items?: unknown }).items) ? (body as { items: unknown[] }).items.map(withChannel) : withChannel(body);
    const checked = validateIntakeBody(items);
    if (!checked.ok) return apiError(checked.code, checked.message, checked.fields ? englishFieldErrors(checked.fields) : undefined);
    const summary = await receiveItems(await getDb(), c, { checked: checked.items }, new Date());
    const results = summary.items.map((i) => (i.errors ? { ...i, errors: englishFieldErrors(i.errors) } : i));
    const status = summary.created > 0 ? 201 : summary.invalid === results.length ? 422 : 200;
    const data = { created: summary.created, duplicates: summary.duplicates, invalid: summary.invalid, routed: summary.routed, items: results };
    if (status === 422) return NextResponse.json({ error: { code: "validation_failed", message: "No item of the batch was valid." }, data }, { status });
    return NextResponse.json({ data }, { status });
  } catch (err) {
    return toApiResponse(err);
  }
}
