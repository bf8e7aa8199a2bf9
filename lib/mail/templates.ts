/**
 * Every mail the app sends, German and English side by side. A template turns the event's data
 * into plain strings; lib/mail/render.ts lays them out as text and (escaped) HTML. Add a kind by
 * adding its data type to MailTemplates and its entry to TEMPLATES; the type checker then asks
 * for both languages.
 */
import deInsights from "@/messages/de/insights.json";
import enInsights from "@/messages/en/insights.json";
import type { InsightCategory, Locale } from "@/lib/enums";
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

export interface DigestItem {
  kind: "insight_routed" | "sla_due_soon" | "sla_overdue";
  insightId: number | null;
  departmentName: string;
  excerpt: string;
  at: Date;
}

export type MailKind = keyof MailTemplates;

type Template<D> = (data: D, ctx: { appUrl: string; locale: Locale }) => Omit<MailContent, "lang" | "footer">;

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

const DIGEST_LINES: Record<Locale, Record<DigestItem["kind"], (department: string) => string>> = {
  de: {
    insight_routed: (dep) => `neue Erkenntnis für ${dep}`,
    sla_due_soon: (dep) => `Frist läuft bald ab bei ${dep}`,
    sla_overdue: (dep) => `Frist überschritten bei ${dep}`,
  },
  en: {
    insight_routed: (dep) => `new insight for ${dep}`,
    sla_due_soon: (dep) => `due soon at ${dep}`,
    sla_overdue: (dep) => `overdue at ${dep}`,
  },
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
