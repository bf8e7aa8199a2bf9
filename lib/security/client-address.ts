import { BlockList, isIP } from "node:net";

/**
 * Which address a request came from, for login throttling.
 *
 * What the app can see: `next start` hands route handlers the request headers only, never the
 * socket. Its server fills in `X-Forwarded-For` with the socket's peer address **only when the
 * request has no such header** (`req.headers['x-forwarded-for'] ??= socket.remoteAddress` in
 * next/dist/server/base-server.js, Next 16.4); a header the client sent is passed on unchanged.
 *
 * - Without trusted proxies the right-most entry is used: the socket address when the client sent
 *   no header, otherwise a value the client chose. An app exposed directly can therefore not tell
 *   addresses apart reliably, which is why logins are also limited per account.
 * - Behind reverse proxies listed in TRUSTED_PROXIES (which append the address they saw, as
 *   nginx's `$proxy_add_x_forwarded_for` does) the chain is read from the right, skipping the
 *   proxies; the first address that is not one of them is the client. Entries left of it were
 *   written by the client and are ignored.
 */
export interface TrustedProxies {
  list: BlockList;
  count: number;
}

export class TrustedProxiesError extends Error {}

/** Parses "10.0.0.1, 192.168.0.0/16, ::1, fd00::/8" into a matcher; throws on an entry that is not an IP or CIDR. */
export function parseTrustedProxies(raw: string | undefined): TrustedProxies {
  const list = new BlockList();
  let count = 0;
  for (const item of (raw ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const [addr, prefixRaw, ...rest] = item.split("/");
    const ip = normalizeAddress(addr);
    const family = isIP(ip);
    const max = family === 4 ? 32 : 128;
    const prefix = prefixRaw === undefined ? max : Number(prefixRaw);
    if (!family || rest.length || !/^\d+$/.test(prefixRaw ?? String(max)) || prefix < 0 || prefix > max) {
      throw new TrustedProxiesError(`TRUSTED_PROXIES: "${item}" is not an IP address or CIDR range`);
    }
    list.addSubnet(ip, prefix, family === 4 ? "ipv4" : "ipv6");
    count++;
  }
  return { list, count };
}

/** Strips what proxies add around an address: brackets, a port, the IPv4-mapped IPv6 prefix. */
export function normalizeAddress(raw: string): string {
  let a = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/.exec(a);
  if (mapped) a = mapped[1];
  return a;
}

function isTrusted(address: string, trusted: TrustedProxies): boolean {
  const family = isIP(address);
  if (!family) return false;
  return trusted.list.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** The client's address from the `X-Forwarded-For` value Next hands on (see above); "unknown" when there is none. */
export function clientAddress(forwardedFor: string | null | undefined, trusted: TrustedProxies): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map(normalizeAddress)
    .filter(Boolean);
  if (!hops.length) return "unknown";
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!isTrusted(hops[i], trusted)) return clip(hops[i]);
  }
  // Every hop is one of our proxies: the request started at a proxy itself.
  return clip(hops[0]);
}

// A header value is attacker-controlled; keep stored keys short.
function clip(s: string): string {
  return s.slice(0, 64);
}
