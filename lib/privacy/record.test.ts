import { describe, expect, it } from "vitest";
import { buildRecord, EMPTY_CONTROLLER, type RecordFacts, recordMarkdown } from "./record";
import { DEFAULT_RETENTION } from "./retention";

const labels = { category: (c: string) => c, platform: (p: string) => p.toUpperCase(), role: (r: string) => `R:${r}` };
const facts: RecordFacts = {
  controller: EMPTY_CONTROLLER,
  departments: ["Personal", "Service"],
  webhooks: [
    { host: "crm.example.net", events: ["insight.routed"], active: true },
    { host: "old.example.net", events: ["insight.routed"], active: false },
  ],
  connectors: [{ name: "Produktforum", platform: "forum" }],
  retention: { ...DEFAULT_RETENTION, insights: { ...DEFAULT_RETENTION.insights, complaint: null }, auditMonths: null },
  ssoIssuerHost: null,
  twoFactorRoles: [],
  worksCouncilMode: false,
  mailHost: null,
  advocates: 3,
};

describe("record of processing", () => {
  it("names the recipients, sources and periods of the configuration", () => {
    const r = buildRecord(facts, "de", labels);
    const insights = Object.fromEntries(r.activities[0].rows.map((x) => [x.label, x.value]));
    expect(insights["Empfänger"]).toContain("Abteilungen: Personal, Service");
    expect(insights["Empfänger"]).toContain("crm.example.net (insight.routed)");
    // A switched-off endpoint receives nothing.
    expect(insights["Empfänger"]).not.toContain("old.example.net");
    expect(insights["Empfänger"]).toContain("Produktforum (FORUM)");
    expect(insights["Löschfristen"]).toContain("applicant_question: 6 Monate");
    expect(insights["Löschfristen"]).toContain("complaint: unbegrenzt");
    const employees = Object.fromEntries(r.activities[1].rows.map((x) => [x.label, x.value]));
    expect(employees["Löschfristen"]).toContain("Protokoll unbegrenzt");
    expect(employees["Empfänger"]).toContain("Betriebsratsmodus aus");
    expect(r.activities[2].rows.find((x) => x.label === "Betroffene Personen")?.value).toContain("derzeit 3");
    expect(r.controller.every((c) => c.value === "nicht angegeben")).toBe(true);
    expect(r.measures).toContain("Zweiter Faktor (TOTP) freiwillig");
  });

  it("follows the sign-in and works-council settings, in English too", () => {
    const r = buildRecord({ ...facts, ssoIssuerHost: "login.example.org", twoFactorRoles: ["admin", "manager"], worksCouncilMode: true, mailHost: "mail.example.org" }, "en", labels);
    expect(r.title).toBe("Record of processing activities (Art. 30 GDPR)");
    expect(r.measures).toContain("Sign-in through the company directory (OpenID Connect, login.example.org)");
    expect(r.measures).toContain("Second factor (TOTP) required for: R:admin, R:manager");
    expect(r.measures).toContain("E-mail sent through mail.example.org");
    expect(r.activities[1].rows.find((x) => x.label === "Recipients")?.value).toContain("groups of 5 or more");
  });

  it("writes Markdown that entered text cannot break", () => {
    const r = buildRecord({ ...facts, controller: { name: "A | B\n# C", address: "", contact: "", dpo: "" } }, "de", labels);
    const md = recordMarkdown(r, "de", "2026-05-04");
    expect(md.startsWith("# Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO)\n\nStand: 2026-05-04")).toBe(true);
    expect(md).toContain("| Verantwortlicher | A \\| B # C |");
    expect(md).not.toMatch(/^# C/m);
    expect(md).toContain("## 1. Hinweise aus dem Social Web");
    expect(md).toContain("## Technische und organisatorische Maßnahmen (Art. 32 DSGVO)");
  });
});
