import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FeedError, MAX_FEED_ITEMS, MAX_ITEM_TEXT, parseFeed, plain } from "./feed";

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Kommentare zu: Der neue BX-400 &amp; seine Getriebe</title>
    <atom:link href="https://blog.example.de/bx-400/feed/" rel="self" type="application/rss+xml" />
    <link>https://blog.example.de/bx-400/</link>
    <item>
      <title>Von: Jürgen Weiß</title>
      <link>https://blog.example.de/bx-400/#comment-1021</link>
      <dc:creator><![CDATA[Jürgen Weiß]]></dc:creator>
      <pubDate>Mon, 30 Nov 2026 09:15:00 +0000</pubDate>
      <guid isPermaLink="false">https://blog.example.de/?p=88#comment-1021</guid>
      <description><![CDATA[<p>Das Getriebe macht nach drei Wochen ein lautes Geräusch &amp; vibriert.</p>]]></description>
      <content:encoded><![CDATA[<p>Das Getriebe macht nach drei Wochen ein <strong>lautes Geräusch</strong> &amp; vibriert.</p><p>Ist das bekannt?</p>]]></content:encoded>
    </item>
    <item>
      <title>Lob f&#252;r den Service &#8211; schnelle Antwort</title>
      <link>https://blog.example.de/bx-400/#comment-1022</link>
      <description>&lt;p&gt;Fish &amp;amp; Chips &amp;auml;hnlich gut&lt;/p&gt;</description>
      <author>kunde@example.com (Maria Größer)</author>
    </item>
    <item>
      <description></description>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Presse: Brenner Antriebstechnik</title>
  <id>tag:alerts.example.com,2026:feed</id>
  <updated>2026-11-30T10:00:00Z</updated>
  <entry>
    <title type="html">Brenner &lt;b&gt;Antriebstechnik&lt;/b&gt; ruft Getriebe zurück</title>
    <link rel="self" href="https://alerts.example.com/self/1"/>
    <link rel="alternate" type="text/html" href="https://news.example.de/artikel/rueckruf"/>
    <id>tag:alerts.example.com,2026:1</id>
    <published>2026-11-30T08:00:00+01:00</published>
    <updated>2026-11-30T09:00:00Z</updated>
    <author><name>Redaktion Süd</name></author>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Der Hersteller <em>ruft</em> Getriebe zurück.</p></div></content>
  </entry>
  <entry>
    <title>Ohne Datum</title>
    <link href="https://news.example.de/artikel/ohne-datum"/>
    <id>tag:alerts.example.com,2026:2</id>
    <summary>Kurzmeldung</summary>
  </entry>
</feed>`;

const JSON_FEED = JSON.stringify({
  version: "https://jsonfeed.org/version/1.1",
  title: "Forum: Antriebe",
  items: [
    { id: "2347259", url: "https://forum.example.de/t/2347259", content_text: "Welche Ölsorte für den BX-400?\nDanke!", date_published: "2026-11-29T18:30:00+01:00", authors: [{ name: "öl_fan" }] },
    { id: 17, title: "Frage zur Bewerbung", content_html: "<p>Wie lange dauert &uuml;blicherweise die R&uuml;ckmeldung?</p>", author: { name: "bewerberin" } },
    { id: "3", url: "javascript:alert(1)", content_text: "Link ignoriert" },
  ],
});

describe("parseFeed", () => {
  it("reads RSS 2.0 comments: umlauts, CDATA, entities, authors, dates; skips empty items", () => {
    const feed = parseFeed(RSS, "application/rss+xml");
    expect(feed.format).toBe("rss");
    expect(feed.title).toBe("Kommentare zu: Der neue BX-400 & seine Getriebe");
    expect(feed.items).toHaveLength(2);
    const [a, b] = feed.items;
    expect(a).toEqual({
      externalId: "https://blog.example.de/?p=88#comment-1021",
      url: "https://blog.example.de/bx-400/#comment-1021",
      title: "Von: Jürgen Weiß",
      text: "Von: Jürgen Weiß\n\nDas Getriebe macht nach drei Wochen ein lautes Geräusch & vibriert.\nIst das bekannt?",
      author: "Jürgen Weiß",
      publishedAt: new Date("2026-11-30T09:15:00Z"),
    });
    expect(b.title).toBe("Lob für den Service – schnelle Antwort");
    expect(b.text).toBe("Lob für den Service – schnelle Antwort\n\nFish & Chips ähnlich gut");
    expect(b.publishedAt).toBeNull();
    // No guid: the link identifies it.
    expect(b.externalId).toBe("https://blog.example.de/bx-400/#comment-1022");
    expect(b.author).toBe("kunde@example.com (Maria Größer)");
  });

  it("reads Atom: html and xhtml texts, the alternate link, published before updated", () => {
    const feed = parseFeed(ATOM);
    expect(feed.format).toBe("atom");
    expect(feed.title).toBe("Presse: Brenner Antriebstechnik");
    const [a, b] = feed.items;
    expect(a.title).toBe("Brenner Antriebstechnik ruft Getriebe zurück");
    expect(a.text).toBe("Brenner Antriebstechnik ruft Getriebe zurück\n\nDer Hersteller ruft Getriebe zurück.");
    expect(a.url).toBe("https://news.example.de/artikel/rueckruf");
    expect(a.externalId).toBe("tag:alerts.example.com,2026:1");
    expect(a.author).toBe("Redaktion Süd");
    expect(a.publishedAt).toEqual(new Date("2026-11-30T07:00:00Z"));
    expect(b).toMatchObject({ url: "https://news.example.de/artikel/ohne-datum", text: "Ohne Datum\n\nKurzmeldung", publishedAt: null, author: null });
  });

  it("reads JSON Feed 1.1 (and 1.0's author), numeric ids, only http(s) links", () => {
    const feed = parseFeed(JSON_FEED, "application/feed+json");
    expect(feed.format).toBe("json");
    expect(feed.items.map((i) => i.externalId)).toEqual(["2347259", "17", "3"]);
    expect(feed.items[0]).toMatchObject({ text: "Welche Ölsorte für den BX-400?\nDanke!", author: "öl_fan", publishedAt: new Date("2026-11-29T17:30:00Z") });
    expect(feed.items[1]).toMatchObject({ text: "Frage zur Bewerbung\n\nWie lange dauert üblicherweise die Rückmeldung?", author: "bewerberin", url: null });
    expect(feed.items[2].url).toBeNull();
  });

  it("expands no entity a document declares (billion laughs, external entities)", () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
      <rss version="2.0"><channel><item><title>&lol3;</title><guid>1</guid></item></channel></rss>`;
    expect(parseFeed(laughs).items[0].text).toBe("&lol3;");
    const external = `<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><item><title>&xxe;</title><guid>1</guid></item></channel></rss>`;
    expect(() => parseFeed(external)).toThrow(/not well-formed XML \(External entities are not supported\)/);
  });

  it("says what is wrong with what is not a feed", () => {
    const code = (body: string, type?: string) => {
      try {
        parseFeed(body, type);
        return "parsed";
      } catch (err) {
        expect(err).toBeInstanceOf(FeedError);
        return (err as FeedError).code;
      }
    };
    expect(code("")).toBe("empty");
    expect(code("   \n")).toBe("empty");
    expect(code("<!DOCTYPE html><html><head><title>Fehler 404</title></head><body>Nicht gefunden</body></html>", "text/html")).toBe("html_page");
    expect(code("<html><body>Wartung</body></html>")).toBe("html_page");
    expect(code('<?xml version="1.0"?><urlset></urlset>')).toBe("not_a_feed");
    expect(code("<rss><channel><item><title>offen</channel></rss>")).toBe("malformed");
    expect(code('{"version": "https://jsonfeed.org/version/1.1", "items": [')).toBe("malformed");
    expect(code('{"data": []}', "application/json")).toBe("not_a_feed");
    expect(code("Service Unavailable", "text/plain")).toBe("not_a_feed");
  });

  it("reads at most MAX_FEED_ITEMS items and clips long texts at a word", () => {
    const items = Array.from({ length: MAX_FEED_ITEMS + 5 }, (_, i) => `<item><guid>g${i}</guid><title>Eintrag ${i}</title></item>`).join("");
    const feed = parseFeed(`<rss version="2.0"><channel>${items}</channel></rss>`);
    expect(feed.items).toHaveLength(MAX_FEED_ITEMS);
    expect(feed.truncated).toBe(true);
    const long = parseFeed(`<rss version="2.0"><channel><item><guid>x</guid><description>${"Wort ".repeat(3000)}</description></item></channel></rss>`);
    expect(long.items[0].text.length).toBeLessThanOrEqual(MAX_ITEM_TEXT);
    expect(long.items[0].text.endsWith("Wort…")).toBe(true);
  });

  it("identifies items by a hash when their id is too long or missing", () => {
    const longId = "x".repeat(300);
    const feed = parseFeed(`<rss version="2.0"><channel><item><guid>${longId}</guid><title>A</title></item><item><title>B</title></item><item><title>B</title></item></channel></rss>`);
    expect(feed.items[0].externalId).toMatch(/^sha256:[0-9a-f]{64}$/);
    // Same content, no id: the same id, so a re-poll finds it again.
    expect(feed.items[1].externalId).toBe(feed.items[2].externalId);
  });

  it("answers any text with a feed or a FeedError, never with another error", () => {
    const fragments = fc.constantFrom("<rss>", "</rss>", "<channel>", "<item>", "</item>", "<title>", "&amp;", "&#x0;", "&#99999999;", "<![CDATA[", "]]>", "<feed>", "<entry>", "{", "}", '"items"', ":", "[", "]", "<!DOCTYPE x>", "ä");
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(fc.oneof(fragments, fc.string({ maxLength: 5 })), { maxLength: 30 }).map((p) => p.join(""))), (body) => {
        try {
          const feed = parseFeed(body);
          for (const item of feed.items) {
            expect(item.text.length).toBeGreaterThan(0);
            expect(item.externalId.length).toBeLessThanOrEqual(200);
          }
        } catch (err) {
          expect(err).toBeInstanceOf(FeedError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("plain", () => {
  it("drops scripts, styles and comments and keeps line structure", () => {
    expect(plain("<style>p{}</style><p>Erste&nbsp;Zeile</p><script>alert(1)</script><!-- x --><p>Zweite<br/>Dritte</p>")).toBe("Erste Zeile\nZweite\nDritte");
    expect(plain("   ")).toBeNull();
  });
});
