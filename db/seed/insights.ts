import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import { channels, departments, insightEvents, insights, routingRules, users, type InsightCategory, type Platform, type Sentiment } from "../schema";
import { classify } from "@/lib/insights/classifier";
import { compileRules, route } from "@/lib/routing/engine";

/**
 * Demo insights for Brenner Antriebstechnik: about eight routing rules and ~300 insights over the
 * last 90 days, routed by those rules (so the data agrees with them), in every status with a
 * history that matches: older ones mostly resolved or declined, recent ones open, some overdue.
 */

type Rule = Omit<typeof routingRules.$inferInsert, "departmentId" | "position"> & { department: string };

const RULES: Rule[] = [
  { name: "Krisensignale an die Unternehmenskommunikation", categories: ["crisis_signal"], department: "unternehmenskommunikation", slaHours: 2 },
  {
    name: "Rückruf- und Shitstorm-Begriffe",
    keywords: ["Rückruf", "Shitstorm", "Boykott", "recall", "boycott"],
    sentiments: ["negative"],
    department: "unternehmenskommunikation",
    slaHours: 4,
  },
  { name: "Beschwerden an den Kundenservice", categories: ["complaint"], department: "kundenservice", slaHours: 24 },
  { name: "Serviceanfragen an den Kundenservice", categories: ["service_request"], department: "kundenservice", slaHours: 48 },
  { name: "Bewerberfragen an Personal", categories: ["applicant_question"], department: "personal", slaHours: 48 },
  { name: "Fragen auf XING an Personal", categories: ["question"], platforms: ["xing"], department: "personal", slaHours: 72 },
  { name: "Vertriebschancen an den Vertrieb", categories: ["sales_lead"], department: "vertrieb", slaHours: 24 },
  { name: "Produktfeedback und Ideen an F&E", categories: ["product_feedback", "idea"], department: "forschung-entwicklung", slaHours: 120 },
  {
    name: "Technikfragen zum BX-400 an F&E (pausiert)",
    categories: ["question"],
    keywords: ["BX-400", "Servomotor"],
    department: "forschung-entwicklung",
    slaHours: 72,
    active: false,
  },
];

const CHANNELS: [Platform, string][] = [
  ["facebook", "brenner.antriebstechnik"],
  ["instagram", "brenner_antriebe"],
  ["x", "BrennerAntrieb"],
  ["linkedin", "brenner-antriebstechnik"],
  ["xing", "brenner-antriebstechnik"],
  ["youtube", "brennertv"],
  ["blog", "technik-blog"],
  ["forum", "anwenderforum"],
  ["linkedin", "brenner-karriere"],
  ["instagram", "brenner_karriere"],
  ["facebook", "brenner.service"],
];

const TEXTS: Record<InsightCategory, string[]> = {
  product_feedback: [
    "Der Servomotor BX-400 läuft bei uns seit einem Jahr im Dreischichtbetrieb – sehr zuverlässig, aber die Steckverbinder könnten robuster sein.",
    "Das neue Getriebe G-200 ist deutlich leiser als das Vorgängermodell. Gute Arbeit!",
    "Die Parametrier-Software für den FU-7 ist umständlich, man braucht fünf Klicks für eine einfache Rampe.",
    "The BX-400 documentation lacks torque curves for 48 V operation.",
    "Linear axis LA-50: great precision, but the cable chain is too short for our setup.",
  ],
  complaint: [
    "Seit drei Wochen warte ich auf das Ersatzteil für den FU-7. Niemand ruft zurück, das ist unzumutbar.",
    "Das gelieferte Getriebe war beschädigt, die Verpackung völlig unzureichend. Sehr enttäuschend.",
    "Die Hotline ist ständig besetzt, und per Mail kommt nur eine automatische Antwort. Schlechter Service.",
    "Ordered two BX-400 motors, received the wrong flange. Very disappointing.",
    "Your support never answered my ticket. Unacceptable for a premium supplier.",
  ],
  service_request: [
    "Wie setze ich beim FU-7 den Fehlerspeicher zurück? Die Anleitung hilft mir nicht weiter.",
    "Können Sie uns einen Techniker für die Wartung von vier Getrieben im Mai schicken?",
    "Gibt es für den BX-400 ein Firmware-Update? Wir haben Probleme mit dem Encoder.",
    "Where can I download the CAD data for the LA-50?",
    "Our G-200 gearbox needs an oil change – which oil do you recommend?",
  ],
  question: [
    "Stellen Sie auch auf der Hannover Messe aus? Welche Halle?",
    "Liefern Sie auch in die Schweiz, und wie lange dauert das?",
    "Is the BX-400 servo motor certified for use in the US (UL)?",
    "Welche Schutzart hat der Frequenzumrichter FU-7?",
    "Do you have a distributor in Poland?",
  ],
  sales_lead: [
    "Wir planen eine neue Verpackungslinie und brauchen rund 200 Servomotoren im Jahr. Wer ist unser Ansprechpartner?",
    "Bitte um ein Angebot für 50 Getriebe G-200 mit Sonderflansch.",
    "We are a packaging machine builder in Austria and look for a drive supplier for 300 axes per year.",
    "Interessiert an einer Rahmenvereinbarung für Linearachsen, bitte um Rückruf.",
  ],
  applicant_question: [
    "Bieten Sie noch Ausbildungsplätze als Mechatroniker für September an?",
    "Ich habe mich vor vier Wochen als Entwicklungsingenieurin beworben und noch nichts gehört. Wie ist der Stand?",
    "Kann man bei Ihnen ein duales Studium Elektrotechnik machen?",
    "Do you offer internships for international engineering students?",
    "Gibt es bei Brenner die Möglichkeit, in Teilzeit zu arbeiten?",
  ],
  idea: [
    "Idee: eine App, die den Verschleiß der Getriebe anzeigt und rechtzeitig an die Wartung erinnert.",
    "Wie wäre es mit einem Webinar zur Auslegung von Servoantrieben für Einsteiger?",
    "Suggestion: offer the BX-400 with an integrated brake as a standard option.",
    "Ein Online-Konfigurator für Getriebe würde uns viel Zeit sparen.",
  ],
  praise: [
    "Danke an das Service-Team, der Techniker war super schnell da und sehr kompetent!",
    "Tolles Video zum Einbau des G-200, hat uns sehr geholfen 👍",
    "Great customer service, thanks for the quick replacement!",
    "Seit 15 Jahren Brenner-Antriebe im Einsatz, nie Probleme gehabt. Top!",
  ],
  crisis_signal: [
    "Bei uns ist ein FU-7 in Rauch aufgegangen. Gibt es einen Rückruf? Andere berichten hier im Forum dasselbe!",
    "Shitstorm auf X: Ein Video zeigt angeblich ein brennendes Brenner-Getriebe. Stimmt das?",
    "Reports of overheating BX-400 motors are spreading on LinkedIn – is there a safety issue?",
  ],
};

const AUTHORS = ["@m.keller", "@anna_technik", "@ProdLeiterNord", "@j.bauer83", "@sarah.eng", "@maschinenbau_fan", "@t.yilmaz", "@karriere_lena", "@ops_manager_at", "@h.schneider"];

const RESOLUTIONS: Record<string, { note: string; ref?: string }[]> = {
  kundenservice: [{ note: "Ersatzteil versandt, Kunde telefonisch informiert.", ref: "SR-2024-" }, { note: "Techniker-Termin vereinbart.", ref: "SR-2024-" }],
  "forschung-entwicklung": [{ note: "In die Anforderungsliste für die nächste Produktgeneration aufgenommen.", ref: "JIRA-" }, { note: "Datenblatt wird ergänzt." }],
  personal: [{ note: "Bewerberin zurückgerufen, Gesprächstermin vereinbart." }, { note: "Antwort mit Link zu den Ausbildungsplätzen gesendet." }],
  vertrieb: [{ note: "Lead im CRM angelegt, Außendienst kontaktiert den Kunden.", ref: "CRM-" }],
  unternehmenskommunikation: [{ note: "Sachverhalt geprüft, Stellungnahme veröffentlicht." }],
};

let state = 20240901;
const rand = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const HOUR = 3_600_000;

export async function seedInsights(db: Executor, now = new Date()): Promise<void> {
  const deps = await db.select({ id: departments.id, slug: departments.slug, headUserId: departments.headUserId }).from(departments);
  const depId = new Map(deps.map((d) => [d.slug, d.id]));
  if (RULES.some((r) => !depId.has(r.department))) return;

  const existingRules = await db.select({ name: routingRules.name }).from(routingRules);
  if (existingRules.length === 0) {
    await db.insert(routingRules).values(RULES.map(({ department, ...r }, i) => ({ ...r, position: i + 1, departmentId: depId.get(department)! })));
  }
  const [{ id: managerId }] = await db.select({ id: users.id }).from(users).where(eq(users.email, "manager@example.com"));
  const deptUsers = await db.select({ id: users.id, departmentId: users.departmentId }).from(users).where(eq(users.active, true));
  const actorFor = (departmentId: number) =>
    deps.find((d) => d.id === departmentId)?.headUserId ?? deptUsers.find((u) => u.departmentId === departmentId)?.id ?? managerId;

  // Channels belong to the channel register; without them insights carry only their platform.
  const known = await db
    .select({ id: channels.id, platform: channels.platform, handle: channels.handle })
    .from(channels)
    .where(inArray(channels.handle, CHANNELS.map(([, h]) => h)));
  const channelId = (p: Platform, h: string) => known.find((c) => c.platform === p && c.handle === h)?.id ?? null;

  const rules = compileRules(await db.select().from(routingRules));
  const serviceDep = depId.get("kundenservice")!;
  const rows: (typeof insights.$inferInsert)[] = [];
  const histories: Omit<typeof insightEvents.$inferInsert, "insightId">[][] = [];
  const categories = Object.keys(TEXTS) as InsightCategory[];

  for (let i = 0; i < 320; i++) {
    const category = i % 11 === 0 ? "crisis_signal" : pick(categories.filter((c) => c !== "crisis_signal"));
    const text = pick(TEXTS[category]);
    const [platform, handle] = category === "applicant_question" ? pick(CHANNELS.filter(([, h]) => /karriere|xing|brenner-antriebstechnik/.test(h))) : pick(CHANNELS);
    // Recent days are busier, as on any live channel.
    const ageH = Math.floor(Math.pow(rand(), 1.6) * 90 * 24) + 1;
    const occurredAt = new Date(now.getTime() - ageH * HOUR);
    const receivedAt = new Date(occurredAt.getTime() + Math.floor(rand() * 30) * 60_000);
    const c = classify({ text });
    const sentiment: Sentiment = c.sentiment;
    const chId = channelId(platform, handle);
    const decision = route(rules, { category, platform, channelId: chId, text, sentiment, language: c.language }, receivedAt);
    const received: Omit<typeof insightEvents.$inferInsert, "insightId"> = { type: "received", note: "api:Social-Listening", createdAt: receivedAt };
    const events = [received];
    const row: typeof insights.$inferInsert = {
      source: "seed",
      externalId: `brenner-demo-${String(i + 1).padStart(4, "0")}`,
      channelId: chId,
      platform,
      occurredAt,
      text,
      url: `https://social.example/${platform}/${handle}/posts/${100_000 + i}`,
      language: c.language,
      languageDerived: c.languageDerived,
      authorHandle: pick(AUTHORS),
      category,
      sentiment,
      sentimentDerived: true,
      status: "triage",
      createdAt: receivedAt,
      updatedAt: receivedAt,
    };
    let departmentId = decision?.departmentId ?? null;
    let routedAt: Date | null = null;
    let slaHours = decision?.slaHours ?? 48;
    if (decision) {
      routedAt = receivedAt;
      row.ruleId = decision.ruleId;
      // Routed by a rule at intake: recorded on the received event, as the intake does.
      received.ruleId = decision.ruleId;
      received.toDepartmentId = departmentId;
    } else if (ageH > 30 && rand() < 0.85) {
      // The central unit triaged older unmatched insights by hand; recent ones still wait.
      departmentId = category === "praise" ? depId.get("marketing")! : serviceDep;
      slaHours = 72;
      routedAt = new Date(receivedAt.getTime() + (2 + rand() * 20) * HOUR);
      events.push({ type: "routed", actorId: managerId, toDepartmentId: departmentId, createdAt: routedAt });
    }
    if (departmentId && routedAt) {
      row.status = "routed";
      row.departmentId = departmentId;
      row.routedAt = routedAt;
      row.slaDueAt = new Date(routedAt.getTime() + slaHours * HOUR);
      const actor = actorFor(departmentId);
      const ageFromRouting = (now.getTime() - routedAt.getTime()) / HOUR;
      const reactAfter = slaHours * (0.2 + rand() * 1.3);
      if (ageFromRouting > reactAfter && (rand() < 0.9 || ageFromRouting > 10 * 24)) {
        const acceptedAt = new Date(routedAt.getTime() + reactAfter * HOUR);
        const dep = deps.find((d) => d.id === departmentId)!;
        if (rand() < 0.12) {
          row.status = "declined";
          row.declinedAt = acceptedAt;
          row.declineReason = "Kein Handlungsbedarf für unsere Abteilung; bitte allgemein beantworten.";
          events.push({ type: "declined", actorId: actor, note: row.declineReason, createdAt: acceptedAt });
        } else {
          row.status = "accepted";
          row.acceptedAt = acceptedAt;
          events.push({ type: "accepted", actorId: actor, createdAt: acceptedAt });
          if (rand() < 0.25) {
            events.push({ type: "commented", actorId: actor, note: "Wir prüfen das und melden uns.", createdAt: new Date(acceptedAt.getTime() + 2 * HOUR) });
          }
          const resolveAfter = reactAfter + 4 + rand() * slaHours * 2;
          if (ageFromRouting > resolveAfter && (rand() < 0.85 || ageFromRouting > 20 * 24)) {
            const resolvedAt = new Date(routedAt.getTime() + resolveAfter * HOUR);
            const outcome = pick(RESOLUTIONS[dep.slug] ?? [{ note: "Erledigt und beantwortet." }]);
            row.status = "resolved";
            row.resolvedAt = resolvedAt;
            row.resolutionNote = outcome.note;
            row.externalReference = outcome.ref ? `${outcome.ref}${1000 + i}` : null;
            events.push({ type: "resolved", actorId: actor, note: row.externalReference ? `${outcome.note}\n${row.externalReference}` : outcome.note, createdAt: resolvedAt });
          }
        }
        const closedAt = new Date((row.resolvedAt ?? row.declinedAt ?? now).getTime() + 6 * HOUR);
        if ((row.status === "resolved" || row.status === "declined") && closedAt < now && rand() < 0.7) {
          row.loopClosedAt = closedAt;
          events.push({ type: "loop_closed", actorId: managerId, createdAt: closedAt });
        }
      }
      row.updatedAt = events[events.length - 1].createdAt as Date;
    }
    rows.push(row);
    histories.push(events);
  }

  const inserted = await db
    .insert(insights)
    .values(rows)
    .onConflictDoNothing({ target: [insights.source, insights.externalId] })
    .returning({ id: insights.id, externalId: insights.externalId });
  if (inserted.length === 0) return;
  const idOf = new Map(inserted.map((r) => [r.externalId, r.id]));
  const events = rows.flatMap((r, i) => (idOf.has(r.externalId) ? histories[i].map((e) => ({ ...e, insightId: idOf.get(r.externalId)! })) : []));
  for (let i = 0; i < events.length; i += 500) await db.insert(insightEvents).values(events.slice(i, i + 500));
}
