import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchMastodon, MAX_PAGES, PAGE_SIZE, statusItem } from "./mastodon";

/** A status as Mastodon's API documents it (the fields we read, and some we do not). */
function status(id: number, extra: Record<string, unknown> = {}) {
  return {
    id: String(id),
    created_at: new Date(Date.UTC(2026, 10, 30, 8, 0, id)).toISOString(),
    in_reply_to_id: null,
    sensitive: false,
    spoiler_text: "",
    visibility: "public",
    language: "de",
    uri: `https://chaos.social/users/kunde${id}/statuses/${id}`,
    url: `https://chaos.social/@kunde${id}/${id}`,
    replies_count: 0,
    content: `<p>Post ${id} über das <a href="https://chaos.social/tags/getriebe" class="mention hashtag" rel="tag">#<span>Getriebe</span></a> &amp; mehr</p>`,
    reblog: null,
    account: { id: String(1000 + id), username: `kunde${id}`, acct: id % 2 ? `kunde${id}` : `kunde${id}@mastodon.social`, display_name: "Kunde" },
    media_attachments: [],
    mentions: [],
    tags: [{ name: "getriebe", url: "https://chaos.social/tags/getriebe" }],
    ...extra,
  };
}

const tagPosts = Array.from({ length: 300 }, (_, i) => status(i + 1));
const mentions = [3, 7].map((id) => ({ id: String(500 + id), type: "mention", created_at: "2026-11-30T09:00:00.000Z", account: {}, status: status(1000 + id, { content: "<p>@brenner_ag Wann kommt das Update?</p>" }) }));
const TOKEN = "mastodon-token-abc";

/** Mastodon's paging: newest first; `min_id` gives the page right after it, `since_id` is not used. */
function page<T extends { id: string }>(all: T[], params: URLSearchParams): T[] {
  const limit = Math.min(Number(params.get("limit") ?? 20), 40);
  const min = params.get("min_id");
  const sorted = [...all].sort((a, b) => Number(b.id) - Number(a.id));
  if (!min) return sorted.slice(0, limit);
  const after = sorted.filter((s) => Number(s.id) > Number(min));
  return after.slice(Math.max(after.length - limit, 0));
}

let server: http.Server;
let base: string;
const seen: string[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    seen.push(url.pathname + url.search);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === "/api/v1/timelines/tag/getriebe") return json(200, page(tagPosts, url.searchParams));
    if (url.pathname === "/api/v1/timelines/tag/leer") return json(200, []);
    if (url.pathname === "/api/v1/notifications") {
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return json(401, { error: "The access token is invalid" });
      if (url.searchParams.get("types[]") !== "mention") return json(400, { error: "types" });
      return json(200, page(mentions, url.searchParams));
    }
    json(404, { error: "Record not found" });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const opts = { allowPrivateNetworks: true, timeoutMs: 2_000 };

describe("fetchMastodon", () => {
  it("takes only the newest page on a first run, then reads onwards page by page without gaps", async () => {
    const first = await fetchMastodon(base, { hashtags: ["getriebe"] }, {}, opts);
    expect(first.items).toHaveLength(PAGE_SIZE);
    expect(first.cursor.tags).toEqual({ getriebe: "300" });

    // 150 older posts "arrive later" is not how Mastodon works; start from an older cursor instead.
    const onwards = await fetchMastodon(base, { hashtags: ["getriebe"] }, { tags: { getriebe: "100" } }, opts);
    const ids = onwards.items.map((i) => Number(i.externalId.split("/").at(-1))).sort((a, b) => a - b);
    expect(ids).toEqual(Array.from({ length: MAX_PAGES * PAGE_SIZE }, (_, i) => 101 + i).filter((id) => id <= 300));
    expect(onwards.cursor.tags!.getriebe).toBe("300");
    // Nothing new: nothing read, the cursor stays.
    const none = await fetchMastodon(base, { hashtags: ["getriebe"] }, onwards.cursor, opts);
    expect(none).toEqual({ items: [], cursor: { tags: { getriebe: "300" } } });
  });

  it("reads mentions with the access token, and says so when the token is refused", async () => {
    const r = await fetchMastodon(base, { hashtags: ["leer"], accessToken: TOKEN }, {}, opts);
    expect(r.items.map((i) => i.text)).toEqual(["@brenner_ag Wann kommt das Update?", "@brenner_ag Wann kommt das Update?"]);
    expect(r.cursor.mentions).toBe("507");
    await expect(fetchMastodon(base, { hashtags: [], accessToken: "falsch" }, {}, opts)).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("refuses an instance that is not Mastodon", async () => {
    await expect(fetchMastodon(base, { hashtags: ["gibtsnicht-%"] }, {}, opts)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("statusItem", () => {
  it("makes plain text with the content warning first, the author's handle and the post's address", () => {
    const item = statusItem(status(7, { spoiler_text: "Lärm" }) as never)!;
    expect(item).toEqual({
      externalId: "https://chaos.social/users/kunde7/statuses/7",
      url: "https://chaos.social/@kunde7/7",
      title: null,
      text: "Lärm\n\nPost 7 über das #Getriebe & mehr",
      author: "@kunde7",
      publishedAt: new Date(Date.UTC(2026, 10, 30, 8, 0, 7)),
    });
    expect(statusItem(status(8) as never)!.author).toBe("@kunde8@mastodon.social");
  });

  it("leaves boosts and empty posts out", () => {
    expect(statusItem(status(9, { reblog: status(1) }) as never)).toBeNull();
    expect(statusItem(status(10, { content: "<p></p>" }) as never)).toBeNull();
  });
});
