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

/** Renders guideline Markdown to HTML that is safe to insert into a page. */
export function renderMarkdown(md: string): string {
  const html = marked.parse(md) as string;
  return sanitizeHtml(html, SANITIZE);
}

/** Only for tests and callers that must sanitise HTML that did not come from `renderMarkdown`. */
export function sanitize(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}
