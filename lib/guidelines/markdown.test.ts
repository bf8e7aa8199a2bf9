import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderMarkdown, sanitize } from "./markdown";

/** Every real tag in the output (text `<` is always escaped, so each `<` starts one). */
const tags = (html: string) => html.match(/<[^>]*>/g) ?? [];

function assertSafe(html: string) {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<(iframe|object|embed|style|svg|math|img|form|input)/i);
  for (const tag of tags(html)) {
    expect(tag, tag).not.toMatch(/\son[a-z]*\s*=/i);
    expect(tag, tag).not.toMatch(/javascript:|vbscript:|data:/i);
  }
}

describe("renderMarkdown", () => {
  it("renders the Markdown a guideline uses", () => {
    const html = renderMarkdown("## Verhalten\n\n**Respekt** und *Sachlichkeit*.\n\n- eins\n- zwei\n\n[Intranet](https://intranet.example.com)");
    expect(html).toContain("<h2>Verhalten</h2>");
    expect(html).toContain("<strong>Respekt</strong>");
    expect(html).toContain("<li>eins</li>");
    expect(html).toContain('<a href="https://intranet.example.com" rel="noopener noreferrer nofollow">Intranet</a>');
  });

  it("shows a script tag as text instead of running it", () => {
    const html = renderMarkdown("Vorsicht: <script>alert('x')</script>\n\n<script>document.cookie</script>");
    expect(html).toContain("&lt;script&gt;alert(");
    expect(html).toContain("<p>&lt;script&gt;document.cookie&lt;/script&gt;</p>");
    assertSafe(html);
  });

  it("drops javascript: links and event handlers", () => {
    assertSafe(renderMarkdown("[klick](javascript:alert(1)) <img src=x onerror=alert(1)> [b](JaVaScRiPt:alert(1))"));
    assertSafe(renderMarkdown('<a href="jav&#x61;script:alert(1)">x</a> [y](jav&#x61;script:alert(1))'));
    assertSafe(sanitize('<a href="javascript:alert(1)" onclick="x()">x</a><p onmouseover="y">p</p><svg onload="z"></svg>'));
    expect(sanitize('<a href="javascript:alert(1)">x</a>')).toBe('<a rel="noopener noreferrer nofollow">x</a>');
  });

  it("keeps the text of an escaped tag readable", () => {
    expect(renderMarkdown("Nutzen Sie nie <b>fett</b> im Profil.")).toContain("&lt;b&gt;fett&lt;/b&gt;");
  });
});

describe("sanitiser properties", () => {
  const attack = fc.constantFrom(
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//x.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">a</a>',
    "[a](javascript:alert(1))",
    "[a](  javascript:alert(1) )",
    "<svg/onload=alert(1)>",
    "<iframe src=javascript:alert(1)>",
    '<p style="x" onclick="alert(1)">p</p>',
    "<scr<script>ipt>alert(1)</script>",
    "<a href='jav&#x09;ascript:alert(1)'>t</a>",
    "![x](javascript:alert(1))",
    "<div onmouseover=alert(1)>d</div>",
    "`<script>`",
    "```\n<script>x</script>\n```",
    "<",
    ">",
    '"',
    "\n\n",
    "# ",
    "- ",
  );
  const piece = fc.oneof(attack, fc.string({ maxLength: 20 }));

  it("never lets a script, an event handler or a javascript: URL through renderMarkdown", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        assertSafe(renderMarkdown(parts.join("")));
      }),
      { numRuns: 500 },
    );
  });

  it("never lets one through the sanitiser on raw HTML either", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        assertSafe(sanitize(parts.join("")));
      }),
      { numRuns: 500 },
    );
  });
});

describe("heading levels inside a page", () => {
  it("shifts the text's highest heading to the level asked for, keeping the steps between them", () => {
    const html = renderMarkdown("# Titel\n\n## Abschnitt\n\nText\n\n### Unterpunkt", { topHeading: 3 });
    expect(html).toContain("<h3>Titel</h3>");
    expect(html).toContain("<h4>Abschnitt</h4>");
    expect(html).toContain("<h5>Unterpunkt</h5>");
    expect(html).not.toMatch(/<h[12]>/);
  });

  it("starts a text without a level-1 heading at the level asked for too", () => {
    expect(renderMarkdown("## 1. Grundhaltung\n\n## 2. Vertraulichkeit", { topHeading: 3 })).toBe("<h3>1. Grundhaltung</h3>\n<h3>2. Vertraulichkeit</h3>\n");
  });

  it("never turns typed HTML into a heading", () => {
    expect(renderMarkdown("<h1>x</h1>\n\n## a", { topHeading: 3 })).not.toContain("<h1>");
  });
});
