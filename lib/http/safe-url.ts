import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP } from "node:net";
import type { Readable } from "node:stream";
import zlib from "node:zlib";

/**
 * Outbound HTTP to addresses a user typed (webhook endpoints, later connectors) without letting
 * them reach the app's own network (SSRF): only http(s), every address a name resolves to is
 * checked, and the connection goes to exactly the checked address (the socket's DNS lookup is
 * pinned to it), so a name that resolves differently a moment later (DNS rebinding) changes
 * nothing.
 *
 * Loopback and private networks are refused unless the operator allows them
 * (`ALLOW_PRIVATE_NETWORKS=true`, for receivers inside the company network and for tests);
 * link-local, cloud metadata, unspecified, multicast and reserved addresses are refused always.
 */

export type AddressClass =
  | "public"
  | "loopback"
  | "private"
  | "link_local"
  | "metadata"
  | "unspecified"
  | "multicast"
  | "reserved";

function list(entries: [string, number, "ipv4" | "ipv6"][]): BlockList {
  const b = new BlockList();
  for (const [net, prefix, family] of entries) b.addSubnet(net, prefix, family);
  return b;
}

// Checked in this order; the first match names the class.
const CLASSES: [AddressClass, BlockList][] = [
  ["metadata", list([["169.254.169.254", 32, "ipv4"], ["fd00:ec2::254", 128, "ipv6"], ["100.100.100.200", 32, "ipv4"]])],
  ["unspecified", list([["0.0.0.0", 8, "ipv4"], ["::", 128, "ipv6"]])],
  ["loopback", list([["127.0.0.0", 8, "ipv4"], ["::1", 128, "ipv6"]])],
  ["link_local", list([["169.254.0.0", 16, "ipv4"], ["fe80::", 10, "ipv6"]])],
  [
    "private",
    list([
      ["10.0.0.0", 8, "ipv4"],
      ["172.16.0.0", 12, "ipv4"],
      ["192.168.0.0", 16, "ipv4"],
      ["100.64.0.0", 10, "ipv4"], // carrier-grade NAT, often the provider's internal network
      ["fc00::", 7, "ipv6"],
      ["fec0::", 10, "ipv6"], // deprecated site-local
    ]),
  ],
  ["multicast", list([["224.0.0.0", 4, "ipv4"], ["ff00::", 8, "ipv6"]])],
  [
    "reserved",
    list([
      ["192.0.0.0", 24, "ipv4"], // IETF protocol assignments
      ["198.18.0.0", 15, "ipv4"], // benchmarking
      ["240.0.0.0", 4, "ipv4"], // future use and the broadcast address
      ["100::", 64, "ipv6"], // discard-only
    ]),
  ],
];

/** The IPv4 address inside an IPv4-mapped (`::ffff:a.b.c.d`, `::ffff:7f00:1`) or IPv4-compatible IPv6 address. */
function embeddedIPv4(ip: string): string | null {
  const lower = ip.toLowerCase();
  const dotted = /^::(?:ffff:(?:0:)?)?(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  if (dotted) return isIP(dotted[1]) === 4 ? dotted[1] : null;
  const hex = /^::(?:ffff:(?:0:)?)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const hi = parseInt(hex[1], 16);
    const lo = parseInt(hex[2], 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return null;
}

/** Which kind of network an IP address (v4 or v6, without brackets) belongs to; not an address → "reserved". */
export function classifyAddress(raw: string): AddressClass {
  const ip = raw.startsWith("[") && raw.endsWith("]") ? raw.slice(1, -1) : raw;
  const family = isIP(ip);
  if (!family) return "reserved";
  if (family === 6) {
    // ::ffff:127.0.0.1 reaches 127.0.0.1; judge what it reaches. (`::` and `::1` are IPv6 proper.)
    const v4 = ip !== "::" && ip !== "::1" ? embeddedIPv4(ip) : null;
    if (v4) return classifyAddress(v4);
  }
  const type = family === 4 ? "ipv4" : "ipv6";
  for (const [cls, block] of CLASSES) if (block.check(ip, type)) return cls;
  return "public";
}

/** Whether a connection to this address is allowed. */
export function isAllowedAddress(ip: string, opts: { allowPrivateNetworks: boolean }): boolean {
  const cls = classifyAddress(ip);
  return cls === "public" || (opts.allowPrivateNetworks && (cls === "loopback" || cls === "private"));
}

export class UnsafeUrlError extends Error {
  constructor(
    readonly reason: "invalid" | "scheme" | "credentials" | "unresolvable" | "forbidden_address",
    message: string,
  ) {
    super(message);
    this.name = "UnsafeUrlError";
  }
}

export type Lookup = (hostname: string) => Promise<{ address: string; family: number }[]>;

const systemLookup: Lookup = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/**
 * Parses a URL as a browser would (so `http://2130706433/`, `http://0x7f.1/` and `http://0177.0.0.1/`
 * all become 127.0.0.1) and checks its form: http(s), a host, no user name or password.
 */
export function parseOutboundUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError("invalid", "not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UnsafeUrlError("scheme", "only http:// and https:// URLs are allowed");
  if (url.username || url.password) throw new UnsafeUrlError("credentials", "the URL must not contain a user name or password");
  if (!url.hostname) throw new UnsafeUrlError("invalid", "the URL has no host");
  return url;
}

/** The host of a parsed URL without IPv6 brackets. */
function bareHost(url: URL): string {
  return url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
}

/**
 * Checks a URL and resolves its host: every address must be allowed (one bad address among good
 * ones refuses the whole name). Returns the address to connect to.
 */
export async function resolveOutboundUrl(
  raw: string,
  opts: { allowPrivateNetworks: boolean; lookup?: Lookup },
): Promise<{ url: URL; address: string; family: 4 | 6 }> {
  const url = parseOutboundUrl(raw);
  const host = bareHost(url);
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await (opts.lookup ?? systemLookup)(host);
    } catch {
      throw new UnsafeUrlError("unresolvable", `the host ${host} cannot be resolved`);
    }
    if (!addresses.length) throw new UnsafeUrlError("unresolvable", `the host ${host} cannot be resolved`);
  }
  for (const a of addresses) {
    if (!isAllowedAddress(a.address, opts)) {
      throw new UnsafeUrlError("forbidden_address", `the host resolves to ${a.address} (${classifyAddress(a.address).replace("_", "-")}), which is not allowed`);
    }
  }
  const first = addresses[0];
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

export interface SafeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The answer as text (UTF-8; up to `maxResponseBytes`). */
  body: string;
  /** The same as bytes, for answers in another encoding. */
  bytes: Buffer;
  durationMs: number;
}

/** The decoder for an answer's Content-Encoding, or null when it needs none (or names one we do not speak). */
function decoderFor(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  const e = (encoding ?? "").trim().toLowerCase();
  if (e === "gzip" || e === "x-gzip") return zlib.createGunzip();
  if (e === "deflate") return zlib.createInflate();
  if (e === "br") return zlib.createBrotliDecompress();
  return null;
}

/**
 * One request to a checked, pinned address: no redirects followed, a total timeout, and an answer
 * larger than `maxResponseBytes` is cut off as an error (a receiver cannot make us buffer a
 * gigabyte). With `decompress`, gzip, deflate and brotli answers are asked for and unpacked, the
 * limit counting the unpacked bytes (no zip bomb gets through). Rejects with UnsafeUrlError for a
 * refused URL, with an Error naming the failure (timeout, connection refused, too large) otherwise.
 */
export async function safeRequest(
  raw: string,
  opts: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    timeoutMs: number;
    maxResponseBytes: number;
    allowPrivateNetworks: boolean;
    lookup?: Lookup;
    decompress?: boolean;
  },
): Promise<SafeResponse> {
  const started = performance.now();
  const { url, address, family } = await resolveOutboundUrl(raw, opts);
  const client = url.protocol === "https:" ? https : http;
  return new Promise<SafeResponse>((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: opts.method ?? "POST",
        headers: {
          ...(opts.decompress ? { "accept-encoding": "gzip, deflate, br" } : {}),
          ...opts.headers,
          ...(opts.body !== undefined ? { "content-length": String(Buffer.byteLength(opts.body)) } : {}),
        },
        // The socket connects to the address that was checked, whatever DNS says now.
        // (Node asks for a list when it may try several addresses; it gets only this one.)
        lookup: ((_host: string, o: { all?: boolean }, cb: (...args: unknown[]) => void) =>
          o?.all ? cb(null, [{ address, family }]) : cb(null, address, family)) as never,
        agent: false,
        signal: AbortSignal.timeout(opts.timeoutMs),
      },
      (res) => {
        const decoder = opts.decompress ? decoderFor(res.headers["content-encoding"]) : null;
        const stream: Readable = decoder ? res.pipe(decoder) : res;
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > opts.maxResponseBytes) {
            const tooLarge = new Error(`the answer is larger than ${opts.maxResponseBytes} bytes`);
            decoder?.destroy();
            req.destroy(tooLarge);
            reject(tooLarge);
            return;
          }
          chunks.push(chunk);
        });
        stream.on("end", () => {
          const bytes = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString("utf8"), bytes, durationMs: Math.round(performance.now() - started) });
        });
        res.on("error", reject);
        // A broken gzip or brotli stream (after "too large" the promise is settled and this changes nothing).
        decoder?.on("error", () => reject(new Error(`the answer could not be unpacked (${res.headers["content-encoding"]})`)));
      },
    );
    req.on("error", (err) => {
      if (err.name === "AbortError" || err.name === "TimeoutError") reject(new Error(`no answer within ${opts.timeoutMs} ms`));
      else reject(err);
    });
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}
