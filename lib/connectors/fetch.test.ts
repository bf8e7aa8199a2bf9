import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeText, FetchError, fetchSource, MAX_REDIRECTS } from "./fetch";

const FEED = '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Blog</title><item><guid>1</guid><title>Geräusch</title></item></channel></rss>';
const LATIN1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><item><title>Grüße aus Köln</title></item></channel></rss>', "latin1");

describe("fetchSource", () => {
  let server: http.Server;
  let base: string;
  const seen: { url: string; headers: http.IncomingHttpHeaders }[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push({ url: req.url ?? "", headers: req.headers });
      const url = new URL(req.url ?? "/", "http://x");
      const hop = /^\/hop\/(\d+)$/.exec(url.pathname);
      if (hop) {
        const n = Number(hop[1]);
        res.writeHead(n > 0 ? 302 : 200, n > 0 ? { location: `/hop/${n - 1}` } : { "content-type": "application/rss+xml" });
        res.end(n > 0 ? "" : FEED);
        return;
      }
      switch (url.pathname) {
        case "/feed":
          if (req.headers["if-none-match"] === '"v1"') {
            res.writeHead(304);
            res.end();
            return;
          }
          res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag: '"v1"', "last-modified": "Mon, 30 Nov 2026 09:00:00 GMT" });
          res.end(FEED);
          return;
        case "/gzip":
          res.writeHead(200, { "content-type": "application/rss+xml", "content-encoding": "gzip" });
          res.end(zlib.gzipSync(FEED));
          return;
        case "/bomb":
          // 30 MB of zeros in about 30 kB.
          res.writeHead(200, { "content-type": "application/rss+xml", "content-encoding": "gzip" });
          res.end(zlib.gzipSync(Buffer.alloc(30 * 1024 * 1024)));
          return;
        case "/broken-gzip":
          res.writeHead(200, { "content-type": "application/rss+xml", "content-encoding": "gzip" });
          res.end("this is not gzip");
          return;
        case "/latin1":
          res.writeHead(200, { "content-type": "text/xml" });
          res.end(LATIN1);
          return;
        case "/huge":
          res.writeHead(200, { "content-type": "application/rss+xml" });
          res.end(Buffer.alloc(2 * 1024 * 1024, 97));
          return;
        case "/slow":
          setTimeout(() => res.end(FEED), 3_000);
          return;
        case "/to-metadata":
          res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" });
          res.end();
          return;
        case "/to-file":
          res.writeHead(301, { location: "file:///etc/passwd" });
          res.end();
          return;
        case "/limited":
          res.writeHead(429, { "retry-after": "120" });
          res.end();
          return;
        case "/forbidden":
          res.writeHead(403);
          res.end("no");
          return;
        case "/gone":
          res.writeHead(410);
          res.end();
          return;
        default:
          res.writeHead(500, { "content-type": "text/html" });
          res.end("<html><body>Internal Server Error</body></html>");
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const opts = { allowPrivateNetworks: true, timeoutMs: 1_000, maxBytes: 1024 * 1024 };
  const failure = async (path: string, o: Partial<typeof opts> = {}) => {
    try {
      await fetchSource(`${base}${path}`, { ...opts, ...o });
    } catch (err) {
      expect(err).toBeInstanceOf(FetchError);
      return err as FetchError;
    }
    throw new Error(`${path} did not fail`);
  };

  it("fetches a feed with its validators, then asks conditionally and gets 304", async () => {
    const first = await fetchSource(`${base}/feed`, opts);
    expect(first).toMatchObject({ kind: "ok", status: 200, etag: '"v1"', lastModified: "Mon, 30 Nov 2026 09:00:00 GMT", contentType: "application/rss+xml; charset=utf-8" });
    expect(first.kind === "ok" && first.text).toBe(FEED);
    const again = await fetchSource(`${base}/feed`, { ...opts, etag: '"v1"', lastModified: "Mon, 30 Nov 2026 09:00:00 GMT" });
    expect(again).toEqual({ kind: "not_modified", url: `${base}/feed` });
    expect(seen.at(-1)?.headers["if-modified-since"]).toBe("Mon, 30 Nov 2026 09:00:00 GMT");
    expect(seen.at(-1)?.headers["accept-encoding"]).toBe("gzip, deflate, br");
  });

  it(`follows up to ${MAX_REDIRECTS} redirects and refuses more`, async () => {
    const ok = await fetchSource(`${base}/hop/${MAX_REDIRECTS}`, opts);
    expect(ok).toMatchObject({ kind: "ok", url: `${base}/hop/0` });
    expect((await failure(`/hop/${MAX_REDIRECTS + 1}`)).code).toBe("too_many_redirects");
  });

  it("checks every redirect: no cloud metadata address, no other scheme, even with private networks allowed", async () => {
    const meta = await failure("/to-metadata");
    expect(meta.code).toBe("unsafe_url");
    expect(meta.message).toMatch(/169\.254\.169\.254/);
    expect((await failure("/to-file")).code).toBe("unsafe_url");
  });

  it("refuses loopback unless private networks are allowed", async () => {
    expect((await failure("/feed", { allowPrivateNetworks: false })).code).toBe("unsafe_url");
  });

  it("unpacks gzip, and counts the unpacked size against the limit", async () => {
    const res = await fetchSource(`${base}/gzip`, opts);
    expect(res.kind === "ok" && res.text).toBe(FEED);
    expect((await failure("/bomb")).code).toBe("too_large");
    expect((await failure("/broken-gzip")).code).toBe("network");
  });

  it("decodes the charset an XML declaration names", async () => {
    const res = await fetchSource(`${base}/latin1`, opts);
    expect(res.kind === "ok" && res.text).toContain("Grüße aus Köln");
  });

  it("ends oversized, slow and failing answers with their own codes", async () => {
    expect((await failure("/huge")).code).toBe("too_large");
    expect((await failure("/slow")).code).toBe("timeout");
    const limited = await failure("/limited");
    expect(limited).toMatchObject({ code: "rate_limited", detail: { status: 429, retryAfterSeconds: 120 } });
    expect((await failure("/forbidden")).code).toBe("unauthorized");
    expect((await failure("/gone")).code).toBe("not_found");
    expect(await failure("/error")).toMatchObject({ code: "http_status", detail: { status: 500 } });
    // Nobody listens there.
    const closed = await new Promise<number>((r) => {
      const s = http.createServer().listen(0, "127.0.0.1", () => {
        const port = (s.address() as AddressInfo).port;
        s.close(() => r(port));
      });
    });
    await expect(fetchSource(`http://127.0.0.1:${closed}/`, opts)).rejects.toMatchObject({ code: "network" });
  });
});

describe("decodeText", () => {
  it("follows Content-Type, then the XML declaration, then UTF-8; a byte order mark wins", () => {
    expect(decodeText(Buffer.from("Köln", "latin1"), "text/plain; charset=ISO-8859-1")).toBe("Köln");
    expect(decodeText(Buffer.from("Köln"), null)).toBe("Köln");
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Köln")]), "text/xml; charset=iso-8859-1")).toBe("Köln");
    expect(decodeText(Buffer.from("K\x80ln", "latin1"), "text/plain; charset=windows-1252")).toBe("K€ln");
    expect(decodeText(Buffer.from("abc"), "text/plain; charset=no-such-charset")).toBe("abc");
  });
});
