import { addDays, format } from "date-fns";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import {
  businessProcesses,
  channelAssignments,
  channels,
  type ChannelStatus,
  departments,
  type Platform,
  type Responsibility,
  users,
} from "../schema";

/** Business processes per department slug; KPIs hang on these. */
export const DEMO_PROCESSES: Record<string, { name: string; description: string }[]> = {
  "forschung-entwicklung": [
    { name: "Produktentwicklung", description: "Anforderungen und Rückmeldungen aus dem Markt fließen in neue Getriebe- und Antriebsgenerationen." },
    { name: "Innovationsmanagement", description: "Ideen von Anwendern und Partnern sammeln, bewerten und in Vorprojekte überführen." },
  ],
  kundenservice: [
    { name: "Kundenservice", description: "Anfragen zu Ersatzteilen, Wartung und Inbetriebnahme schnell und vollständig beantworten." },
    { name: "Reklamationsmanagement", description: "Reklamationen aufnehmen, Ursachen klären und den Kunden über die Lösung informieren." },
  ],
  personal: [
    { name: "Recruiting", description: "Fach- und Nachwuchskräfte für Entwicklung, Produktion und Vertrieb gewinnen." },
    { name: "Employer Branding", description: "Brenner als attraktiven Arbeitgeber in der Region Stuttgart sichtbar machen." },
  ],
  vertrieb: [
    { name: "Leadgenerierung", description: "Kaufinteresse aus Fachbeiträgen, Messen und Netzwerken erkennen und qualifizieren." },
    { name: "Key-Account-Management", description: "Die Beziehungen zu den wichtigsten Maschinenbau-Kunden pflegen." },
  ],
  marketing: [
    { name: "Markenführung", description: "Ein einheitliches Bild der Marke Brenner über alle Kanäle." },
    { name: "Kampagnenmanagement", description: "Kampagnen zu Produktneuheiten und Messen planen, steuern und auswerten." },
  ],
  unternehmenskommunikation: [
    { name: "Krisenkommunikation", description: "Frühwarnung, Sprachregelungen und schnelle, abgestimmte Reaktion im Krisenfall." },
    { name: "Presse- und Öffentlichkeitsarbeit", description: "Meldungen, Fachpresse und die Kommunikation mit der Öffentlichkeit." },
  ],
  finanzen: [{ name: "Investor Relations", description: "Gesellschafter und Banken verlässlich und rechtzeitig informieren." }],
  produktion: [
    { name: "Qualitätsmanagement", description: "Prüfergebnisse und Feldrückmeldungen in die Fertigung zurückführen." },
    { name: "Lieferantenkommunikation", description: "Liefertermine, Qualitätsthemen und Änderungen mit Lieferanten abstimmen." },
  ],
};

interface DemoChannel {
  platform: Platform;
  handle: string;
  name: string;
  url: string;
  status: ChannelStatus;
  owner: string;
  deputy: string | null;
  /** Days from the seed day to the next review; negative means overdue. */
  reviewInDays: number;
  departments: Record<string, Responsibility>;
  strategy: [string, string, string, string, string];
}

const OTHERS_READ_WIKI = ["forschung-entwicklung", "kundenservice", "personal", "vertrieb", "marketing", "produktion"];

/** About fifteen channels with realistic owners and some gaps on purpose (see the comments). */
export const DEMO_CHANNELS: DemoChannel[] = [
  {
    platform: "facebook", handle: "brenner.antriebstechnik", name: "Brenner Antriebstechnik", url: "https://www.facebook.com/brenner.antriebstechnik",
    status: "active", owner: "head.marketing@example.com", deputy: "employee@example.com", reviewInDays: 75,
    departments: { marketing: "owner", kundenservice: "contributor" },
    strategy: ["Ja, vor allem Anwender und Instandhalter aus der Region.", "Reichweite für Produktneuheiten und Messen, Nähe zu Anwendern.", "Schnelle Antworten, Tipps zur Wartung, Einblicke ins Unternehmen.", "Instandhalter, Einkäufer im Mittelstand, Nachbarn am Standort.", "Kunden mit Serviceanliegen, Interessenten, Anwohner."],
  },
  {
    platform: "instagram", handle: "brenner_antriebe", name: "Brenner Antriebe", url: "https://www.instagram.com/brenner_antriebe",
    status: "active", owner: "employee@example.com", deputy: "head.marketing@example.com", reviewInDays: 60,
    departments: { marketing: "owner" },
    strategy: ["Teilweise: jüngere Techniker und Studierende.", "Sichtbarkeit der Marke, Bilder aus Fertigung und Anwendungen.", "Anschauliche Technik, Blick hinter die Kulissen.", "Nachwuchs, technikbegeisterte Öffentlichkeit.", "Fans der Marke, gelegentlich Bewerberinnen und Bewerber."],
  },
  {
    platform: "x", handle: "BrennerAntrieb", name: "Brenner auf X", url: "https://x.com/BrennerAntrieb",
    status: "active", owner: "manager@example.com", deputy: "sophie.wolf@example.com", reviewInDays: 45,
    departments: { unternehmenskommunikation: "owner", marketing: "contributor" },
    strategy: ["Ja: Fachpresse, Verbände und Multiplikatoren.", "Schnelle Verbreitung von Meldungen, Frühwarnung bei Kritik.", "Aktuelle, verlässliche Informationen aus erster Hand.", "Journalistinnen und Journalisten, Verbände, Politik vor Ort.", "Presse mit Rückfragen, Kritiker, Kunden mit Beschwerden."],
  },
  {
    platform: "linkedin", handle: "brenner-antriebstechnik", name: "Brenner Antriebstechnik GmbH", url: "https://www.linkedin.com/company/brenner-antriebstechnik",
    status: "active", owner: "sophie.wolf@example.com", deputy: "manager@example.com", reviewInDays: 90,
    departments: { unternehmenskommunikation: "owner", vertrieb: "contributor", personal: "contributor", "forschung-entwicklung": "reader" },
    strategy: ["Ja, Entscheider im Maschinenbau sind hier aktiv.", "Leads, Fachkräfte und Ansehen als Technologieführer.", "Fachwissen, Branchentrends und Kontakt zu Ansprechpartnern.", "Konstruktionsleiter, Einkauf, Fach- und Führungskräfte.", "Interessenten mit Projektanfragen, Bewerber, Partner."],
  },
  {
    platform: "xing", handle: "brenner-antriebstechnik", name: "Brenner Antriebstechnik (XING)", url: "https://www.xing.com/pages/brenner-antriebstechnik",
    status: "active", owner: "head.hr@example.com", deputy: "lukas.meyer@example.com", reviewInDays: 120,
    departments: { personal: "owner", vertrieb: "contributor" },
    strategy: ["Ja, erfahrene Fachkräfte im DACH-Raum.", "Bewerbungen erfahrener Ingenieurinnen und Ingenieure.", "Einblick in Arbeitsalltag und Entwicklungsmöglichkeiten.", "Berufserfahrene Technikerinnen, Techniker und Vertriebler.", "Wechselwillige Fachkräfte, Personalberater."],
  },
  {
    platform: "youtube", handle: "brennertv", name: "Brenner TV", url: "https://www.youtube.com/@brennertv",
    status: "active", owner: "head.marketing@example.com", deputy: "employee@example.com", reviewInDays: 100,
    departments: { marketing: "owner", "forschung-entwicklung": "contributor" },
    strategy: ["Ja, Anwender suchen hier Erklärvideos.", "Weniger Serviceanfragen, stärkere Marke.", "Anleitungen und Produktvorstellungen zum Nachschauen.", "Anwender, Konstrukteure, Auszubildende.", "Anwender mit Fragen zu Montage und Betrieb."],
  },
  {
    platform: "tiktok", handle: "brenner.azubis", name: "Brenner Azubis", url: "https://www.tiktok.com/@brenner.azubis",
    status: "planned", owner: "lukas.meyer@example.com", deputy: "head.hr@example.com", reviewInDays: 30,
    departments: { personal: "owner" },
    strategy: ["Ja, Schülerinnen und Schüler vor der Berufswahl.", "Mehr Bewerbungen für Ausbildungsplätze.", "Echte Einblicke von Azubis für Azubis.", "Schulabgängerinnen und Schulabgänger in der Region.", "Interessierte Jugendliche und ihre Eltern."],
  },
  {
    platform: "mastodon", handle: "brenner@social.example", name: "Brenner (Mastodon)", url: "https://social.example/@brenner",
    status: "paused", owner: "sophie.wolf@example.com", deputy: "manager@example.com", reviewInDays: 150,
    departments: { unternehmenskommunikation: "owner" },
    strategy: ["Bisher kaum; pausiert bis zur nächsten Bewertung.", "Unabhängigkeit von großen Plattformen.", "Werbefreie, sachliche Informationen.", "Technik-Community, Open-Source-Anwender.", "Einzelne Fachleute aus der Community."],
  },
  {
    platform: "blog", handle: "technik-blog", name: "Brenner Technik-Blog", url: "https://www.brenner-antriebstechnik.example/blog",
    status: "active", owner: "head.rnd@example.com", deputy: "paul.klein@example.com", reviewInDays: 80,
    departments: { "forschung-entwicklung": "owner", marketing: "contributor" },
    strategy: ["Ja, Konstrukteure recherchieren gezielt.", "Fachliche Autorität, Suchmaschinen-Sichtbarkeit, Leads.", "Tiefgehendes Wissen zu Auslegung und Effizienz.", "Konstrukteure, Entwicklungsingenieure, Hochschulen.", "Fachleute mit Detailfragen und Projektideen."],
  },
  {
    platform: "wiki", handle: "social-media-wiki", name: "Social-Media-Wiki (intern)", url: "https://wiki.brenner-antriebstechnik.example/social-media",
    status: "active", owner: "manager@example.com", deputy: "sophie.wolf@example.com", reviewInDays: 180,
    departments: { unternehmenskommunikation: "owner", ...Object.fromEntries(OTHERS_READ_WIKI.map((s) => [s, "reader" as const])) },
    strategy: ["Ja, alle Mitarbeitenden mit Social-Media-Bezug.", "Einheitliche Regeln, weniger Rückfragen.", "Leitfäden, Vorlagen und Ansprechpartner an einem Ort.", "Alle Abteilungen, die Kanäle nutzen oder nutzen wollen.", "Mitarbeitende mit Fragen zum Umgang mit sozialen Medien."],
  },
  {
    platform: "forum", handle: "anwenderforum", name: "Brenner Anwenderforum", url: "https://forum.brenner-antriebstechnik.example",
    status: "active", owner: "head.service@example.com", deputy: "laura.richter@example.com", reviewInDays: 40,
    departments: { kundenservice: "owner", "forschung-entwicklung": "contributor" },
    strategy: ["Ja, unsere Anwender tauschen sich hier aus.", "Hilfe zur Selbsthilfe, Produktfeedback direkt an die Entwicklung.", "Antworten von Fachleuten und anderen Anwendern.", "Anwender und Servicetechniker unserer Kunden.", "Kunden mit Störungen, Anwender mit Verbesserungsideen."],
  },
  {
    platform: "linkedin", handle: "brenner-karriere", name: "Brenner Karriere", url: "https://www.linkedin.com/showcase/brenner-karriere",
    status: "active", owner: "head.hr@example.com", deputy: "lukas.meyer@example.com", reviewInDays: 70,
    departments: { personal: "owner" },
    strategy: ["Ja, Fach- und Führungskräfte.", "Bewerbungen, Arbeitgeberimage.", "Offene Stellen und Einblicke in Teams.", "Ingenieurinnen, Ingenieure und Fachkräfte.", "Bewerberinnen und Bewerber mit Fragen."],
  },
  {
    // Gap on purpose: an active channel without a deputy.
    platform: "instagram", handle: "brenner_karriere", name: "Brenner Karriere (Instagram)", url: "https://www.instagram.com/brenner_karriere",
    status: "active", owner: "lukas.meyer@example.com", deputy: null, reviewInDays: 50,
    departments: { personal: "owner" },
    strategy: ["Teilweise: Auszubildende und Studierende.", "Nachwuchs für Ausbildung und duales Studium.", "Authentische Einblicke in die Ausbildung.", "Schülerinnen, Schüler und Studierende.", "Junge Interessierte mit Fragen zur Ausbildung."],
  },
  {
    // Gap on purpose: the review date has passed.
    platform: "facebook", handle: "brenner.service", name: "Brenner Service", url: "https://www.facebook.com/brenner.service",
    status: "active", owner: "mia.schulz@example.com", deputy: "head.service@example.com", reviewInDays: -21,
    departments: { kundenservice: "owner" },
    strategy: ["Ja, viele Bestandskunden melden sich hier.", "Serviceanfragen früh erkennen, Zufriedenheit steigern.", "Schnelle Hilfe ohne Warteschleife.", "Bestandskunden und ihre Instandhaltung.", "Kunden mit Störungen, Ersatzteil- und Wartungsfragen."],
  },
  {
    platform: "youtube", handle: "brenner-schulung", name: "Brenner Schulungsvideos", url: "https://www.youtube.com/@brenner-schulung",
    status: "retired", owner: "laura.richter@example.com", deputy: "mia.schulz@example.com", reviewInDays: 0,
    departments: { kundenservice: "owner" },
    strategy: ["Früher ja; heute im Kanal Brenner TV gebündelt.", "Weniger Schulungsaufwand vor Ort.", "Schulungen zum Nachschauen.", "Servicetechniker unserer Kunden.", "Kunden mit Schulungsbedarf."],
  },
];

/** Seeds the channel register and business processes; keyed on (platform, handle) and (department, name). */
export async function seedChannels(db: Executor, today: Date = new Date()): Promise<void> {
  const deps = await db.select({ id: departments.id, slug: departments.slug }).from(departments);
  const depId = new Map(deps.map((d) => [d.slug, d.id]));
  const people = await db.select({ id: users.id, email: users.email }).from(users);
  const userId = new Map(people.map((p) => [p.email, p.id]));

  const processRows = Object.entries(DEMO_PROCESSES).flatMap(([slug, list]) =>
    depId.has(slug) ? list.map((p) => ({ departmentId: depId.get(slug)!, ...p })) : [],
  );
  if (processRows.length) await db.insert(businessProcesses).values(processRows).onConflictDoNothing();

  for (const c of DEMO_CHANNELS) {
    const [existing] = await db
      .select({ id: channels.id })
      .from(channels)
      .where(and(eq(channels.platform, c.platform), sql`lower(${channels.handle}) = lower(${c.handle})`))
      .limit(1);
    if (existing) continue;
    const [s1, s2, s3, s4, s5] = c.strategy;
    const [row] = await db
      .insert(channels)
      .values({
        platform: c.platform,
        handle: c.handle,
        name: c.name,
        url: c.url,
        status: c.status,
        ownerId: userId.get(c.owner) ?? null,
        deputyId: c.deputy ? (userId.get(c.deputy) ?? null) : null,
        nextReviewOn: c.status === "retired" ? null : format(addDays(today, c.reviewInDays), "yyyy-MM-dd"),
        targetGroupsPresent: s1,
        ourGain: s2,
        theirGain: s3,
        intendedAudience: s4,
        inboundAudience: s5,
      })
      .returning({ id: channels.id });
    const assignments = Object.entries(c.departments)
      .filter(([slug]) => depId.has(slug))
      .map(([slug, responsibility]) => ({ channelId: row.id, departmentId: depId.get(slug)!, responsibility }));
    if (assignments.length) await db.insert(channelAssignments).values(assignments).onConflictDoNothing();
  }
}
