import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkRequestOrigin, originOf } from "./origin";

const APP = "https://social.example.de";
const post = (origin: string | null, secFetchSite: string | null = null, method = "POST") => checkRequestOrigin({ method, origin, secFetchSite }, APP);

describe("checkRequestOrigin", () => {
  it("lets the app's own origin change data", () => {
    expect(post(APP)).toEqual({ ok: true });
    expect(post(APP, "same-origin")).toEqual({ ok: true });
    for (const m of ["PUT", "PATCH", "DELETE"]) expect(post(APP, null, m).ok).toBe(true);
  });

  it("refuses a foreign origin with a message that names it", () => {
    const v = post("http://evil.example", "cross-site");
    expect(v.ok).toBe(false);
    expect(!v.ok && v.reason).toContain("http://evil.example");
    // Origin is authoritative: a matching Sec-Fetch-Site does not save a foreign Origin.
    expect(post("http://evil.example", "same-origin").ok).toBe(false);
  });

  it("compares scheme, host and port exactly", () => {
    expect(post("http://social.example.de").ok).toBe(false);
    expect(post("https://social.example.de:8443").ok).toBe(false);
    expect(post("https://evil.social.example.de").ok).toBe(false);
    expect(post("https://social.example.de.evil.example").ok).toBe(false);
    expect(post("null").ok).toBe(false);
    expect(post("not a url").ok).toBe(false);
  });

  it("falls back to Sec-Fetch-Site when there is no Origin", () => {
    expect(post(null, "same-origin").ok).toBe(true);
    expect(post(null, "none").ok).toBe(true);
    expect(post(null, "same-site").ok).toBe(false);
    expect(post(null, "cross-site").ok).toBe(false);
  });

  it("allows a request with neither header: no browser sends a cross-origin POST that way", () => {
    expect(post(null, null).ok).toBe(true);
  });

  it("never blocks reads", () => {
    for (const m of ["GET", "HEAD", "OPTIONS", "get"]) expect(post("http://evil.example", "cross-site", m).ok).toBe(true);
  });

  it("accepts no origin but the app's own for writes", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("http", "https"),
        fc.domain(),
        fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
        (scheme, host, port) => {
          const origin = originOf(`${scheme}://${host}${port ? `:${port}` : ""}/`);
          fc.pre(origin !== null && origin !== APP);
          expect(post(origin!).ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("originOf", () => {
  it("is the scheme, host and port of an http(s) URL", () => {
    expect(originOf("http://127.0.0.1:3510/api/auth")).toBe("http://127.0.0.1:3510");
    expect(originOf("https://Social.Example.de:443/")).toBe("https://social.example.de");
    expect(originOf("javascript:alert(1)")).toBeNull();
    expect(originOf("")).toBeNull();
  });
});
