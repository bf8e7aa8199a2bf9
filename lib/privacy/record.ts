// The record of processing activities (GDPR Art. 30) as this installation is configured: who is
// responsible, which activities process whose data for what, who receives it, how long it is
// kept and how it is protected. Built from facts the database and the environment hold, so it
// changes when the configuration does; rendered on /admin/privacy/record and as Markdown.
import type { AppLocale } from "@/lib/i18n/config";
import type { InsightCategory } from "@/lib/enums";
import type { RetentionSettings } from "./retention";
import { MIN_GROUP } from "./works-council";

export interface Controller {
  name: string;
  address: string;
  contact: string;
  dpo: string;
}

export const EMPTY_CONTROLLER: Controller = { name: "", address: "", contact: "", dpo: "" };

export interface RecordFacts {
  controller: Controller;
  departments: string[];
  /** Endpoints the insights go to; `host` only, a URL's path can carry a token. */
  webhooks: { host: string; events: string[]; active: boolean }[];
  /** Listening connectors and the platform of the channel they listen on. */
  connectors: { name: string; platform: string }[];
  retention: RetentionSettings;
  ssoIssuerHost: string | null;
  twoFactorRoles: string[];
  worksCouncilMode: boolean;
  mailHost: string | null;
  advocates: number;
}

export interface RecordActivity {
  title: string;
  rows: { label: string; value: string }[];
}

export interface ProcessingRecord {
  title: string;
  controller: { label: string; value: string }[];
  activities: RecordActivity[];
  measures: string[];
}

/** Names the record needs translated: insight categories and platforms (from the app's messages). */
export interface RecordLabels {
  category: (c: InsightCategory) => string;
  platform: (p: string) => string;
  role: (r: string) => string;
}

const TEXT = {
  de: {
    title: "Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO)",
    controller: "Verantwortlicher",
    address: "Anschrift",
    contact: "Kontakt",
    dpo: "Datenschutzbeauftragte(r)",
    notSet: "nicht angegeben",
    purpose: "Zwecke",
    basis: "Rechtsgrundlage",
    subjects: "Betroffene Personen",
    data: "Datenkategorien",
    recipients: "Empfänger",
    thirdCountry: "Übermittlung in Drittländer",
    retention: "Löschfristen",
    none: "keine",
    months: (n: number) => `${n} Monate`,
    keep: "unbegrenzt",
    insights: {
      title: "Hinweise aus dem Social Web",
      purpose: "Rückmeldungen, Beschwerden, Anfragen, Bewerberfragen und Krisensignale aus öffentlichen Beiträgen an die zuständigen Abteilungen leiten und dort bearbeiten.",
      basis: "Art. 6 Abs. 1 lit. f DSGVO (berechtigtes Interesse an Kundendienst und Produktverbesserung)",
      subjects: "Verfasser öffentlicher Beiträge und Kommentare in sozialen Netzwerken",
      data: "Nutzername (im Werkzeug pseudonymisiert angezeigt), Text, Link, Zeitpunkt, Kanal; Bearbeitungsvermerke",
      recipients: (d: string) => `Abteilungen: ${d}`,
      webhooks: (w: string) => `Webhook-Empfänger: ${w}`,
      connectors: (c: string) => `Quellen (Konnektoren): ${c}`,
      thirdCountry: "keine durch dieses Werkzeug; die Plattformen selbst sind eigene Verantwortliche",
      anonymised: "danach anonymisiert (Text, Verfasser, Link und Vermerke gelöscht; Kennzahlen bleiben)",
    },
    employees: {
      title: "Nutzung durch Beschäftigte",
      purpose: "Anmeldung, Rollen und Rechte; Kenntnisnahme von Richtlinien; Bearbeitung von Hinweisen; Benachrichtigungen; Nachvollziehbarkeit von Änderungen (Protokoll).",
      basis: "§ 26 BDSG, Art. 6 Abs. 1 lit. b und c DSGVO; Betriebsvereinbarung nach § 87 Abs. 1 Nr. 6 BetrVG",
      subjects: "Beschäftigte mit Zugang zum Werkzeug",
      data: "Name, E-Mail, Rolle, Abteilung; Kenntnisnahmen; Aktionen an Hinweisen; Anmeldeversuche (E-Mail, Adresse, Zeitpunkt); gelesene Benachrichtigungen; Protokolleinträge",
      recipients: "Zentrale Social-Media-Einheit und IT; Abteilungsleitungen für ihre Abteilung",
      worksCouncilOn: (n: number) => `Betriebsratsmodus an: unterhalb der Zentrale Zahlen nur für Gruppen ab ${n} Personen`,
      worksCouncilOff: "Betriebsratsmodus aus",
      retention: (audit: string, notes: string) => `Protokoll ${audit}; Benachrichtigungen, Mails und Webhook-Zustellungen ${notes}; Anmeldeversuche 30 Tage`,
    },
    advocates: {
      title: "Fürsprecher in Krisen",
      purpose: "Fürsprecher in einer Krise informieren (Briefing) und ihre Rückmeldung festhalten.",
      basis: "Art. 6 Abs. 1 lit. a DSGVO (Einwilligung, jederzeit widerrufbar)",
      subjects: (n: number) => `Beschäftigte und Externe, die eingewilligt haben (derzeit ${n})`,
      data: "Name, E-Mail, Plattformen und Profilnamen, Sprachen, Themen, Einwilligung (Datum, Umfang, Form), Briefings und Rückmeldungen",
      recipients: "Zentrale Social-Media-Einheit; Versand der Briefings per E-Mail",
      retention: "bis zum Widerruf oder Ablauf der Einwilligung",
    },
    measures: {
      title: "Technische und organisatorische Maßnahmen (Art. 32 DSGVO)",
      tls: "Zugriff nur angemeldet; Rechte je Rolle und Abteilung serverseitig geprüft",
      sso: (h: string) => `Anmeldung über das Firmenverzeichnis (OpenID Connect, ${h})`,
      noSso: "Anmeldung mit Passwort (bcrypt-Hash, Sperre nach Fehlversuchen)",
      twoFactor: (r: string) => `Zweiter Faktor (TOTP) Pflicht für: ${r}`,
      noTwoFactor: "Zweiter Faktor (TOTP) freiwillig",
      pseudonyms: "Verfasser von Beiträgen werden pseudonymisiert angezeigt",
      secrets: "Geheimnisse (Zugangsdaten der Konnektoren, TOTP) verschlüsselt gespeichert (AES-256-GCM)",
      audit: "Änderungen werden protokolliert",
      retentionJob: "Löschfristen werden jede Nacht automatisch angewandt",
      mail: (h: string) => `E-Mail-Versand über ${h}`,
    },
  },
  en: {
    title: "Record of processing activities (Art. 30 GDPR)",
    controller: "Controller",
    address: "Address",
    contact: "Contact",
    dpo: "Data protection officer",
    notSet: "not given",
    purpose: "Purposes",
    basis: "Legal basis",
    subjects: "Data subjects",
    data: "Categories of data",
    recipients: "Recipients",
    thirdCountry: "Transfers to third countries",
    retention: "Retention",
    none: "none",
    months: (n: number) => `${n} months`,
    keep: "unlimited",
    insights: {
      title: "Insights from the social web",
      purpose: "Route feedback, complaints, requests, applicant questions and crisis signals from public posts to the responsible departments, and handle them there.",
      basis: "Art. 6(1)(f) GDPR (legitimate interest in customer service and product improvement)",
      subjects: "Authors of public posts and comments on social networks",
      data: "User name (shown pseudonymised in the tool), text, link, time, channel; handling notes",
      recipients: (d: string) => `Departments: ${d}`,
      webhooks: (w: string) => `Webhook receivers: ${w}`,
      connectors: (c: string) => `Sources (connectors): ${c}`,
      thirdCountry: "none by this tool; the platforms are controllers in their own right",
      anonymised: "then anonymised (text, author, link and notes erased; figures stay)",
    },
    employees: {
      title: "Use by employees",
      purpose: "Sign-in, roles and rights; acknowledging guidelines; handling insights; notifications; traceability of changes (audit log).",
      basis: "§ 26 BDSG, Art. 6(1)(b) and (c) GDPR; works agreement under § 87(1) no. 6 BetrVG",
      subjects: "Employees with access to the tool",
      data: "Name, e-mail, role, department; acknowledgments; actions on insights; sign-in attempts (e-mail, address, time); notifications read; audit entries",
      recipients: "Central social media unit and IT; department heads for their department",
      worksCouncilOn: (n: number) => `Works-council mode on: below the central unit, figures only for groups of ${n} or more`,
      worksCouncilOff: "Works-council mode off",
      retention: (audit: string, notes: string) => `Audit log ${audit}; notifications, mails and webhook deliveries ${notes}; sign-in attempts 30 days`,
    },
    advocates: {
      title: "Advocates in a crisis",
      purpose: "Brief advocates in a crisis and record their response.",
      basis: "Art. 6(1)(a) GDPR (consent, revocable at any time)",
      subjects: (n: number) => `Employees and externals who consented (currently ${n})`,
      data: "Name, e-mail, platforms and handles, languages, topics, consent (date, scope, how given), briefings and responses",
      recipients: "Central social media unit; briefings sent by e-mail",
      retention: "until consent is revoked or expires",
    },
    measures: {
      title: "Technical and organisational measures (Art. 32 GDPR)",
      tls: "Access only when signed in; rights per role and department checked on the server",
      sso: (h: string) => `Sign-in through the company directory (OpenID Connect, ${h})`,
      noSso: "Password sign-in (bcrypt hashes, lock-out after failed attempts)",
      twoFactor: (r: string) => `Second factor (TOTP) required for: ${r}`,
      noTwoFactor: "Second factor (TOTP) optional",
      pseudonyms: "Authors of posts are shown pseudonymised",
      secrets: "Secrets (connector credentials, TOTP) stored encrypted (AES-256-GCM)",
      audit: "Changes are recorded in an audit log",
      retentionJob: "Retention periods are applied automatically every night",
      mail: (h: string) => `E-mail sent through ${h}`,
    },
  },
} as const;

/** The record in `locale`, from the installation's facts. */
export function buildRecord(f: RecordFacts, locale: AppLocale, labels: RecordLabels): ProcessingRecord {
  const t = TEXT[locale];
  const period = (m: number | null) => (m === null ? t.keep : t.months(m));
  const list = (xs: string[]) => (xs.length ? xs.join(", ") : t.none);
  const orNotSet = (s: string) => s.trim() || t.notSet;

  const insightRecipients = [t.insights.recipients(list(f.departments))];
  const activeWebhooks = f.webhooks.filter((w) => w.active);
  if (activeWebhooks.length) insightRecipients.push(t.insights.webhooks(activeWebhooks.map((w) => `${w.host} (${w.events.join(", ")})`).join("; ")));
  const sources = f.connectors.map((c) => `${c.name} (${labels.platform(c.platform)})`);
  const insightRetention = (Object.entries(f.retention.insights) as [InsightCategory, number | null][])
    .map(([c, m]) => `${labels.category(c)}: ${period(m)}`)
    .join("; ");

  return {
    title: t.title,
    controller: [
      { label: t.controller, value: orNotSet(f.controller.name) },
      { label: t.address, value: orNotSet(f.controller.address) },
      { label: t.contact, value: orNotSet(f.controller.contact) },
      { label: t.dpo, value: orNotSet(f.controller.dpo) },
    ],
    activities: [
      {
        title: t.insights.title,
        rows: [
          { label: t.purpose, value: t.insights.purpose },
          { label: t.basis, value: t.insights.basis },
          { label: t.subjects, value: t.insights.subjects },
          { label: t.data, value: t.insights.data },
          { label: t.recipients, value: [...insightRecipients, t.insights.connectors(list(sources))].join(". ") },
          { label: t.thirdCountry, value: t.insights.thirdCountry },
          { label: t.retention, value: `${insightRetention}; ${t.insights.anonymised}` },
        ],
      },
      {
        title: t.employees.title,
        rows: [
          { label: t.purpose, value: t.employees.purpose },
          { label: t.basis, value: t.employees.basis },
          { label: t.subjects, value: t.employees.subjects },
          { label: t.data, value: t.employees.data },
          {
            label: t.recipients,
            value: `${t.employees.recipients}. ${f.worksCouncilMode ? t.employees.worksCouncilOn(MIN_GROUP) : t.employees.worksCouncilOff}`,
          },
          { label: t.thirdCountry, value: t.none },
          { label: t.retention, value: t.employees.retention(period(f.retention.auditMonths), period(f.retention.notificationMonths)) },
        ],
      },
      {
        title: t.advocates.title,
        rows: [
          { label: t.purpose, value: t.advocates.purpose },
          { label: t.basis, value: t.advocates.basis },
          { label: t.subjects, value: t.advocates.subjects(f.advocates) },
          { label: t.data, value: t.advocates.data },
          { label: t.recipients, value: t.advocates.recipients },
          { label: t.thirdCountry, value: t.none },
          { label: t.retention, value: t.advocates.retention },
        ],
      },
    ],
    measures: [
      t.measures.tls,
      f.ssoIssuerHost ? t.measures.sso(f.ssoIssuerHost) : t.measures.noSso,
      f.twoFactorRoles.length ? t.measures.twoFactor(f.twoFactorRoles.map(labels.role).join(", ")) : t.measures.noTwoFactor,
      t.measures.pseudonyms,
      t.measures.secrets,
      t.measures.audit,
      t.measures.retentionJob,
      ...(f.mailHost ? [t.measures.mail(f.mailHost)] : []),
    ],
  };
}

export const MEASURES_TITLE: Record<AppLocale, string> = { de: TEXT.de.measures.title, en: TEXT.en.measures.title };

/** Markdown cells and lines must not break the document: pipes and line breaks are escaped. */
const cell = (s: string) => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");

/** The record as a Markdown document (for the file the data protection officer keeps). */
export function recordMarkdown(r: ProcessingRecord, locale: AppLocale, generatedAt: string): string {
  const lines = [`# ${r.title}`, "", locale === "de" ? `Stand: ${generatedAt}` : `As of: ${generatedAt}`, ""];
  const table = (rows: { label: string; value: string }[]) => ["| | |", "|---|---|", ...rows.map((x) => `| ${cell(x.label)} | ${cell(x.value)} |`), ""];
  lines.push(`## ${TEXT[locale].controller}`, "", ...table(r.controller));
  r.activities.forEach((a, i) => lines.push(`## ${i + 1}. ${cell(a.title)}`, "", ...table(a.rows)));
  lines.push(`## ${MEASURES_TITLE[locale]}`, "", ...r.measures.map((m) => `- ${cell(m)}`), "");
  return lines.join("\n");
}
