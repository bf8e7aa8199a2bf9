import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./csp";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split("; ").map((d) => { const [name, ...values] = d.split(" "); return [name, values]; }));
}

describe("contentSecurityPolicy", () => {
  const prod = directives(contentSecurityPolicy({ nonce: "abc123==", dev: false, https: true }));

  it("runs only scripts carrying the nonce, and no inline handlers or eval", () => {
    expect(prod.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(prod.get("script-src-attr")).toEqual(["'none'"]);
    expect(prod.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("forbids framing, plugins, foreign base URLs and foreign form targets", () => {
    expect(prod.get("frame-ancestors")).toEqual(["'none'"]);
    expect(prod.get("object-src")).toEqual(["'none'"]);
    expect(prod.get("base-uri")).toEqual(["'self'"]);
    expect(prod.get("form-action")).toEqual(["'self'"]);
  });

  it("keeps inline styles working, which a style nonce would disable", () => {
    expect(prod.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("upgrades requests only over https and allows eval only in development", () => {
    expect(prod.has("upgrade-insecure-requests")).toBe(true);
    const devHttp = directives(contentSecurityPolicy({ nonce: "n", dev: true, https: false }));
    expect(devHttp.has("upgrade-insecure-requests")).toBe(false);
    expect(devHttp.get("script-src")).toContain("'unsafe-eval'");
  });
});

describe("newNonce", () => {
  it("is new every time and safe inside a header", () => {
    const a = newNonce();
    expect(a).not.toBe(newNonce());
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
