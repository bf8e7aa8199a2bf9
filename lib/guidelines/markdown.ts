import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

// Raw HTML typed into a guideline is shown as the text it is, never interpreted: authors write
// Markdown, and a `<script>` in a guideline must read as `<script>` for every reader.
const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html({ text, block }) {
      return block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text);
    },
  },
});

/** The allow-list is the real defence: whatever Markdown produces, only these tags and attributes survive. */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code",
    "ul", "ol", "li", "strong", "em", "del", "a",
    "table", "thead", "tbody", "tr", "th", "td",
  ],
  allowedAttributes: {
    a: ["href", "title", "rel"],
    ol: ["start"],
    th: ["align"],
    td: ["align"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "escape",
  transformTags: {
    // External links open normally but cannot reach back into the app's window.
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }),
  },
};

/**
 * Renders guideline Markdown to HTML that is safe to insert into a page. With `topHeading` the
 * text's headings are shifted so its highest one gets that level: a guideline's `# Title` must not
 * become a second <h1> on a page that has its own, nor jump levels under the section it sits in.
 */
export function renderMarkdown(md: string, opts: { topHeading?: number } = {}): string {
  const html = sanitizeHtml(marked.parse(md) as string, SANITIZE);
  if (!opts.topHeading) return html;
  // After sanitising, every "<hN" is a real tag: typed HTML was escaped to "&lt;hN".
  const levels = [...html.matchAll(/<h([1-6])>/g)].map((m) => Number(m[1]));
  if (levels.length === 0) return html;
  const shift = opts.topHeading - Math.min(...levels);
  return html.replace(/<(\/?)h([1-6])>/g, (_, slash: string, n: string) => `<${slash}h${Math.min(6, Math.max(1, Number(n) + shift))}>`);
}

/** Only for tests and callers that must sanitise HTML that did not come from `renderMarkdown`. */
export function sanitize(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}
