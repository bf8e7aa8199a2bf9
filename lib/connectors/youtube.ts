import type { FeedItem } from "./feed";
import { MAX_ITEM_TEXT } from "./feed";
import { FetchError, type FetchOptions, fetchSource } from "./fetch";

/**
 * YouTube comments through the Data API v3: `commentThreads.list` for every video of a channel
 * (`allThreadsRelatedToChannelId`), newest threads first, replies included. The API key travels
 * in the `X-Goog-Api-Key` header, never in the URL (which ends up in error messages and logs).
 * A run reads up to MAX_PAGES pages and stops at the first thread not newer than the newest
 * comment the last run saw; a first run takes one page.
 */

export const YOUTUBE_API = "https://www.googleapis.com/youtube/v3/";
export const MAX_PAGES = 5;
export const PAGE_SIZE = 100;

export interface YoutubeCursor {
  /** Publication time of the newest comment read (ISO). */
  newest?: string;
}

interface CommentSnippet {
  textOriginal?: string;
  textDisplay?: string;
  authorDisplayName?: string;
  videoId?: string;
  publishedAt?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function commentItem(id: unknown, snippet: unknown, videoId: string | null): FeedItem | null {
  if (typeof id !== "string" || !isObject(snippet)) return null;
  const s = snippet as CommentSnippet;
  const text = (s.textOriginal ?? s.textDisplay ?? "").trim();
  if (!text) return null;
  const published = Date.parse(s.publishedAt ?? "");
  const video = s.videoId ?? videoId;
  return {
    externalId: `youtube:${id}`.slice(0, 200),
    url: video ? `https://www.youtube.com/watch?v=${encodeURIComponent(video)}&lc=${encodeURIComponent(id)}` : null,
    title: null,
    text: text.length <= MAX_ITEM_TEXT ? text : `${text.slice(0, MAX_ITEM_TEXT - 1)}…`,
    author: s.authorDisplayName?.trim() || null,
    publishedAt: Number.isFinite(published) ? new Date(published) : null,
  };
}

/** The comments (top-level and replies) of one commentThreads page. */
export function threadItems(body: unknown): FeedItem[] {
  if (!isObject(body) || !Array.isArray(body.items)) return [];
  const out: FeedItem[] = [];
  for (const thread of body.items) {
    if (!isObject(thread) || !isObject(thread.snippet)) continue;
    const videoId = typeof thread.snippet.videoId === "string" ? thread.snippet.videoId : null;
    const top = isObject(thread.snippet.topLevelComment) ? thread.snippet.topLevelComment : null;
    const topItem = top && commentItem(top.id, top.snippet, videoId);
    if (topItem) out.push(topItem);
    const replies = isObject(thread.replies) && Array.isArray(thread.replies.comments) ? thread.replies.comments : [];
    for (const r of replies) {
      const item = isObject(r) ? commentItem(r.id, r.snippet, videoId) : null;
      if (item) out.push(item);
    }
  }
  return out;
}

/** The API's own error text ("quotaExceeded", "keyInvalid") when an answer carries one. */
function apiReason(text: string): string | null {
  try {
    const body = JSON.parse(text) as { error?: { errors?: { reason?: string }[]; message?: string } };
    return body.error?.errors?.[0]?.reason ?? body.error?.message ?? null;
  } catch {
    return null;
  }
}

export async function fetchYoutube(
  settings: { youtubeChannelId: string; apiKey: string },
  cursor: YoutubeCursor,
  opts: FetchOptions & { apiBase?: string },
): Promise<{ items: FeedItem[]; cursor: YoutubeCursor }> {
  const since = cursor.newest ? Date.parse(cursor.newest) : Number.NaN;
  const items = new Map<string, FeedItem>();
  let pageToken: string | undefined;
  for (let page = 0; page < (Number.isFinite(since) ? MAX_PAGES : 1); page++) {
    const url = new URL("commentThreads", opts.apiBase ?? YOUTUBE_API);
    url.searchParams.set("part", "snippet,replies");
    url.searchParams.set("allThreadsRelatedToChannelId", settings.youtubeChannelId);
    url.searchParams.set("maxResults", String(PAGE_SIZE));
    url.searchParams.set("order", "time");
    url.searchParams.set("textFormat", "plainText");
    if (pageToken) url.searchParams.set("pageToken", pageToken);
    let text: string;
    try {
      const res = await fetchSource(url.toString(), { ...opts, accept: "application/json", headers: { ...opts.headers, "x-goog-api-key": settings.apiKey } });
      if (res.kind !== "ok") break;
      text = res.text;
    } catch (err) {
      throw err instanceof FetchError && err.detail.status ? new FetchError(err.code, `YouTube answered ${err.detail.status}`, err.detail) : err;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new FetchError("http_status", "YouTube's answer is not JSON");
    }
    const reason = isObject(body) && isObject(body.error) ? apiReason(text) : null;
    if (reason) throw new FetchError("http_status", `YouTube refused: ${reason}`);
    const found = threadItems(body);
    let older = false;
    for (const item of found) {
      if (Number.isFinite(since) && item.publishedAt && item.publishedAt.getTime() <= since) {
        older = true;
        continue;
      }
      items.set(item.externalId, item);
    }
    pageToken = isObject(body) && typeof body.nextPageToken === "string" ? body.nextPageToken : undefined;
    if (older || !pageToken) break;
  }
  const newest = [...items.values()].reduce<number>((m, i) => Math.max(m, i.publishedAt?.getTime() ?? 0), Number.isFinite(since) ? since : 0);
  return { items: [...items.values()], cursor: newest > 0 ? { newest: new Date(newest).toISOString() } : cursor };
}
