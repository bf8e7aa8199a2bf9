import crypto from "node:crypto";
import { decodeHTML } from "entities";
import { XMLParser } from "fast-xml-parser";

/**
 * Feeds as connectors read them: RSS 2.0 (and RSS 1.0/RDF), Atom (RFC 4287) and JSON Feed 1.x,
 * each item reduced to what an insight needs. The XML parser expands no entities: a document's
 * own entity declarations (billion laughs, external entities) stay unexpanded text, and only the
 * five XML entities and character references are decoded here. Markup in item texts becomes
 * plain text. Anything that is not a feed ends in a FeedError whose message a manager can act on.
 */

export interface FeedItem {
  /** The item's id in its feed (guid, id, else its link, else a hash of its content); at most 200 characters. */
  externalId: string;
  /** The item's web address (http or https only). */
  url: string | null;
  title: string | null;
  /** Title and content as plain text. */
  text: string;
  author: string | null;
  /** Null when the feed gives no (valid) date. */
  publishedAt: Date | null;
}

export interface ParsedFeed {
  format: "rss" | "atom" | "json";
  title: string | null;
  items: FeedItem[];
  /** More items than MAX_FEED_ITEMS: only the first ones were read. */
  truncated: boolean;
}

export type FeedErrorCode = "empty" | "html_page" | "not_a_feed" | "malformed";

export class FeedError extends Error {
  constructor(
    readonly code: FeedErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const MAX_FEED_ITEMS = 10_000;
/** Longest item text kept (an insight's text holds 5,000 characters). */
export const MAX_ITEM_TEXT = 5000;
const MAX_EXTERNAL_ID = 200;

type Node = unknown;

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  processEntities: false,
  htmlEntities: false,
  cdataPropName: "__cdata",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ["item", "entry", "link", "author", "category"].includes(name),
  // Atom text constructs are read as written: xhtml content is markup whose order matters.
  stopNodes: ["feed.title", "feed.entry.title", "feed.entry.content", "feed.entry.summary"],
});

/**
 * Reads a feed document. `contentType` (the answer's header) only decides between JSON and XML
 * when the body itself does not tell.
 */
export function parseFeed(body: string, contentType: string | null = null): ParsedFeed {
  const text = body.replace(/^\uFEFF/, "").trim();
  if (!text) throw new FeedError("empty", "The address answered with an empty document.");
  if (text.startsWith("{") || (/json/i.test(contentType ?? "") && !text.startsWith("<"))) return parseJsonFeed(text);
  if (!text.startsWith("<")) throw new FeedError("not_a_feed", "The address answered with something that is neither XML nor JSON.");
  let doc: Record<string, Node>;
  try {
    doc = xml.parse(text, true) as Record<string, Node>;
  } catch (err) {
    throw new FeedError("malformed", `The feed is not well-formed XML (${firstLine(err)}).`);
  }
  if (isObject(doc.rss)) return parseRss(doc.rss);
  if (isObject(doc.feed)) return parseAtom(doc.feed);
  if (isObject(doc["rdf:RDF"])) return parseRdf(doc["rdf:RDF"]);
  if (doc.html !== undefined || doc.HTML !== undefined || /^<!doctype html/i.test(text)) {
    throw new FeedError("html_page", "The address answered with a web page, not a feed. Use the feed's own address (often …/feed or …/rss).");
  }
  throw new FeedError("not_a_feed", "The document is XML but neither RSS nor Atom.");
}

function parseRss(rss: Record<string, Node>): ParsedFeed {
  const channel = isObject(rss.channel) ? rss.channel : {};
  return finish("rss", textOf(channel.title), arrayOf(channel.item), (item) => {
    const guid = textOf(item.guid);
    const link = httpUrl(textOf(firstOf(item.link))) ?? (attr(item.guid, "isPermaLink") !== "false" ? httpUrl(guid) : null);
    return {
      id: guid ?? link,
      url: link,
      title: plain(textOf(item.title)),
      body: plain(textOf(item["content:encoded"]) ?? textOf(item.description)),
      author: plain(textOf(item["dc:creator"]) ?? textOf(firstOf(item.author))),
      date: textOf(item.pubDate) ?? textOf(item["dc:date"]),
    };
  });
}

function parseRdf(rdf: Record<string, Node>): ParsedFeed {
  const channel = isObject(rdf.channel) ? rdf.channel : {};
  return finish("rss", textOf(channel.title), arrayOf(rdf.item), (item) => {
    const link = httpUrl(textOf(firstOf(item.link))) ?? httpUrl(attr(item, "rdf:about"));
    return {
      id: attr(item, "rdf:about") ?? link,
      url: link,
      title: plain(textOf(item.title)),
      body: plain(textOf(item["content:encoded"]) ?? textOf(item.description)),
      author: plain(textOf(item["dc:creator"])),
      date: textOf(item["dc:date"]),
    };
  });
}

function parseAtom(feed: Record<string, Node>): ParsedFeed {
  return finish("atom", atomText(feed.title), arrayOf(feed.entry), (entry) => {
    const links = arrayOf(entry.link);
    const alternate = links.find((l) => (attr(l, "rel") ?? "alternate") === "alternate") ?? links[0];
    const url = httpUrl(attr(alternate, "href"));
    const author = arrayOf(entry.author)[0];
    return {
      id: textOf(entry.id) ?? url,
      url,
      title: atomText(entry.title),
      body: atomText(entry.content) ?? atomText(entry.summary),
      author: author ? plain(textOf(author.name)) : null,
      date: textOf(entry.published) ?? textOf(entry.updated),
    };
  });
}

function parseJsonFeed(text: string): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new FeedError("malformed", `The feed is not valid JSON (${firstLine(err)}).`);
  }
  if (!isObject(doc) || typeof doc.version !== "string" || !doc.version.startsWith("https://jsonfeed.org/version/1")) {
    throw new FeedError("not_a_feed", "The document is JSON but not a JSON Feed (its \"version\" must be https://jsonfeed.org/version/1.1).");
  }
  const items = Array.isArray(doc.items) ? doc.items.filter(isObject) : [];
  return finish("json", str(doc.title), items, (item) => {
    const url = httpUrl(str(item.url)) ?? httpUrl(str(item.external_url));
    const authors = Array.isArray(item.authors) ? item.authors : isObject(item.author) ? [item.author] : [];
    const author = authors.find(isObject);
    const id = typeof item.id === "number" ? String(item.id) : str(item.id);
    return {
      id: id ?? url,
      url,
      title: plain(str(item.title)),
      body: str(item.content_text) != null ? collapse(str(item.content_text)!) : (plain(str(item.content_html)) ?? plain(str(item.summary))),
      author: author ? plain(str(author.name)) : null,
      date: str(item.date_published) ?? str(item.date_modified),
    };
  });
}

interface RawItem {
  id: string | null;
  url: string | null;
  title: string | null;
  body: string | null;
  author: string | null;
  date: string | null;
}

function finish<T>(format: ParsedFeed["format"], title: string | null, raw: T[], read: (item: T) => RawItem): ParsedFeed {
  const items: FeedItem[] = [];
  for (const r of raw.slice(0, MAX_FEED_ITEMS).map(read)) {
    const text = clip(joinTitle(r.title, r.body));
    // An item with nothing to read is no insight.
    if (!text) continue;
    items.push({
      externalId: externalId(r.id, text, r.date),
      url: r.url,
      title: r.title,
      text,
      author: r.author,
      publishedAt: dateOf(r.date),
    });
  }
  return { format, title: plain(title), items, truncated: raw.length > MAX_FEED_ITEMS };
}

/**
 * Title and body, the title left out when the body begins with it (comment feeds often title an
 * item with its first words).
 */
function joinTitle(title: string | null, body: string | null): string {
  if (!title) return body ?? "";
  if (!body) return title;
  return body.startsWith(title.replace(/(…|\.\.\.)$/, "").trimEnd()) ? body : `${title}\n\n${body}`;
}

/** The item's own id when it fits, else its SHA-256 (so a long id still identifies it). */
function externalId(id: string | null, text: string, date: string | null): string {
  const own = id?.trim();
  if (own && own.length <= MAX_EXTERNAL_ID) return own;
  const basis = own || `${date ?? ""}\n${text}`;
  return `sha256:${crypto.createHash("sha256").update(basis).digest("hex")}`;
}

function dateOf(s: string | null): Date | null {
  if (!s) return null;
  const t = Date.parse(s.trim());
  return Number.isFinite(t) ? new Date(t) : null;
}

// ── Text ────────────────────────────────────────────────────────────────────

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The five XML entities and character references; anything else (a document's own entities) stays as written. */
function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (all, e: string) => {
    if (e[0] !== "#") return XML_ENTITIES[e];
    const code = e[1] === "x" ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : all;
  });
}

/** The text of an element: its text (entities decoded) and its CDATA sections (as written). */
function textOf(node: Node): string | null {
  if (node == null) return null;
  if (typeof node === "string") return decodeXml(node);
  if (typeof node === "number" || typeof node === "boolean") return String(node);
  if (!isObject(node)) return null;
  const parts: string[] = [];
  if (node["#text"] != null) parts.push(decodeXml(String(node["#text"])));
  const cdata = node.__cdata;
  if (cdata != null) parts.push(...(Array.isArray(cdata) ? cdata.map(String) : [String(cdata)]));
  const s = parts.join(" ").trim();
  return s.length ? s : null;
}

/** Atom text constructs (read as written): type text, html or xhtml. */
function atomText(node: Node): string | null {
  const raw = typeof node === "string" ? node : isObject(node) && node["#text"] != null ? String(node["#text"]) : null;
  if (raw == null) return null;
  const type = attr(node, "type") ?? "text";
  if (type === "xhtml") return plain(unwrapCdata(raw));
  if (type === "html") return plain(unwrapCdata(raw));
  const text = collapse(unwrapCdata(raw));
  return text.length ? text : null;
}

/** Written XML text: CDATA sections as they are, entities elsewhere decoded. */
function unwrapCdata(raw: string): string {
  return raw
    .split(/(<!\[CDATA\[[^]*?\]\]>)/)
    .map((part) => (part.startsWith("<![CDATA[") ? part.slice(9, -3) : decodeXml(part)))
    .join("");
}

/** Markup to plain text: no scripts or styles, block ends as line breaks, inline tags dropped, HTML entities decoded, spaces collapsed. */
export function plain(html: string | null): string | null {
  if (html == null) return null;
  const text = html
    .replace(/<(script|style)\b[^]*?<\/\1\s*>/gi, " ")
    .replace(/<!--[^]*?-->/g, " ")
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6]|blockquote|tr)\s*>/gi, "\n")
    // Inline markup joins its text to what surrounds it ("#<span>Getriebe</span>" is "#Getriebe").
    .replace(/<\/?(a|span|strong|em|b|i|u|abbr|code|small|mark|sub|sup)\b[^>]*>/gi, "")
    .replace(/<[^>]*>/g, " ");
  const s = collapse(decodeHTML(text));
  return s.length ? s : null;
}

function collapse(s: string): string {
  return s
    .replace(/[ \t\f\v\u00a0]+/g, " ")
    .replace(/ *\n[\n ]*/g, "\n")
    .trim();
}

function clip(s: string): string {
  if (s.length <= MAX_ITEM_TEXT) return s;
  return `${s.slice(0, MAX_ITEM_TEXT - 1).replace(/\s+\S*$/, "")}…`;
}

function httpUrl(s: string | null | undefined): string | null {
  if (!s) return null;
  try {
    const u = new URL(s.trim());
    return u.protocol === "http:" || u.protocol === "https:" ? u.toString() : null;
  } catch {
    return null;
  }
}

// ── Shapes ──────────────────────────────────────────────────────────────────

function isObject(v: unknown): v is Record<string, Node> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function arrayOf(v: Node): Record<string, Node>[] {
  return (Array.isArray(v) ? v : v == null ? [] : [v]).filter(isObject);
}

function firstOf(v: Node): Node {
  return Array.isArray(v) ? v[0] : v;
}

function attr(node: Node, name: string): string | null {
  const v = isObject(node) ? node[`@_${name}`] : undefined;
  return v == null ? null : decodeXml(String(v));
}

function str(v: unknown): string | null {
  return typeof v === "string" && v.trim().length ? v : null;
}

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split("\n")[0].slice(0, 200);
}
