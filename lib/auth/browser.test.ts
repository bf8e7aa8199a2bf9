import { describe, expect, it } from "vitest";
import { safeCallback, signInWithCredentials, signInWithDirectory, signOut } from "./browser";

const ORIGIN = "https://social.example.com";

describe("safeCallback", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeCallback("/insights?status=triage", ORIGIN)).toBe("/insights?status=triage");
    expect(safeCallback(`${ORIGIN}/kpis/7`, ORIGIN)).toBe("/kpis/7");
  });

  it("falls back to the start page for other sites, the login page and nothing", () => {
    expect(safeCallback("https://evil.example/steal", ORIGIN)).toBe("/");
    expect(safeCallback("//evil.example/steal", ORIGIN)).toBe("/");
    expect(safeCallback("/login?callbackUrl=/x", ORIGIN)).toBe("/");
    expect(safeCallback(null, ORIGIN)).toBe("/");
    expect(safeCallback("", ORIGIN)).toBe("/");
  });
});

/** next-auth's two endpoints as the handler answers them with `json: true`. */
function fakeAuth(answer: { status: number; url: string } | "network-error", calls: { url: string; init?: RequestInit }[] = []) {
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init });
    if (url === "/api/auth/csrf") return Response.json({ csrfToken: "token-1" });
    if (url === "/api/auth/callback/credentials" || url === "/api/auth/signout" || url === "/api/auth/signin/oidc") {
      if (answer === "network-error") throw new TypeError("Failed to fetch");
      return Response.json({ url: answer.url }, { status: answer.status });
    }
    return new Response("not found", { status: 404 });
  };
  return fetch as typeof globalThis.fetch;
}

const credentials = { email: "exec@example.com", password: "demo-password", callbackUrl: "/overview" };

describe("signInWithCredentials", () => {
  it("posts the credentials with the CSRF token and an absolute callback, and succeeds on next-auth's redirect", async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const result = await signInWithCredentials(credentials, { origin: ORIGIN, fetch: fakeAuth({ status: 200, url: `${ORIGIN}/overview` }, calls) });
    expect(result).toEqual({ ok: true });
    const post = calls[1]!;
    expect(post.init?.method).toBe("POST");
    const body = new URLSearchParams(String(post.init?.body));
    expect(Object.fromEntries(body)).toEqual({
      email: "exec@example.com",
      password: "demo-password",
      csrfToken: "token-1",
      callbackUrl: `${ORIGIN}/overview`,
      json: "true",
    });
  });

  it.each(["invalid", "deactivated", "throttled"] as const)("reports %s as the server named it", async (reason) => {
    const fetch = fakeAuth({ status: 401, url: `${ORIGIN}/api/auth/error?error=${reason}` });
    expect(await signInWithCredentials(credentials, { origin: ORIGIN, fetch })).toEqual({ ok: false, error: reason });
  });

  it("reports anything else as generic: unknown reasons, a rejected CSRF token, a network error", async () => {
    for (const fetch of [
      fakeAuth({ status: 401, url: `${ORIGIN}/api/auth/error?error=CredentialsSignin` }),
      fakeAuth({ status: 200, url: `${ORIGIN}/api/auth/signin?csrf=true` }),
      fakeAuth({ status: 500, url: `${ORIGIN}/` }),
      fakeAuth("network-error"),
    ]) {
      expect(await signInWithCredentials(credentials, { origin: ORIGIN, fetch })).toEqual({ ok: false, error: "generic" });
    }
  });
});

describe("signOut", () => {
  it("posts the CSRF token to next-auth's signout and loads the page it names", async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const visited: string[] = [];
    const fetch = fakeAuth({ status: 200, url: `${ORIGIN}/login` }, calls);
    expect(await signOut("/login", { origin: ORIGIN, fetch, navigate: (u) => visited.push(u) })).toBe(true);
    expect(calls.map((c) => c.url)).toEqual(["/api/auth/csrf", "/api/auth/signout"]);
    expect(Object.fromEntries(new URLSearchParams(String(calls[1]!.init?.body)))).toEqual({
      csrfToken: "token-1",
      callbackUrl: `${ORIGIN}/login`,
      json: "true",
    });
    expect(visited).toEqual([`${ORIGIN}/login`]);
  });

  it("stays on the page and says so when next-auth cannot be reached", async () => {
    const visited: string[] = [];
    expect(await signOut("/login", { origin: ORIGIN, fetch: fakeAuth("network-error"), navigate: (u) => visited.push(u) })).toBe(false);
    expect(visited).toEqual([]);
  });
});

describe("signInWithDirectory", () => {
  it("goes to the directory's authorization URL next-auth answers with", async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const went: string[] = [];
    const idp = "https://login.example.net/authorize?client_id=x&state=s&nonce=n&code_challenge=c";
    const ok = await signInWithDirectory("/insights", { origin: ORIGIN, fetch: fakeAuth({ status: 200, url: idp }, calls), navigate: (u) => went.push(u) });
    expect(ok).toBe(true);
    expect(went).toEqual([idp]);
    const body = new URLSearchParams(String(calls[1].init?.body));
    expect(body.get("callbackUrl")).toBe(`${ORIGIN}/insights`);
    expect(body.get("csrfToken")).toBe("token-1");
  });

  it("stays when next-auth refuses (its own error or sign-in page) or cannot be reached", async () => {
    const went: string[] = [];
    const navigate = (u: string) => went.push(u);
    expect(await signInWithDirectory("/", { origin: ORIGIN, fetch: fakeAuth({ status: 200, url: `${ORIGIN}/api/auth/signin?csrf=true` }), navigate })).toBe(false);
    expect(await signInWithDirectory("/", { origin: ORIGIN, fetch: fakeAuth({ status: 500, url: "x" }), navigate })).toBe(false);
    expect(await signInWithDirectory("/", { origin: ORIGIN, fetch: fakeAuth("network-error"), navigate })).toBe(false);
    expect(went).toEqual([]);
  });
});
