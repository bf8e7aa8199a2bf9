import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createConnectorSchema, kindIssues, MAX_HASHTAGS, secretsOf, updateConnectorSchema } from "./connectors";

const errors = (input: unknown) => {
  const r = createConnectorSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("createConnectorSchema", () => {
  it("takes a feed with its address, a default category and an interval", () => {
    const r = createConnectorSchema.parse({ kind: "feed", name: " Produktblog ", channelId: 3, category: "product_feedback", url: "https://blog.example.de/feed/", intervalMinutes: 30 });
    expect(r).toMatchObject({ kind: "feed", name: "Produktblog", channelId: 3, category: "product_feedback", url: "https://blog.example.de/feed/", intervalMinutes: 30 });
  });

  it("asks each kind for what it needs, field by field", () => {
    expect(errors({ kind: "feed", name: "x", channelId: 1 })).toEqual({ url: "connectors.errors.feedUrl" });
    expect(errors({ kind: "mastodon", name: "x", channelId: 1, url: "https://mastodon.social" })).toEqual({ hashtags: "connectors.errors.mastodonWhat" });
    expect(errors({ kind: "youtube", name: "x", channelId: 1 })).toEqual({ youtubeChannelId: "connectors.errors.youtubeChannel", apiKey: "validation.required" });
    expect(errors({ kind: "meta", name: "x", channelId: 1 })).toEqual({ appSecret: "validation.required", verifyToken: "validation.required" });
    expect(errors({ kind: "webhook", name: "x", channelId: 1 })).toEqual({});
  });

  it("refuses fields another kind needs", () => {
    expect(errors({ kind: "webhook", name: "x", channelId: 1, url: "https://x.example", apiKey: "k", hashtags: ["a"] })).toEqual({
      url: "connectors.errors.noUrl",
      hashtags: "connectors.errors.notForKind",
      apiKey: "connectors.errors.notForKind",
    });
  });

  it("reads hashtags with or without #, lower-cased and once, and refuses others", () => {
    const r = createConnectorSchema.parse({ kind: "mastodon", name: "x", channelId: 1, url: "https://chaos.social", hashtags: ["#Getriebe", "getriebe", "Brenner_AG", "Größe"] });
    expect(r.hashtags).toEqual(["getriebe", "brenner_ag", "größe"]);
    expect(errors({ kind: "mastodon", name: "x", channelId: 1, url: "https://chaos.social", hashtags: ["zwei wörter"] })).toEqual({ "hashtags.0": "connectors.errors.hashtag" });
    expect(errors({ kind: "mastodon", name: "x", channelId: 1, url: "https://chaos.social", hashtags: Array.from({ length: MAX_HASHTAGS + 1 }, (_, i) => `t${i}`) })).toEqual({
      hashtags: "connectors.errors.tooManyHashtags",
    });
  });

  it("checks the YouTube channel id, the verify token's length, the interval and the address", () => {
    expect(errors({ kind: "youtube", name: "x", channelId: 1, apiKey: "k", youtubeChannelId: "UC_x5XG1OV2P6uZZ5FSM9Ttw" })).toEqual({});
    expect(errors({ kind: "youtube", name: "x", channelId: 1, apiKey: "k", youtubeChannelId: "brenner" })).toEqual({ youtubeChannelId: "connectors.errors.youtubeChannel" });
    expect(errors({ kind: "meta", name: "x", channelId: 1, appSecret: "s", verifyToken: "kurz" })).toEqual({ verifyToken: "connectors.errors.verifyToken" });
    expect(errors({ kind: "feed", name: "x", channelId: 1, url: "https://a.example/feed", intervalMinutes: 1 })).toEqual({ intervalMinutes: "connectors.errors.interval" });
    expect(errors({ kind: "feed", name: "x", channelId: 1, url: "ftp://a.example/feed" })).toEqual({ url: "validation.url" });
    expect(errors({ kind: "radio", name: "", channelId: "abc" })).toMatchObject({ kind: "connectors.errors.kind", name: "validation.required", channelId: "connectors.errors.channel" });
  });

  it("answers any object with a result, never an exception", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("kind", "name", "channelId", "url", "hashtags", "apiKey", "verifyToken", "intervalMinutes", "category"), fc.anything()), (input) => {
        expect(() => createConnectorSchema.safeParse(input)).not.toThrow();
        expect(() => updateConnectorSchema.safeParse(input)).not.toThrow();
      }),
    );
  });
});

describe("kindIssues after a PATCH", () => {
  it("counts stored secrets as present, so a PATCH need not repeat them", () => {
    expect(kindIssues("youtube", { youtubeChannelId: "UC_x5XG1OV2P6uZZ5FSM9Ttw" }, ["apiKey"])).toEqual([]);
    expect(kindIssues("mastodon", { url: "https://chaos.social", hashtags: [] }, ["accessToken"])).toEqual([]);
    expect(kindIssues("feed", { url: null })).toEqual([{ field: "url", message: "connectors.errors.feedUrl" }]);
  });
});

describe("secretsOf", () => {
  it("takes only the secret fields that were given", () => {
    expect(secretsOf({ apiKey: "k", accessToken: undefined, appSecret: "" })).toEqual({ apiKey: "k" });
  });
});
