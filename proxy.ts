import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import { type NextRequestWithAuth, withAuth } from "next-auth/middleware";
import { verifyBriefingToken } from "@/lib/crisis/briefing-link";
import { authSecret, env, servedOverHttps } from "@/lib/env";
import { contentSecurityPolicy, newNonce, STRICT_TRANSPORT_SECURITY } from "@/lib/security/csp";

// Only an early redirect for anonymous visitors; every page and action still checks on the server.
const redirectAnonymous = withAuth({
  pages: { signIn: "/login" },
  secret: authSecret(),
});

/**
 * An advocate's personal briefing link (/brief/<token>) needs no account: the signed token is the
 * credential. A forged one answers 403, an expired one 410, before anything else runs.
 */
const BRIEF = /^\/brief\/([^/]*)$/;

function briefingRefusal(reason: "forged" | "expired", policy: string): NextResponse {
  const [title, body] =
    reason === "expired"
      ? ["Link abgelaufen · Link expired", "Dieser Link zum Briefing ist abgelaufen. · This briefing link has expired."]
      : ["Link ungültig · Invalid link", "Dieser Link ist ungültig. · This link is not valid."]; // never says which part was wrong
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1><p>${body}</p></main></body></html>`;
  return new NextResponse(html, {
    status: reason === "expired" ? 410 : 403,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "Content-Security-Policy": policy, "Referrer-Policy": "no-referrer" },
  });
}

export default async function proxy(req: NextRequest, event: NextFetchEvent) {
  const brief = BRIEF.exec(req.nextUrl.pathname);
  if (!brief) {
    // withAuth answers with a redirect for anonymous visitors and with nothing otherwise (also for
    // /login itself, which it never redirects).
    const redirect = await redirectAnonymous(req as NextRequestWithAuth, event);
    if (redirect) return redirect;
  }

  // A fresh nonce per response. Next reads the policy from the request headers and puts the nonce
  // on the scripts it renders; x-nonce is there for our own <Script> tags should we add any.
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, dev: env.NODE_ENV === "development", https: servedOverHttps });
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  if (brief) {
    let token = "";
    try {
      token = decodeURIComponent(brief[1]);
    } catch {
      // A malformed escape is no token of ours.
    }
    const check = verifyBriefingToken(authSecret(), token, new Date());
    if (!check.ok) return briefingRefusal(check.reason, policy);
  }
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set("Content-Security-Policy", policy);
  // The token in the address must not leave with a click on one of the briefing's links.
  if (brief) res.headers.set("Referrer-Policy", "no-referrer");
  if (servedOverHttps) res.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return res;
}

export const config = {
  // /login is matched for its Content-Security-Policy; withAuth lets it through.
  // The server actions of /insights/import (POSTs with a Next-Action header) are not: they carry
  // CSV files of up to 10 MB, and a proxied body is cut off at proxyClientMaxBodySize (10 MB),
  // which broke files just under the stated limit. The actions check the session themselves; the
  // page itself (GET) is still matched, for its policy and the early redirect.
  matcher: [
    "/((?!api|insights/import|_next/static|_next/image|favicon.ico|icon.svg).*)",
    { source: "/insights/import", missing: [{ type: "header", key: "next-action" }] },
  ],
};
