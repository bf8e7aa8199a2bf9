import crypto from "node:crypto";
import type { FeedItem } from "./feed";
import { MAX_ITEM_TEXT } from "./feed";

/**
 * Meta's webhooks (Facebook Page, Instagram) as a connector receives them:
 * - the subscription handshake: GET with `hub.mode=subscribe`, `hub.verify_token` and
 *   `hub.challenge`, answered with the challenge when the token is the connector's;
 * - change notifications: POST bodies signed in `X-Hub-Signature-256` (`sha256=` and the
 *   HMAC-SHA256 of the raw body under the app secret, compared in constant time);
 * - of their changes, new comments on the Page's feed and on Instagram media become items;
 *   everything else (likes, edits, removals, posts by the Page itself) is ignored.
 */

/** The challenge to answer, or null when the request is no valid handshake for this token. */
export function metaHandshake(params: URLSearchParams, verifyToken: string): string | null {
  if (params.get("hub.mode") !== "subscribe") return null;
  const given = params.get("hub.verify_token") ?? "";
  const challenge = params.get("hub.challenge");
  if (!challenge || !/^[\w.-]{1,200}$/.test(challenge)) return null;
  return constantTimeEqual(given, verifyToken) ? challenge : null;
}

/** Whether `header` is `sha256=` and the HMAC-SHA256 of exactly these bytes under the app secret. */
export function verifyMetaSignature(rawBody: Uint8Array, header: string | null, appSecret: string): boolean {
  const m = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? "");
  if (!m) return false;
  const expected = crypto.createHmac("sha256", appSecret).update(rawBody).digest();
  return crypto.timingSafeEqual(expected, Buffer.from(m[1], "hex"));
}

function constantTimeEqual(a: string, b: string): boolean {
  const ha = crypto.createHash("sha256").update(a).digest();
  const hb = crypto.createHash("sha256").update(b).digest();
  return crypto.timingSafeEqual(ha, hb) && a.length === b.length;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : null);

/** Unix seconds (Facebook's created_time, an entry's time) or an ISO date to a Date; null when unreadable. */
function timeOf(v: unknown): Date | null {
  if (typeof v === "number" && Number.isFinite(v)) return new Date(v * 1000);
  if (typeof v === "string") {
    const t = /^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v);
    return Number.isFinite(t) ? new Date(t) : null;
  }
  return null;
}

const clip = (s: string) => (s.length <= MAX_ITEM_TEXT ? s : `${s.slice(0, MAX_ITEM_TEXT - 1)}…`);

/**
 * The new comments in a notification body, as items: `fb:<comment id>` / `ig:<comment id>`
 * identify them, so a notification Meta sends twice is stored once. Comments by the Page itself
 * (`from.id` = the entry's id) are the company's own answers, not voices to route.
 */
export function metaItems(body: unknown): FeedItem[] {
  if (!isObject(body) || !Array.isArray(body.entry)) return [];
  const platform = body.object === "page" ? "fb" : body.object === "instagram" ? "ig" : null;
  if (!platform) return [];
  const items: FeedItem[] = [];
  for (const entry of body.entry) {
    if (!isObject(entry) || !Array.isArray(entry.changes)) continue;
    const ownId = str(entry.id);
    for (const change of entry.changes) {
      if (!isObject(change) || !isObject(change.value)) continue;
      const v = change.value;
      const from = isObject(v.from) ? v.from : {};
      if (ownId && str(from.id) === ownId) continue;
      if (platform === "fb" && change.field === "feed" && v.item === "comment" && v.verb === "add") {
        const id = str(v.comment_id);
        const text = str(v.message);
        if (!id || !text) continue;
        items.push({
          externalId: `fb:${id}`,
          url: `https://www.facebook.com/${encodeURIComponent(id)}`,
          title: null,
          text: clip(text),
          author: str(from.name),
          publishedAt: timeOf(v.created_time) ?? timeOf(entry.time),
        });
      } else if (platform === "ig" && change.field === "comments") {
        const id = str(v.id);
        const text = str(v.text);
        if (!id || !text) continue;
        items.push({
          externalId: `ig:${id}`,
          url: null,
          title: null,
          text: clip(text),
          author: str(from.username) ? `@${str(from.username)}` : null,
          publishedAt: timeOf(entry.time),
        });
      }
    }
  }
  return items;
}
