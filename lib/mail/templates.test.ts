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

  it("renders KPI alerts with the value in the KPI's unit, and the escalation, linking to the KPI", () => {
    const kpi = { kpiId: 9, kpiName: "Antwortquote", departmentName: "Service", severity: "warning" as const, escalated: false, value: 74.5, unit: "percent" as const, recipientName: "Frau Kaya" };
    const de = renderMail("kpi_alert", "de", kpi, { appUrl: APP });
    expect(de.subject).toBe("KPI-Warnung: Antwortquote (Service)");
    expect(de.text).toContain("Aktueller Wert: 74,5 %.");
    expect(de.text).toContain("https://dashboard.example.com/kpis/9");
    const en = renderMail("kpi_alert", "en", { ...kpi, severity: "critical", escalated: true, value: 1234.5, unit: "eur" }, { appUrl: APP });
    expect(en.subject).toBe("KPI now critical: Antwortquote (Service)");
    expect(en.text).toContain("Current value: 1,234.5 €.");
  });

  it("renders the crisis alert, saying it cannot be switched off, linking to the crisis alerts", () => {
    const d = { severity: "critical" as const, escalated: false, current: 31, windowHours: 6, recipientName: "Herr Brenner" };
    const de = renderMail("crisis_alert", "de", d, { appUrl: APP });
    expect(de.subject).toBe("Krisenwarnung (kritisch): ungewöhnlich viele negative Stimmen");
    expect(de.text).toContain("31 negative Erkenntnisse in 6 Stunden");
    expect(de.text).toContain("lässt sich nicht abschalten");
    expect(de.text).toContain("https://dashboard.example.com/alerts?kind=crisis");
    expect(renderMail("crisis_alert", "en", { ...d, escalated: true }, { appUrl: APP }).subject).toBe("Crisis alert now critical");
    // With the draft crisis room it opened, the mail leads there.
    expect(renderMail("crisis_alert", "de", { ...d, crisisId: 7 }, { appUrl: APP }).text).toContain("https://dashboard.example.com/crisis/7");
  });

  it("renders the published guideline with its change note, and the one reminder", () => {
    const g = { guidelineId: 3, title: "Netiquette <intern>", version: 2, changeNote: "Neue Regeln für Kommentare", recipientName: "Lena" };
    const pub = renderMail("guideline_published", "de", g, { appUrl: APP });
    expect(pub.subject).toBe("Neue Richtlinie: Netiquette <intern> (Version 2)");
    expect(pub.text).toContain("> Neue Regeln für Kommentare");
    expect(pub.html).toContain("Netiquette &lt;intern&gt;");
    expect(pub.text).toContain("https://dashboard.example.com/guidelines/3");
    const rem = renderMail("guideline_reminder", "en", { ...g, changeNote: null }, { appUrl: APP });
    expect(rem.subject).toBe("Reminder: guideline “Netiquette <intern>” not yet acknowledged");
    expect(rem.text).toContain("This is the only reminder.");
  });

  it("tells the managers of a paused connector, with the last failure in their words", () => {
    const d = { channelId: 4, channelName: "Produktblog", connectorName: "Kommentare <Feed>", errorCode: "html_page", recipientName: "Lena" };
    const de = renderMail("connector_paused", "de", d, { appUrl: APP });
    expect(de.subject).toBe("Anbindung pausiert: Kommentare <Feed> (Produktblog)");
    expect(de.text).toContain("Zuletzt: Unter der Adresse liegt eine Webseite, kein Feed.");
    expect(de.text).toContain("https://dashboard.example.com/channels/4");
    expect(de.html).toContain("Kommentare &lt;Feed&gt;");
    const en = renderMail("connector_paused", "en", { ...d, errorCode: "unknown_code" }, { appUrl: APP });
    expect(en.text).toContain("Last: unknown_code");
    expect(renderMail("connector_paused", "en", { ...d, errorCode: null }, { appUrl: APP }).text).not.toContain("Last:");
  });

  it("tells of an overdue crisis step with its due time in company time and a link to the room", () => {
    const d = { crisisId: 9, crisisTitle: "Akku <Rückruf>", stepTitle: "Holding Statement", dueAt: new Date("2026-07-01T08:30:00Z"), recipientName: "Jonas" };
    const de = renderMail("crisis_step_overdue", "de", d, { appUrl: APP });
    expect(de.subject).toBe("Überfällig in der Krise „Akku <Rückruf>“: Holding Statement");
    expect(de.text).toContain("10:30");
    expect(de.text).toContain("https://dashboard.example.com/crisis/9");
    expect(de.html).toContain("Akku &lt;Rückruf&gt;");
    expect(renderMail("crisis_step_overdue", "en", d, { appUrl: APP }).subject).toBe("Overdue in the crisis “Akku <Rückruf>”: Holding Statement");
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
