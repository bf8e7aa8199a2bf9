import { describe, expect, it } from "vitest";
import { escapeHtml } from "./render";
import { excerpt, renderMail } from "./templates";
import { describeSmtp } from "./transport";

const APP = "https://dashboard.example.com/";
const base = { insightId: 42, text: "Die Lieferung kam zu spät.", category: "complaint" as const, departmentName: "Service", recipientName: "Frau Kaya" };

describe("mail templates", () => {
  it("renders the routed-insight mail in German with subject, text, HTML and the link", () => {
    const m = renderMail("insight_routed", "de", base, { appUrl: APP });
    expect(m.subject).toBe("Neu für Service: Beschwerde #42");
    expect(m.text).toContain("Hallo Frau Kaya,");
    expect(m.text).toContain("> Die Lieferung kam zu spät.");
    expect(m.text).toContain("Erkenntnis öffnen:\nhttps://dashboard.example.com/insights/42");
    expect(m.html).toContain('<html lang="de">');
    expect(m.html).toContain('href="https://dashboard.example.com/insights/42"');
  });

  it("renders it in English, and says when the insight was reassigned and when it is due", () => {
    const due = new Date("2026-03-02T15:30:00Z");
    const m = renderMail("insight_routed", "en", { ...base, reassigned: true, slaDueAt: due }, { appUrl: APP });
    expect(m.subject).toBe("Reassigned for Service: Complaint #42");
    expect(m.text).toContain("Hello Frau Kaya,");
    expect(m.text).toContain("reassigned to Service");
    // Berlin time, whatever the machine's zone.
    expect(m.text).toContain("Please accept it by 2 Mar 2026, 16:30.");
    expect(m.html).toContain('<html lang="en">');
    const de = renderMail("insight_routed", "de", { ...base, slaDueAt: due }, { appUrl: APP });
    expect(de.text).toContain("bis 02.03.2026, 16:30");
  });

  it("escapes user text, names and the link in the HTML part", () => {
    const hostile = { ...base, text: '<img src=x onerror="alert(1)">\nzweite Zeile', departmentName: "R&D <b>", recipientName: "O'Brien \"Bob\"" };
    for (const locale of ["de", "en"] as const) {
      const m = renderMail("insight_routed", locale, hostile, { appUrl: 'https://x.example.com/"><script>' });
      expect(m.html).not.toMatch(/<img|<script|<b>/);
      expect(m.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;<br>zweite Zeile");
      expect(m.html).toContain("R&amp;D &lt;b&gt;");
      expect(m.html).toContain("O&#39;Brien &quot;Bob&quot;");
      expect(m.html).toContain('href="https://x.example.com/&quot;&gt;&lt;script&gt;/insights/42"');
      // The plain-text part carries the text as it is.
      expect(m.text).toContain('> <img src=x onerror="alert(1)">\n> zweite Zeile');
    }
  });

  it("keeps the subject on one line", () => {
    const m = renderMail("insight_routed", "en", { ...base, departmentName: "Sales\r\nBcc: victim@example.com" }, { appUrl: APP });
    expect(m.subject).not.toMatch(/[\r\n]/);
  });

  it("shortens long texts at a word boundary", () => {
    const long = "wort ".repeat(200);
    const e = excerpt(long, 50);
    expect(e.length).toBeLessThanOrEqual(52);
    expect(e.endsWith(" …")).toBe(true);
    expect(excerpt("kurz")).toBe("kurz");
  });

  it("escapes all five HTML-special characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });

  it("describes the SMTP configuration without its password", () => {
    expect(describeSmtp(undefined)).toEqual({ configured: false });
    const d = describeSmtp("smtps://relay%40firma.de:geheim@mail.firma.de");
    expect(d).toEqual({ configured: true, host: "mail.firma.de", port: 465, secure: true, user: "relay@firma.de" });
    expect(JSON.stringify(d)).not.toContain("geheim");
    expect(describeSmtp("smtp://mail.firma.de:2525")).toMatchObject({ port: 2525, secure: false, user: undefined });
  });
});
