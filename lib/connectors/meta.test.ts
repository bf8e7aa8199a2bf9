import crypto from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { metaHandshake, metaItems, verifyMetaSignature } from "./meta";

// A page feed comment; the signature was computed apart (Python's hmac) under "meta-app-secret-1234".
const BODY =
  '{"object":"page","entry":[{"id":"123","time":1764500000,"changes":[{"field":"feed","value":{"item":"comment","verb":"add","comment_id":"123_456","post_id":"123_789","message":"Das Getriebe ist laut","from":{"id":"42","name":"J\\u00fcrgen"},"created_time":1764500000}}]}]}';
const SIGNATURE = "sha256=9fc6446146387a3f19dcd9c6491fbaa944b77d3158f453097d07ad530f3b696a";
const SECRET = "meta-app-secret-1234";

describe("verifyMetaSignature", () => {
  it("accepts the HMAC-SHA256 of the raw body under the app secret, in either hex case", () => {
    expect(verifyMetaSignature(Buffer.from(BODY), SIGNATURE, SECRET)).toBe(true);
    expect(verifyMetaSignature(Buffer.from(BODY), SIGNATURE.toUpperCase().replace("SHA256", "sha256"), SECRET)).toBe(true);
  });

  it("refuses another body, another secret, a missing or malformed header", () => {
    expect(verifyMetaSignature(Buffer.from(`${BODY} `), SIGNATURE, SECRET)).toBe(false);
    expect(verifyMetaSignature(Buffer.from(BODY), SIGNATURE, "other-secret")).toBe(false);
    for (const h of [null, "", "sha256=", "sha1=9fc6446146387a3f19dcd9c6491fbaa944b77d31", SIGNATURE.slice(0, -2), `${SIGNATURE}00`, "sha256=zz"]) {
      expect(verifyMetaSignature(Buffer.from(BODY), h, SECRET)).toBe(false);
    }
  });

  it("never throws, whatever arrives", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.option(fc.string()), (body, header) => {
        expect(typeof verifyMetaSignature(body, header, SECRET)).toBe("boolean");
      }),
    );
    const body = crypto.randomBytes(100);
    expect(verifyMetaSignature(body, `sha256=${crypto.createHmac("sha256", SECRET).update(body).digest("hex")}`, SECRET)).toBe(true);
  });
});

describe("metaHandshake", () => {
  const q = (s: string) => new URLSearchParams(s);
  it("answers the challenge for the connector's token only", () => {
    expect(metaHandshake(q("hub.mode=subscribe&hub.verify_token=geheim123&hub.challenge=1158201444"), "geheim123")).toBe("1158201444");
    expect(metaHandshake(q("hub.mode=subscribe&hub.verify_token=falsch&hub.challenge=1158201444"), "geheim123")).toBeNull();
    expect(metaHandshake(q("hub.mode=unsubscribe&hub.verify_token=geheim123&hub.challenge=1"), "geheim123")).toBeNull();
    expect(metaHandshake(q("hub.mode=subscribe&hub.verify_token=geheim123"), "geheim123")).toBeNull();
    expect(metaHandshake(q("hub.mode=subscribe&hub.verify_token=geheim123&hub.challenge=<script>"), "geheim123")).toBeNull();
  });
});

describe("metaItems", () => {
  it("turns a new Page comment into an item", () => {
    expect(metaItems(JSON.parse(BODY))).toEqual([
      {
        externalId: "fb:123_456",
        url: "https://www.facebook.com/123_456",
        title: null,
        text: "Das Getriebe ist laut",
        author: "Jürgen",
        publishedAt: new Date(1764500000 * 1000),
      },
    ]);
  });

  it("turns Instagram comments into items", () => {
    const body = {
      object: "instagram",
      entry: [{ id: "17841400000000000", time: 1764500100, changes: [{ field: "comments", value: { id: "17865799348089039", text: "Wann gibt es wieder Termine?", from: { id: "232323232", username: "kunde_k" }, media: { id: "123123123", media_product_type: "FEED" } } }] }],
    };
    expect(metaItems(body)).toEqual([
      { externalId: "ig:17865799348089039", url: null, title: null, text: "Wann gibt es wieder Termine?", author: "@kunde_k", publishedAt: new Date(1764500100 * 1000) },
    ]);
  });

  it("ignores other changes, the Page's own comments and anything malformed", () => {
    const change = (value: Record<string, unknown>, field = "feed") => ({ object: "page", entry: [{ id: "123", time: 1, changes: [{ field, value }] }] });
    expect(metaItems(change({ item: "like", verb: "add" }))).toEqual([]);
    expect(metaItems(change({ item: "comment", verb: "edited", comment_id: "1", message: "x" }))).toEqual([]);
    expect(metaItems(change({ item: "comment", verb: "remove", comment_id: "1" }))).toEqual([]);
    expect(metaItems(change({ item: "comment", verb: "add", comment_id: "1", message: "Antwort", from: { id: "123" } }))).toEqual([]);
    expect(metaItems(change({ item: "comment", verb: "add", comment_id: "1", message: "x" }, "mention"))).toEqual([]);
    expect(metaItems({ object: "user", entry: [] })).toEqual([]);
    fc.assert(
      fc.property(fc.anything(), (x) => {
        expect(Array.isArray(metaItems(x))).toBe(true);
      }),
    );
  });
});
