// The browser's half of signing in and out, without next-auth's client library (next-auth/react
// and its Babel runtime are about 14 kB gzip, most of the login page's own JavaScript, and loaded
// on every dashboard page by the logout buttons). It is the exchange that library's
// signIn("credentials", { redirect: false }) and signOut() perform: fetch the CSRF token (the
// response also sets its cookie), then post to next-auth's endpoint with `json`, which answers with
// the URL it would have redirected to; a failed sign-in carries `?error=<reason>` (the message
// lib/auth/options.ts throws) and HTTP 401. No imports: this module is bundled for the browser.

/** Login failures the login form explains; options.ts throws them, anything else is "generic". */
export const LOGIN_ERRORS = ["invalid", "deactivated", "throttled", "local_login_disabled", "totp_required", "invalid_code"] as const;
export type LoginFailure = (typeof LOGIN_ERRORS)[number] | "generic";

const AUTH_API = "/api/auth";

/** Only same-site paths are followed after login, never an absolute URL from the query string. */
export function safeCallback(raw: string | null | undefined, origin: string): string {
  if (!raw) return "/";
  try {
    const u = new URL(raw, origin);
    if (u.origin !== origin || u.pathname.startsWith("/login")) return "/";
    return u.pathname + u.search;
  } catch {
    return "/";
  }
}

function failure(reason: string | null): LoginFailure {
  return (LOGIN_ERRORS as readonly string[]).includes(reason ?? "") ? (reason as LoginFailure) : "generic";
}

async function csrfToken(fetch: typeof globalThis.fetch): Promise<string | null> {
  const res = await fetch(`${AUTH_API}/csrf`, { cache: "no-store" });
  const { csrfToken } = (await res.json()) as { csrfToken?: unknown };
  return res.ok && typeof csrfToken === "string" ? csrfToken : null;
}

/**
 * Signs in; on success the session cookie is set and the caller navigates to `callbackUrl` (a path
 * from `safeCallback`). Network errors and answers other than next-auth's are "generic".
 */
export async function signInWithCredentials(
  credentials: { email: string; password: string; callbackUrl: string; code?: string },
  { origin, fetch = globalThis.fetch }: { origin: string; fetch?: typeof globalThis.fetch },
): Promise<{ ok: true } | { ok: false; error: LoginFailure }> {
  try {
    const token = await csrfToken(fetch);
    if (token === null) return { ok: false, error: "generic" };
    const res = await fetch(`${AUTH_API}/callback/credentials`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        email: credentials.email,
        password: credentials.password,
        ...(credentials.code ? { code: credentials.code } : {}),
        csrfToken: token,
        callbackUrl: new URL(credentials.callbackUrl, origin).href,
        json: "true",
      }),
    });
    const { url } = (await res.json()) as { url?: unknown };
    if (typeof url !== "string") return { ok: false, error: "generic" };
    const answer = new URL(url, origin);
    const error = answer.searchParams.get("error");
    if (error !== null || !res.ok) return { ok: false, error: failure(error) };
    // A rejected CSRF token is answered with 200 and a way back to the sign-in page, not an error.
    if (answer.searchParams.has("csrf")) return { ok: false, error: "generic" };
    return { ok: true };
  } catch {
    return { ok: false, error: "generic" };
  }
}

type Navigation = { origin?: string; fetch?: typeof globalThis.fetch; navigate?: (url: string) => void };

/**
 * Posts to one of next-auth's endpoints (`signin/oidc`, `signout`) with a fresh CSRF token and
 * `json`. Not ok when it could not be reached or refused; otherwise the URL next-auth would have
 * redirected to, if it named one.
 */
async function postForUrl(
  endpoint: string,
  callbackUrl: string,
  origin: string,
  fetch: typeof globalThis.fetch,
): Promise<{ ok: false } | { ok: true; url: URL | null }> {
  const token = await csrfToken(fetch);
  if (token === null) return { ok: false };
  const res = await fetch(`${AUTH_API}/${endpoint}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: token, callbackUrl: new URL(callbackUrl, origin).href, json: "true" }),
  });
  if (!res.ok) return { ok: false };
  const { url } = (await res.json()) as { url?: unknown };
  return { ok: true, url: typeof url === "string" ? new URL(url, origin) : null };
}

/**
 * Starts the single sign-on: next-auth answers the sign-in request with the directory's
 * authorization URL (with state, nonce and the PKCE challenge, whose halves it keeps in cookies),
 * and the browser goes there. A script navigates rather than a form posting, because the page's
 * Content-Security-Policy allows forms to submit to this site only. False when next-auth could not
 * be reached.
 */
export async function signInWithDirectory(
  callbackUrl: string,
  { origin = window.location.origin, fetch = globalThis.fetch, navigate = (url: string) => window.location.assign(url) }: Navigation = {},
): Promise<boolean> {
  try {
    const answer = await postForUrl("signin/oidc", callbackUrl, origin, fetch);
    const target = answer.ok ? answer.url : null;
    // next-auth answers a refused request (bad CSRF token, unknown provider) with its own pages.
    if (!target || (target.origin === origin && target.pathname.startsWith(AUTH_API))) return false;
    navigate(target.href);
    return true;
  } catch {
    return false;
  }
}

/**
 * Ends this browser's session (next-auth's signout event records it as logged out, see
 * lib/auth/options.ts) and loads `callbackUrl` afresh, so no page of the signed-in user stays in
 * the router's cache. False when next-auth could not be reached or refused: the session is unchanged.
 */
export async function signOut(
  callbackUrl: string,
  { origin = window.location.origin, fetch = globalThis.fetch, navigate = (url: string) => window.location.assign(url) }: Navigation = {},
): Promise<boolean> {
  try {
    const answer = await postForUrl("signout", callbackUrl, origin, fetch);
    if (!answer.ok) return false;
    navigate(answer.url?.href ?? callbackUrl);
    return true;
  } catch {
    return false;
  }
}
