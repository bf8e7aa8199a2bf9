/**
 * Every mail the app sends, German and English side by side. A template turns the event's data
 * into plain strings; lib/mail/render.ts lays them out as text and (escaped) HTML. Add a kind by
 * adding its data type to MailTemplates and its entry to TEMPLATES; the type checker then asks
 * for both languages.
 */
import deConnectors from "@/messages/de/connectors.json";
import deInsights from "@/messages/de/insights.json";
import enConnectors from "@/messages/en/connectors.json";
import enInsights from "@/messages/en/insights.json";
import type { InsightCategory, KpiUnit, Locale, NotificationKind } from "@/lib/enums";
import { layoutMail, type MailContent, type RenderedMail } from "./render";

export type { RenderedMail };

export interface MailTemplates {
  /** An insight was routed (or reassigned) to a department; goes to its head and deputies. */
  insight_routed: {
    insightId: number;
    /** The insight's text; shortened here, so callers pass it whole. */
    text: string;
    category: InsightCategory;
    departmentName: string;
    recipientName: string;
    /** True when the insight came from another department. */
    reassigned?: boolean;
    /** When acceptance is due, if the department has an SLA. */
    slaDueAt?: Date | null;
  };
  /** 75 % of the SLA passed and the insight is not accepted yet: a reminder to the head. */
  sla_due_soon: SlaMail;
  /** The SLA ran out with the insight still open: an escalation to the central unit. */
  sla_overdue: SlaMail;
  /** A KPI's threshold alert opened or became critical: to the KPI's department head and the managers. */
  kpi_alert: {
    kpiId: number;
    kpiName: string;
    departmentName: string;
    severity: "warning" | "critical";
    /** True when an open warning became critical. */
    escalated: boolean;
    value: number | null;
    unit: KpiUnit;
    recipientName: string;
  };
  /** The crisis early warning fired or became critical: to managers, communications and executives; cannot be switched off. */
  crisis_alert: {
    severity: "warning" | "critical";
    escalated: boolean;
    /** Negative insights in the window, and what is usual for it. */
    current: number | null;
    windowHours: number;
    /** The draft crisis room the alert opened (linked instead of the alert list). */
    crisisId?: number | null;
    recipientName: string;
  };
  /** A guideline version that applies to the recipient was published. */
  guideline_published: GuidelineMail;
  /** Seven days after publication the recipient has still not acknowledged it: the one reminder. */
  guideline_reminder: GuidelineMail;
  /** A connector was paused after failing five times in a row: to the managers. */
  connector_paused: {
    channelId: number;
    channelName: string;
    connectorName: string;
    /** The last failure's code (lib/connectors/fetch.ts, feed.ts), worded in the mail. */
    errorCode: string | null;
    recipientName: string;
  };
  /** A step of an active crisis's checklist passed its due time undone: to whoever it is for, and the lead. */
  crisis_step_overdue: {
    crisisId: number;
    crisisTitle: string;
    stepTitle: string;
    dueAt: Date;
    recipientName: string;
  };
  /** A crisis briefing to an advocate, with their personal link (no account needed); always sent at once. */
  crisis_briefing: {
    crisisTitle: string;
    message: string;
    statement: string | null;
    dos: string | null;
    donts: string | null;
    links: string[];
    /** The personal link's path (`/brief/…`). */
    path: string;
    expiresAt: Date;
    recipientName: string;
  };
  /** One morning mail with everything a person chose to get as a digest. */
  digest: {
    recipientName: string;
    items: DigestItem[];
    /** Notifications beyond `items` (the mail lists the newest; the app lists all). */
    more: number;
  };
  /** An admin checks the mail setup by sending one to themselves (Admin → Outbox). */
  test: { recipientName: string };
}

export interface SlaMail {
  insightId: number;
  text: string;
  category: InsightCategory;
  departmentName: string;
  recipientName: string;
  dueAt: Date;
}

export interface GuidelineMail {
  guidelineId: number;
  title: string;
  version: number;
  changeNote: string | null;
  recipientName: string;
}

export interface DigestItem {
  kind: NotificationKind;
  /** The insight it is about (insight kinds), shown as #id. */
  insightId: number | null;
  /** The department it concerns, or for a guideline its title, or for a KPI alert the KPI's name. */
  departmentName: string;
  excerpt: string;
  at: Date;
}

export type MailKind = keyof MailTemplates;

type Template<D> = (data: D, ctx: { appUrl: string; locale: Locale }) => Omit<MailContent, "lang" | "footer">;

const CONNECTOR_ERRORS: Record<Locale, Record<string, string>> = { de: deConnectors.fetchErrors, en: enConnectors.fetchErrors };
/** A connector failure's code in the recipient's words (the connector page's wording). */
const connectorError = (locale: Locale, code: string) => CONNECTOR_ERRORS[locale][code] ?? code;

const CATEGORY_LABELS: Record<Locale, Record<InsightCategory, string>> = {
  de: deInsights.category,
  en: enInsights.category,
};

const FOOTER: Record<Locale, string> = {
  de: "Diese Nachricht kommt automatisch aus dem Social-Media-Koordinations-Dashboard.",
  en: "This message was sent automatically by the social media coordination dashboard.",
};

/** Long texts are cut at a word boundary so the mail stays readable; the link leads to the whole. */
export function excerpt(s: string, max = 280): string {
  const flat = s.trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()} …`;
}

const DIGEST_LINES: Record<Locale, Record<DigestItem["kind"], (subject: string) => string>> = {
  de: {
    insight_routed: (dep) => `neue Erkenntnis für ${dep}`,
    sla_due_soon: (dep) => `Frist läuft bald ab bei ${dep}`,
    sla_overdue: (dep) => `Frist überschritten bei ${dep}`,
    kpi_alert: (kpi) => `KPI-Warnung: ${kpi}`,
    crisis_alert: () => "Krisenwarnung",
    guideline_published: (title) => `neue Richtlinie: ${title}`,
    guideline_reminder: (title) => `Richtlinie noch nicht bestätigt: ${title}`,
    connector_paused: (name) => `Anbindung pausiert: ${name}`,
    crisis_step_overdue: (crisis) => `Krisenschritt überfällig: ${crisis}`,
    crisis_briefing: (crisis) => `Krisen-Briefing: ${crisis}`,
  },
  en: {
    insight_routed: (dep) => `new insight for ${dep}`,
    sla_due_soon: (dep) => `due soon at ${dep}`,
    sla_overdue: (dep) => `overdue at ${dep}`,
    kpi_alert: (kpi) => `KPI alert: ${kpi}`,
    crisis_alert: () => "crisis alert",
    guideline_published: (title) => `new guideline: ${title}`,
    guideline_reminder: (title) => `guideline not yet acknowledged: ${title}`,
    connector_paused: (name) => `connector paused: ${name}`,
    crisis_step_overdue: (crisis) => `crisis step overdue: ${crisis}`,
    crisis_briefing: (crisis) => `crisis briefing: ${crisis}`,
  },
};

const UNIT_SUFFIX: Record<KpiUnit, string> = { count: "", percent: " %", percent_unbounded: " %", eur: " €", hours: " h", score: "" };

function formatValue(value: number | null, unit: KpiUnit, locale: Locale): string {
  if (value == null) return "–";
  return `${new Intl.NumberFormat(locale === "de" ? "de-DE" : "en-GB", { maximumFractionDigits: 2 }).format(value)}${UNIT_SUFFIX[unit]}`;
}

const SEVERITY: Record<Locale, Record<"warning" | "critical", string>> = {
  de: { warning: "Warnung", critical: "kritisch" },
  en: { warning: "warning", critical: "critical" },
};

function formatDue(d: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Berlin",
  }).format(d);
}

const TEMPLATES: { [K in MailKind]: Record<Locale, Template<MailTemplates[K]>> } = {
  insight_routed: {
    de: (d, { appUrl, locale }) => ({
      subject: `${d.reassigned ? "Weitergeleitet" : "Neu"} für ${d.departmentName}: ${CATEGORY_LABELS[locale][d.category]} #${d.insightId}`,
      greeting: `Hallo ${d.recipientName},`,
      paragraphs: [
        d.reassigned
          ? `eine Erkenntnis (${CATEGORY_LABELS[locale][d.category]}) wurde an ${d.departmentName} weitergeleitet und wartet auf Ihre Annahme.`
          : `eine neue Erkenntnis (${CATEGORY_LABELS[locale][d.category]}) wurde ${d.departmentName} zugeordnet und wartet auf Ihre Annahme.`,
        ...(d.slaDueAt ? [`Bitte nehmen Sie sie bis ${formatDue(d.slaDueAt, locale)} an.`] : []),
      ],
      quote: excerpt(d.text),
      link: { label: "Erkenntnis öffnen", url: `${appUrl}/insights/${d.insightId}` },
    }),
    en: (d, { appUrl, locale }) => ({
      subject: `${d.reassigned ? "Reassigned" : "New"} for ${d.departmentName}: ${CATEGORY_LABELS[locale][d.category]} #${d.insightId}`,
      greeting: `Hello ${d.recipientName},`,
      paragraphs: [
        d.reassigned
          ? `an insight (${CATEGORY_LABELS[locale][d.category]}) was reassigned to ${d.departmentName} and is waiting for you to accept it.`
          : `a new insight (${CATEGORY_LABELS[locale][d.category]}) was routed to ${d.departmentName} and is waiting for you to accept it.`,
        ...(d.slaDueAt ? [`Please accept it by ${formatDue(d.slaDueAt, locale)}.`] : []),
      ],
      quote: excerpt(d.text),
      link: { label: "Open the insight", url: `${appUrl}/insights/${d.insightId}` },
    }),
  },
  sla_due_soon: {
    de: (d, { appUrl, locale }) => ({
      subject: `Frist läuft bald ab: ${CATEGORY_LABELS[locale][d.category]} #${d.insightId} für ${d.departmentName}`,
      greeting: `Hallo ${d.recipientName},`,
      paragraphs: [
        `eine Erkenntnis (${CATEGORY_LABELS[locale][d.category]}) für ${d.departmentName} ist noch nicht angenommen. Die Frist endet ${formatDue(d.dueAt, locale)}.`,
      ],
      quote: excerpt(d.text),
      link: { label: "Erkenntnis öffnen", url: `${appUrl}/insights/${d.insightId}` },
    }),
    en: (d, { appUrl, locale }) => ({
      subject: `Due soon: ${CATEGORY_LABELS[locale][d.category]} #${d.insightId} for ${d.departmentName}`,
      greeting: `Hello ${d.recipientName},`,
      paragraphs: [
        `an insight (${CATEGORY_LABELS[locale][d.category]}) for ${d.departmentName} has not been accepted yet. It is due ${formatDue(d.dueAt, locale)}.`,
      ],
      quote: excerpt(d.text),
      link: { label: "Open the insight", url: `${appUrl}/insights/${d.insightId}` },
    }),
  },
  sla_overdue: {
    de: (d, { appUrl, locale }) => ({
      subject: `Frist überschritten: ${CATEGORY_LABELS[locale][d.category]} #${d.insightId} bei ${d.departmentName}`,
      greeting: `Hallo ${d.recipientName},`,
      paragraphs: [
        `die Frist einer Erkenntnis (${CATEGORY_LABELS[locale][d.category]}) bei ${d.departmentName} ist am ${formatDue(d.dueAt, locale)} abgelaufen, ohne dass sie erledigt wurde. Bitte klären Sie mit der Abteilung, wie es weitergeht.`,
      ],
      quote: excerpt(d.text),
      link: { label: "Erkenntnis öffnen", url: `${appUrl}/insights/${d.insightId}` },
    }),
    en: (d, { appUrl, locale }) => ({
      subject: `Overdue: ${CATEGORY_LABELS[locale][d.category]} #${d.insightId} at ${d.departmentName}`,
      greeting: `Hello ${d.recipientName},`,
      paragraphs: [
        `an insight (${CATEGORY_LABELS[locale][d.category]}) at ${d.departmentName} was due ${formatDue(d.dueAt, locale)} and is still open. Please agree with the department how to go on.`,
      ],
      quote: excerpt(d.text),
      link: { label: "Open the insight", url: `${appUrl}/insights/${d.insightId}` },
    }),
  },
  kpi_alert: {
    de: (d, { appUrl, locale }) => ({
      subject: `${d.escalated ? "KPI jetzt kritisch" : d.severity === "critical" ? "KPI kritisch" : "KPI-Warnung"}: ${d.kpiName} (${d.departmentName})`,
      greeting: `Hallo ${d.recipientName},`,
      paragraphs: [
        d.escalated
          ? `die Warnung zur KPI „${d.kpiName}“ (${d.departmentName}) ist jetzt kritisch. Aktueller Wert: ${formatValue(d.value, d.unit, locale)}.`
          : `die KPI „${d.kpiName}“ (${d.departmentName}) hat ihren Schwellenwert überschritten (${SEVERITY.de[d.severity]}). Aktueller Wert: ${formatValue(d.value, d.unit, locale)}.`,
        "Bitte prüfen Sie die Ursache und bestätigen Sie die Warnung mit einem Kommentar, was geschieht.",
      ],
      link: { label: "KPI öffnen", url: `${appUrl}/kpis/${d.kpiId}` },
    }),
    en: (d, { appUrl, locale }) => ({
      subject: `${d.escalated ? "KPI now critical" : d.severity === "critical" ? "KPI critical" : "KPI alert"}: ${d.kpiName} (${d.departmentName})`,
      greeting: `Hello ${d.recipientName},`,
      paragraphs: [
        d.escalated
          ? `the alert on the KPI “${d.kpiName}” (${d.departmentName}) is now critical. Current value: ${formatValue(d.value, d.unit, locale)}.`
          : `the KPI “${d.kpiName}” (${d.departmentName}) crossed its threshold (${SEVERITY.en[d.severity]}). Current value: ${formatValue(d.value, d.unit, locale)}.`,
        "Please look into the cause and acknowledge the alert with a comment on what is being done.",
      ],
      link: { label: "Open the KPI", url: `${appUrl}/kpis/${d.kpiId}` },
    }),
  },
  crisis_alert: {
    de: (d, { appUrl }) => ({
      subject: d.escalated ? "Krisenwarnung jetzt kritisch" : `Krisenwarnung (${SEVERITY.de[d.severity]}): ungewöhnlich viele negative Stimmen`,
      greeting: `Hallo ${d.recipientName},`,
      paragraphs: [
        `${d.escalated ? "die Krisenwarnung ist jetzt kritisch" : "die Krisen-Frühwarnung hat angeschlagen"}: ${d.current ?? "–"} negative Erkenntnisse in ${d.windowHours} Stunden, deutlich mehr als üblich.`,
        "Bitte stimmen Sie sich sofort mit der Unternehmenskommunikation ab. Diese Benachrichtigung lässt sich nicht abschalten.",
      ],
      link: d.crisisId ? { label: "Krisenraum öffnen", url: `${appUrl}/crisis/${d.crisisId}` } : { label: "Warnungen öffnen", url: `${appUrl}/alerts?kind=crisis` },
    }),
    en: (d, { appUrl }) => ({
      subject: d.escalated ? "Crisis alert now critical" : `Crisis alert (${SEVERITY.en[d.severity]}): unusually many negative voices`,
      greeting: `Hello ${d.recipientName},`,
      paragraphs: [
        `${d.escalated ? "the crisis alert is now critical" : "the crisis early warning fired"}: ${d.current ?? "–"} negative insights in ${d.windowHours} hours, far more than usual.`,
        "Please coordinate with corporate communications at once. This notification cannot be switched off.",
      ],
      link: d.crisisId ? { label: "Open the crisis room", url: `${appUrl}/crisis/${d.crisisId}` } : { label: "Open the alerts", url: `${appUrl}/alerts?kind=crisis` },
    }),
  },
  guideline_published: {
    de: (d, { appUrl }) => ({
      subject: `Neue Richtlinie: ${d.title} (Version ${d.version})`,
      greeting: `Hallo ${d.recipientName},`,
      paragraphs: [
        `die Richtlinie „${d.title}“ wurde in Version ${d.version} veröffentlicht und gilt für Sie. Bitte lesen Sie sie und bestätigen Sie, dass Sie sie zur Kenntnis genommen haben.`,
      ],
      ...(d.changeNote ? { quote: excerpt(d.changeNote) } : {}),
      link: { label: "Richtlinie lesen", url: `${appUrl}/guidelines/${d.guidelineId}` },
    }),
    en: (d, { appUrl }) => ({
      subject: `New guideline: ${d.title} (version ${d.version})`,
      greeting: `Hello ${d.recipientName},`,
      paragraphs: [`version ${d.version} of the guideline “${d.title}” was published and applies to you. Please read it and confirm that you have taken note of it.`],
      ...(d.changeNote ? { quote: excerpt(d.changeNote) } : {}),
      link: { label: "Read the guideline", url: `${appUrl}/guidelines/${d.guidelineId}` },
    }),
  },
  guideline_reminder: {
    de: (d, { appUrl }) => ({
      subject: `Erinnerung: Richtlinie „${d.title}“ noch nicht bestätigt`,
      greeting: `Hallo ${d.recipientName},`,
      paragraphs: [
        `vor einer Woche wurde die Richtlinie „${d.title}“ (Version ${d.version}) veröffentlicht. Sie haben noch nicht bestätigt, dass Sie sie gelesen haben. Dies ist die einzige Erinnerung.`,
      ],
      link: { label: "Richtlinie lesen und bestätigen", url: `${appUrl}/guidelines/${d.guidelineId}` },
    }),
    en: (d, { appUrl }) => ({
      subject: `Reminder: guideline “${d.title}” not yet acknowledged`,
      greeting: `Hello ${d.recipientName},`,
      paragraphs: [
        `a week ago the guideline “${d.title}” (version ${d.version}) was published. You have not yet confirmed that you read it. This is the only reminder.`,
      ],
      link: { label: "Read and acknowledge the guideline", url: `${appUrl}/guidelines/${d.guidelineId}` },
    }),
  },
  connector_paused: {
    de: (d, { appUrl }) => ({
      subject: `Anbindung pausiert: ${d.connectorName} (${d.channelName})`,
      greeting: `Hallo ${d.recipientName},`,
      paragraphs: [
        `die Anbindung „${d.connectorName}“ des Kanals „${d.channelName}“ ist fünfmal in Folge gescheitert und wurde pausiert. Bis sie fortgesetzt wird, kommt von dort nichts herein.`,
        ...(d.errorCode ? [`Zuletzt: ${connectorError("de", d.errorCode)}`] : []),
      ],
      link: { label: "Anbindung prüfen", url: `${appUrl}/channels/${d.channelId}` },
    }),
    en: (d, { appUrl }) => ({
      subject: `Connector paused: ${d.connectorName} (${d.channelName})`,
      greeting: `Hello ${d.recipientName},`,
      paragraphs: [
        `the connector “${d.connectorName}” of the channel “${d.channelName}” failed five times in a row and was paused. Until it is resumed, nothing comes in from there.`,
        ...(d.errorCode ? [`Last: ${connectorError("en", d.errorCode)}`] : []),
      ],
      link: { label: "Check the connector", url: `${appUrl}/channels/${d.channelId}` },
    }),
  },
  crisis_step_overdue: {
    de: (d, { appUrl, locale }) => ({
      subject: `Überfällig in der Krise „${d.crisisTitle}“: ${d.stepTitle}`,
      greeting: `Hallo ${d.recipientName},`,
      paragraphs: [`der Schritt „${d.stepTitle}“ der Krise „${d.crisisTitle}“ war bis ${formatDue(d.dueAt, locale)} fällig und ist noch nicht erledigt.`],
      link: { label: "Krisenraum öffnen", url: `${appUrl}/crisis/${d.crisisId}` },
    }),
    en: (d, { appUrl, locale }) => ({
      subject: `Overdue in the crisis “${d.crisisTitle}”: ${d.stepTitle}`,
      greeting: `Hello ${d.recipientName},`,
      paragraphs: [`the step “${d.stepTitle}” of the crisis “${d.crisisTitle}” was due by ${formatDue(d.dueAt, locale)} and is not done yet.`],
      link: { label: "Open the crisis room", url: `${appUrl}/crisis/${d.crisisId}` },
    }),
  },
  crisis_briefing: {
    de: (d, { appUrl, locale }) => ({
      subject: `Bitte um Unterstützung: ${d.crisisTitle}`,
      greeting: `Hallo ${d.recipientName},`,
      paragraphs: [
        "Sie haben zugestimmt, im Krisenfall für uns zu sprechen. Das ist passiert:",
        d.message,
        ...(d.statement ? [`Unsere abgestimmte Stellungnahme:\n${d.statement}`] : []),
        ...(d.dos ? [`Bitte:\n${d.dos}`] : []),
        ...(d.donts ? [`Bitte nicht:\n${d.donts}`] : []),
        ...(d.links.length ? [`Links:\n${d.links.join("\n")}`] : []),
        `Über den Link unten bestätigen Sie, dass Sie das Briefing gelesen haben, und können melden, was Sie getan haben (der Link gilt bis ${formatDue(d.expiresAt, locale)} und nur für Sie).`,
      ],
      link: { label: "Briefing öffnen", url: `${appUrl}${d.path}` },
    }),
    en: (d, { appUrl, locale }) => ({
      subject: `Asking for your support: ${d.crisisTitle}`,
      greeting: `Hello ${d.recipientName},`,
      paragraphs: [
        "You agreed to speak for us in a crisis. This is what happened:",
        d.message,
        ...(d.statement ? [`Our agreed statement:\n${d.statement}`] : []),
        ...(d.dos ? [`Please:\n${d.dos}`] : []),
        ...(d.donts ? [`Please don't:\n${d.donts}`] : []),
        ...(d.links.length ? [`Links:\n${d.links.join("\n")}`] : []),
        `With the link below you confirm that you read the briefing and can tell us what you did (it is valid until ${formatDue(d.expiresAt, locale)} and for you only).`,
      ],
      link: { label: "Open the briefing", url: `${appUrl}${d.path}` },
    }),
  },
  digest: {
    de: (d, { appUrl, locale }) => ({
      subject: `Ihre Benachrichtigungen: ${d.items.length + d.more} neu`,
      greeting: `Hallo ${d.recipientName},`,
      paragraphs: [
        "seit der letzten Zusammenfassung ist Folgendes passiert:",
        ...d.items.map((i) => `${formatDue(i.at, locale)} – ${DIGEST_LINES.de[i.kind](i.departmentName)}${i.insightId ? ` (#${i.insightId})` : ""}: ${excerpt(i.excerpt, 140)}`),
        ...(d.more ? [`… und ${d.more} weitere.`] : []),
      ],
      link: { label: "Alle Benachrichtigungen öffnen", url: `${appUrl}/notifications` },
    }),
    en: (d, { appUrl, locale }) => ({
      subject: `Your notifications: ${d.items.length + d.more} new`,
      greeting: `Hello ${d.recipientName},`,
      paragraphs: [
        "this happened since your last summary:",
        ...d.items.map((i) => `${formatDue(i.at, locale)} – ${DIGEST_LINES.en[i.kind](i.departmentName)}${i.insightId ? ` (#${i.insightId})` : ""}: ${excerpt(i.excerpt, 140)}`),
        ...(d.more ? [`… and ${d.more} more.`] : []),
      ],
      link: { label: "Open all notifications", url: `${appUrl}/notifications` },
    }),
  },
  test: {
    de: (d, { appUrl }) => ({
      subject: "Testnachricht aus dem Social-Media-Koordinations-Dashboard",
      greeting: `Hallo ${d.recipientName},`,
      paragraphs: ["diese Nachricht prüft den E-Mail-Versand. Wenn Sie sie lesen, kommen Benachrichtigungen an."],
      link: { label: "Postausgang öffnen", url: `${appUrl}/admin/outbox` },
    }),
    en: (d, { appUrl }) => ({
      subject: "Test message from the social media coordination dashboard",
      greeting: `Hello ${d.recipientName},`,
      paragraphs: ["this message checks that mail is delivered. If you can read it, notifications will arrive."],
      link: { label: "Open the outbox", url: `${appUrl}/admin/outbox` },
    }),
  },
};

/**
 * Renders a mail in the recipient's language: subject, plain text and HTML. `appUrl` is the base
 * for links (lib/env `appUrl()`), passed in so this stays a pure function.
 */
export function renderMail<K extends MailKind>(kind: K, locale: Locale, data: MailTemplates[K], opts: { appUrl: string }): RenderedMail {
  const appUrl = opts.appUrl.replace(/\/+$/, "");
  const template = TEMPLATES[kind][locale] as Template<MailTemplates[K]>;
  return layoutMail({ ...template(data, { appUrl, locale }), lang: locale, footer: FOOTER[locale] });
}
