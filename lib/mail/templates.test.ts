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

  it("renders the SLA reminder and escalation in both languages with the due time in Berlin time", () => {
    const dueAt = new Date("2026-10-25T01:30:00Z");
    const soon = renderMail("sla_due_soon", "de", { ...base, dueAt }, { appUrl: APP });
    expect(soon.subject).toBe("Frist läuft bald ab: Beschwerde #42 für Service");
    expect(soon.text).toContain("Die Frist endet 25.10.2026, 02:30.");
    const over = renderMail("sla_overdue", "en", { ...base, dueAt }, { appUrl: APP });
    expect(over.subject).toBe("Overdue: Complaint #42 at Service");
    expect(over.text).toContain("was due 25 Oct 2026, 02:30 and is still open");
    expect(over.text).toContain("https://dashboard.example.com/insights/42");
  });

  it("renders a digest listing each item, counting the rest, and linking to the whole list", () => {
    const at = new Date("2026-02-01T09:00:00Z");
    const items = [
      { kind: "insight_routed" as const, insightId: 7, departmentName: "Service", excerpt: "Lieferung <zu> spät", at },
      { kind: "sla_overdue" as const, insightId: 8, departmentName: "Vertrieb", excerpt: "Angebot fehlt", at },
    ];
    const de = renderMail("digest", "de", { recipientName: "Frau Kaya", items, more: 3 }, { appUrl: APP });
    expect(de.subject).toBe("Ihre Benachrichtigungen: 5 neu");
    expect(de.text).toContain("01.02.2026, 10:00 – neue Erkenntnis für Service (#7): Lieferung <zu> spät");
    expect(de.text).toContain("Frist überschritten bei Vertrieb (#8)");
    expect(de.text).toContain("… und 3 weitere.");
    expect(de.text).toContain("https://dashboard.example.com/notifications");
    expect(de.html).toContain("Lieferung &lt;zu&gt; spät");
    const en = renderMail("digest", "en", { recipientName: "Ms Kaya", items: items.slice(0, 1), more: 0 }, { appUrl: APP });
    expect(en.subject).toBe("Your notifications: 1 new");
    expect(en.text).not.toContain("more.");
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
