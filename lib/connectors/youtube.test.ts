import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchYoutube, threadItems } from "./youtube";

const KEY = "AIzaSy-test-key";
const CHANNEL = "UC_x5XG1OV2P6uZZ5FSM9Ttw";

/** A commentThread as the Data API v3 documents it. */
function thread(n: number, replies = 0) {
  const at = (m: number) => new Date(Date.UTC(2026, 10, 30, 0, n, m)).toISOString();
  const comment = (id: string, text: string, m: number, parentId?: string) => ({
    kind: "youtube#comment",
    etag: "x",
    id,
    snippet: {
      channelId: CHANNEL,
      videoId: `video${n % 3}`,
      textDisplay: text.replace(/&/g, "&amp;"),
      textOriginal: text,
      ...(parentId ? { parentId } : {}),
      authorDisplayName: `@zuschauer${n}`,
      authorChannelUrl: `http://www.youtube.com/@zuschauer${n}`,
      canRate: true,
      viewerRating: "none",
      likeCount: 0,
      publishedAt: at(m),
      updatedAt: at(m),
    },
  });
  return {
    kind: "youtube#commentThread",
    etag: "y",
    id: `Ugz${n}`,
    snippet: { channelId: CHANNEL, videoId: `video${n % 3}`, topLevelComment: comment(`Ugz${n}`, `Kommentar ${n}: Getriebe & Lager`, 0), canReply: true, totalReplyCount: replies, isPublic: true },
    ...(replies ? { replies: { comments: Array.from({ length: replies }, (_, r) => comment(`Ugz${n}.r${r}`, `Antwort ${r} auf ${n}`, r + 1, `Ugz${n}`)) } } : {}),
  };
}

// 250 threads, newest first, paged by 100 as the API pages them.
const threads = Array.from({ length: 250 }, (_, i) => thread(250 - i, i % 50 === 0 ? 2 : 0));

let server: http.Server;
let apiBase: string;
const requests: { url: string; key: string | undefined }[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    requests.push({ url: url.pathname + url.search, key: req.headers["x-goog-api-key"] as string | undefined });
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json; charset=UTF-8" });
      res.end(JSON.stringify(body));
    };
    if (req.headers["x-goog-api-key"] !== KEY) return json(400, { error: { code: 400, message: "API key not valid.", errors: [{ reason: "keyInvalid" }] } });
    if (url.pathname !== "/youtube/v3/commentThreads" || url.searchParams.get("allThreadsRelatedToChannelId") !== CHANNEL) return json(404, { error: { code: 404 } });
    const start = Number(url.searchParams.get("pageToken") ?? 0);
    const size = Number(url.searchParams.get("maxResults"));
    const next = start + size < threads.length ? String(start + size) : undefined;
    json(200, { kind: "youtube#commentThreadListResponse", ...(next ? { nextPageToken: next } : {}), pageInfo: { totalResults: threads.length, resultsPerPage: size }, items: threads.slice(start, start + size) });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}/youtube/v3/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const opts = () => ({ allowPrivateNetworks: true, timeoutMs: 2_000, apiBase });

describe("fetchYoutube", () => {
  it("takes one page on a first run, with replies, the key in a header and never in the address", async () => {
    const r = await fetchYoutube({ youtubeChannelId: CHANNEL, apiKey: KEY }, {}, opts());
    expect(r.items).toHaveLength(100 + 2 * 2);
    expect(requests.every((q) => !q.url.includes(KEY) && q.key === KEY)).toBe(true);
    expect(r.cursor.newest).toBe(threads[0].snippet.topLevelComment.snippet.publishedAt.replace(/:00\.000Z$/, ":02.000Z"));
    expect(r.items[0]).toEqual({
      externalId: "youtube:Ugz250",
      url: "https://www.youtube.com/watch?v=video1&lc=Ugz250",
      title: null,
      text: "Kommentar 250: Getriebe & Lager",
      author: "@zuschauer250",
      publishedAt: new Date(threads[0].snippet.topLevelComment.snippet.publishedAt),
    });
  });

  it("reads onwards until it reaches what the last run saw", async () => {
    const since = threads[120].snippet.topLevelComment.snippet.publishedAt;
    const r = await fetchYoutube({ youtubeChannelId: CHANNEL, apiKey: KEY }, { newest: since }, opts());
    const top = r.items.filter((i) => !i.externalId.includes(".r")).map((i) => i.externalId);
    expect(top).toHaveLength(120);
    expect(top.at(-1)).toBe("youtube:Ugz131");
    expect(new Date(r.cursor.newest!).getTime()).toBeGreaterThan(new Date(since).getTime());
  });

  it("says when the key is refused", async () => {
    await expect(fetchYoutube({ youtubeChannelId: CHANNEL, apiKey: "falsch" }, {}, opts())).rejects.toMatchObject({ code: "http_status", message: "YouTube answered 400" });
  });
});

describe("threadItems", () => {
  it("skips empty comments and malformed threads", () => {
    expect(threadItems({ items: [null, { snippet: {} }, { snippet: { topLevelComment: { id: "a", snippet: { textOriginal: "  " } } } }] })).toEqual([]);
    expect(threadItems("kaputt")).toEqual([]);
  });
});
