import { decodeWindows1252 } from "@/lib/csv/parse";
import { type Lookup, safeRequest, UnsafeUrlError } from "@/lib/http/safe-url";

/**
 * GET for connectors: a feed or an API page from an address a manager typed. Every hop (at most
 * MAX_REDIRECTS redirects) is checked against server-side request forgery and pinned to the
 * checked address (lib/http/safe-url.ts); answers are limited in time and size (unpacked size for
 * gzip/brotli); conditional requests (ETag, Last-Modified) let an unchanged feed cost one short
 * answer. Text is decoded by the charset the answer names (Content-Type, else the XML
 * declaration, else UTF-8). Failures are FetchErrors with a code the connector page turns into
 * words a manager understands.
 */

export const MAX_REDIRECTS = 5;
export const FETCH_TIMEOUT_MS = 20_000;
export const FETCH_MAX_BYTES = 10 * 1024 * 1024;

export type FetchErrorCode =
  | "unsafe_url"
  | "timeout"
  | "too_large"
  | "too_many_redirects"
  | "rate_limited"
  | "unauthorized"
  | "not_found"
  | "http_status"
  | "network";

export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly detail: { status?: number; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "FetchError";
  }
}

export interface FetchOptions {
  /** From the previous successful fetch: an unchanged source answers 304. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  headers?: Record<string, string>;
  allowPrivateNetworks: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  lookup?: Lookup;
}

export type FetchResult =
  | { kind: "not_modified"; url: string }
  | { kind: "ok"; url: string; status: number; contentType: string | null; text: string; etag: string | null; lastModified: string | null };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = "SocialMediaCoordination/1.0 (+connector)";

export async function fetchSource(url: string, opts: FetchOptions): Promise<FetchResult> {
  const timeoutMs = opts.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? FETCH_MAX_BYTES;
  const headers: Record<string, string> = {
    "user-agent": USER_AGENT,
    accept: opts.accept ?? "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, application/json;q=0.9, text/xml;q=0.8, */*;q=0.5",
    ...(opts.etag ? { "if-none-match": opts.etag } : {}),
    ...(opts.lastModified ? { "if-modified-since": opts.lastModified } : {}),
    ...opts.headers,
  };
  let current = url;
  for (let hop = 0; ; hop++) {
    let res: Awaited<ReturnType<typeof safeRequest>>;
    try {
      res = await safeRequest(current, {
        method: "GET",
        headers,
        timeoutMs,
        maxResponseBytes: maxBytes,
        allowPrivateNetworks: opts.allowPrivateNetworks,
        lookup: opts.lookup,
        decompress: true,
      });
    } catch (err) {
      throw asFetchError(err, current, timeoutMs, maxBytes);
    }
    if (REDIRECTS.has(res.status)) {
      const location = header(res.headers.location);
      if (!location) throw new FetchError("http_status", `${current} redirects without saying where to`, { status: res.status });
      if (hop >= MAX_REDIRECTS) throw new FetchError("too_many_redirects", `more than ${MAX_REDIRECTS} redirects from ${url}`);
      try {
        current = new URL(location, current).toString();
      } catch {
        throw new FetchError("http_status", `${current} redirects to an invalid address`, { status: res.status });
      }
      continue;
    }
    if (res.status === 304) return { kind: "not_modified", url: current };
    if (res.status === 429) {
      throw new FetchError("rate_limited", `${current} asks to slow down (429)`, { status: 429, retryAfterSeconds: retryAfter(header(res.headers["retry-after"])) });
    }
    if (res.status === 401 || res.status === 403) throw new FetchError("unauthorized", `${current} refused access (${res.status})`, { status: res.status });
    if (res.status === 404 || res.status === 410) throw new FetchError("not_found", `${current} does not exist (${res.status})`, { status: res.status });
    if (res.status < 200 || res.status > 299) throw new FetchError("http_status", `${current} answered ${res.status}`, { status: res.status });
    const contentType = header(res.headers["content-type"]);
    return {
      kind: "ok",
      url: current,
      status: res.status,
      contentType,
      text: decodeText(res.bytes, contentType),
      etag: header(res.headers.etag),
      lastModified: header(res.headers["last-modified"]),
    };
  }
}

function asFetchError(err: unknown, url: string, timeoutMs: number, maxBytes: number): FetchError {
  if (err instanceof FetchError) return err;
  if (err instanceof UnsafeUrlError) return new FetchError("unsafe_url", `${url}: ${err.message}`);
  const message = String((err as Error)?.message ?? err);
  if (/no answer within/.test(message)) return new FetchError("timeout", `${url} gave no answer within ${Math.round(timeoutMs / 1000)} s`);
  if (/larger than/.test(message)) return new FetchError("too_large", `${url} answered with more than ${Math.round(maxBytes / 1024 / 1024)} MB`);
  return new FetchError("network", `${url} could not be reached (${message.split("\n")[0].slice(0, 200)})`);
}

function header(v: string | string[] | undefined): string | null {
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.trim().length ? s.trim() : null;
}

/** Retry-After as seconds (delta or HTTP date), null when absent or unreadable. */
function retryAfter(v: string | null): number | undefined {
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v);
  const t = Date.parse(v);
  return Number.isFinite(t) ? Math.max(0, Math.round((t - Date.now()) / 1000)) : undefined;
}

const LATIN1_LABELS = new Set(["windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "iso_8859-1"]);

/** The charset the answer names (Content-Type, else an XML declaration), else UTF-8; a byte order mark wins. */
export function decodeText(bytes: Buffer, contentType: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  const declared =
    /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? "")?.[1] ??
    /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(bytes.subarray(0, 200).toString("latin1"))?.[1] ??
    "utf-8";
  const label = declared.toLowerCase();
  // As browsers do, Latin-1 labels mean Windows-1252 (Node's decoder leaves 0x80–0x9F as controls).
  if (LATIN1_LABELS.has(label)) return decodeWindows1252(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  return decoder.decode(bytes);
}
