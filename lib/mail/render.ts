/**
 * The one layout every mail shares. Templates hand in plain strings only; this module escapes
 * every one of them for the HTML part, so user text (an insight's wording, a department's name)
 * can never add markup to a mail.
 */

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** A mail as its template describes it, all parts plain text in the recipient's language. */
export interface MailContent {
  lang: "de" | "en";
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** A quotation of user text (e.g. the insight), shown set apart. */
  quote?: string;
  /** The one thing to open; `url` is absolute. */
  link: { label: string; url: string };
  footer: string;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Line breaks in user text stay line breaks in the HTML part; everything else is escaped. */
function htmlText(s: string): string {
  return escapeHtml(s).replace(/\r?\n/g, "<br>");
}

/** Subjects are one line: header injection and folding trouble start with a line break. */
function oneLine(s: string): string {
  return s.replace(/[\r\n\t]+/g, " ").replace(/\s{2,}/g, " ").trim();
}

export function layoutMail(c: MailContent): RenderedMail {
  const subject = oneLine(c.subject);
  const quoteText = c.quote ? c.quote.split(/\r?\n/).map((l) => `> ${l}`).join("\n") : null;
  const text = [c.greeting, ...c.paragraphs, quoteText, `${c.link.label}:\n${c.link.url}`, `-- \n${c.footer}`]
    .filter((p): p is string => p !== null)
    .join("\n\n")
    .concat("\n");
  const p = (s: string) => `<p style="margin:0 0 16px">${htmlText(s)}</p>`;
  const html = [
    "<!doctype html>",
    `<html lang="${c.lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#0f172a;background:#ffffff">',
    '<div style="max-width:600px">',
    p(c.greeting),
    ...c.paragraphs.map(p),
    c.quote
      ? `<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:4px solid #94a3b8;color:#334155">${htmlText(c.quote)}</blockquote>`
      : "",
    `<p style="margin:0 0 24px"><a href="${escapeHtml(c.link.url)}" style="display:inline-block;padding:10px 16px;background:#1e40af;color:#ffffff;text-decoration:none;border-radius:6px">${escapeHtml(c.link.label)}</a></p>`,
    `<p style="margin:0 0 16px;font-size:13px;color:#475569">${htmlText(c.link.url)}</p>`,
    `<p style="margin:0;font-size:13px;color:#475569">${htmlText(c.footer)}</p>`,
    "</div></body></html>",
  ]
    .filter(Boolean)
    .join("\n");
  return { subject, text, html };
}
