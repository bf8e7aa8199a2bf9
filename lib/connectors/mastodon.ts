import type { FeedItem } from "./feed";
import { MAX_ITEM_TEXT, plain } from "./feed";
import { FetchError, type FetchOptions, fetchSource } from "./fetch";

/**
 * Mastodon through an instance's public REST API: posts with chosen hashtags
 * (`/api/v1/timelines/tag/:tag`) and, with an access token, mentions of the company account
 * (`/api/v1/notifications?types[]=mention`). Each source is read onwards from where the last run
 * stopped (`min_id`: the page right after it, oldest first, so nothing between two runs is
 * skipped), up to MAX_PAGES pages a run; a first run takes only the newest page, not the
 * instance's history. Boosts are left out (the boosted post is what counts, and it comes on its
 * own); posts are identified by their URI, the same on every instance.
 */

export const PAGE_SIZE = 40;
export const MAX_PAGES = 5;

export interface MastodonCursor {
  /** Per hashtag: the newest post id read. */
  tags?: Record<string, string>;
  /** The newest mention notification id read. */
  mentions?: string;
}

interface Status {
  id: string;
  uri: string;
  url: string | null;
  created_at: string;
  content: string;
  spoiler_text?: string;
  account?: { acct?: string };
  reblog?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function asStatus(v: unknown): Status | null {
  if (!isObject(v) || typeof v.id !== "string" || typeof v.uri !== "string" || typeof v.content !== "string") return null;
  return v as unknown as Status;
}

/** A post as an item: its text (content warning first) as plain text, its author's handle. */
export function statusItem(s: Status): FeedItem | null {
  if (s.reblog) return null;
  const text = [plain(s.spoiler_text ?? null), plain(s.content)].filter(Boolean).join("\n\n");
  if (!text) return null;
  const created = Date.parse(s.created_at);
  return {
    externalId: s.uri.length <= 200 ? s.uri : `mastodon:${s.id}`,
    url: typeof s.url === "string" && /^https?:\/\//.test(s.url) ? s.url : null,
    title: null,
    text: text.length <= MAX_ITEM_TEXT ? text : `${text.slice(0, MAX_ITEM_TEXT - 1)}…`,
    author: s.account?.acct ? `@${s.account.acct}` : null,
    publishedAt: Number.isFinite(created) ? new Date(created) : null,
  };
}

function parsePage(text: string, what: string): unknown[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new FetchError("http_status", `the instance's ${what} answer is not JSON`);
  }
  if (!Array.isArray(body)) throw new FetchError("http_status", `the instance's ${what} answer is not a list`);
  return body;
}

const maxId = (ids: string[]) => ids.reduce((a, b) => (BigInt(b) > BigInt(a) ? b : a));
const numericId = (s: unknown): s is string => typeof s === "string" && /^\d{1,30}$/.test(s);

/**
 * Reads one paged source onwards from `after`: pages of up to PAGE_SIZE, oldest page first, until
 * a page is not full or MAX_PAGES were read. Returns the entries and the newest id seen.
 */
async function readOnwards(
  base: URL,
  path: string,
  query: Record<string, string>,
  after: string | undefined,
  opts: FetchOptions,
  what: string,
): Promise<{ entries: unknown[]; newest: string | undefined }> {
  const entries: unknown[] = [];
  let newest = after;
  for (let page = 0; page < (after ? MAX_PAGES : 1); page++) {
    const url = new URL(path, base);
    for (const [k, v] of Object.entries(query)) url.searchParams.append(k, v);
    url.searchParams.set("limit", String(PAGE_SIZE));
    if (newest) url.searchParams.set("min_id", newest);
    const res = await fetchSource(url.toString(), { ...opts, accept: "application/json" });
    if (res.kind !== "ok") break;
    const list = parsePage(res.text, what);
    const ids = list.map((x) => (isObject(x) ? x.id : null)).filter(numericId);
    entries.push(...list);
    if (!ids.length) break;
    newest = maxId(newest ? [newest, ...ids] : ids);
    if (list.length < PAGE_SIZE) break;
  }
  return { entries, newest };
}

/** The new posts for these hashtags and, with a token, the new mentions; and where to start next time. */
export async function fetchMastodon(
  instance: string,
  settings: { hashtags: string[]; accessToken?: string },
  cursor: MastodonCursor,
  opts: FetchOptions,
): Promise<{ items: FeedItem[]; cursor: MastodonCursor }> {
  const base = new URL(instance.endsWith("/") ? instance : `${instance}/`);
  const items = new Map<string, FeedItem>();
  const next: MastodonCursor = { tags: { ...cursor.tags } };
  for (const tag of settings.hashtags) {
    const { entries, newest } = await readOnwards(base, `api/v1/timelines/tag/${encodeURIComponent(tag)}`, {}, cursor.tags?.[tag], opts, `#${tag}`);
    for (const e of entries) {
      const s = asStatus(e);
      const item = s && statusItem(s);
      if (item) items.set(item.externalId, item);
    }
    if (newest) next.tags![tag] = newest;
  }
  if (settings.accessToken) {
    const auth = { ...opts, headers: { ...opts.headers, authorization: `Bearer ${settings.accessToken}` } };
    const { entries, newest } = await readOnwards(base, "api/v1/notifications", { "types[]": "mention" }, cursor.mentions, auth, "notifications");
    for (const n of entries) {
      if (!isObject(n) || n.type !== "mention") continue;
      const s = asStatus(n.status);
      const item = s && statusItem(s);
      if (item) items.set(item.externalId, item);
    }
    next.mentions = newest ?? cursor.mentions;
  }
  return { items: [...items.values()], cursor: next };
}
