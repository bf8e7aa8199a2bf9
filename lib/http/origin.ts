/**
 * CSRF rule for route handlers that act on the session cookie. A state-changing request
 * (anything but GET, HEAD, OPTIONS) must come from the app's own origin:
 *
 * - `Origin` present: it must equal the app's origin exactly (scheme, host, port). `Origin: null`
 *   (sandboxed frames, some redirects) is refused. Origin wins over any other header.
 * - no `Origin`, but `Sec-Fetch-Site`: `same-origin` and `none` (typed URL, bookmark) pass;
 *   `same-site` and `cross-site` are refused.
 * - neither header: allowed. Every current browser sends `Origin` on a cross-origin POST, so such a
 *   request is not a browser acting for a victim (curl, scripts, which must bring the cookie
 *   themselves); refusing it would protect nobody. The session cookie is also `SameSite=Lax`.
 *
 * The app's origin is NEXTAUTH_URL's, not the request's own Host: Host is what the client says.
 */

export const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.origin : null;
  } catch {
    return null;
  }
}

export function checkRequestOrigin(
  req: { method: string; origin: string | null; secFetchSite: string | null },
  appOrigin: string,
): OriginVerdict {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return { ok: true };
  if (req.origin !== null) {
    const origin = req.origin === "null" ? null : originOf(req.origin);
    if (origin !== null && origin === appOrigin) return { ok: true };
    return { ok: false, reason: `Requests from ${req.origin.slice(0, 200)} may not change data here; only ${appOrigin} may.` };
  }
  const site = req.secFetchSite?.toLowerCase() ?? null;
  if (site === null || site === "same-origin" || site === "none") return { ok: true };
  return { ok: false, reason: `A ${site.slice(0, 40)} request may not change data here; only ${appOrigin} may.` };
}
