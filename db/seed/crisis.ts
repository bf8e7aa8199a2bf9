import { and, count, eq, inArray, or } from "drizzle-orm";
import type { Executor } from "../client";
import { advocates, channels, crises, guidelines, guidelineSignoffs, guidelineVersions, crisisChannels, crisisEvents, crisisSteps, crisisTopics, departments, playbooks, playbookSteps, users } from "../schema";
import { checklistFrom } from "@/lib/crisis/checklist";
import type { CrisisStepRole, DepartmentKind } from "@/lib/enums";
import { foldText } from "@/lib/routing/text";

type Step = { title: string; dueOffsetMinutes: number; responsibleRole: CrisisStepRole | null; responsibleDepartmentKind: DepartmentKind | null };

export const DEMO_PLAYBOOKS: { name: string; crisisType: "product_defect" | "service_outage"; description: string; steps: Step[] }[] = [
  {
    name: "Produktmangel / Sicherheitsfrage",
    crisisType: "product_defect",
    description: "Berichte über defekte oder gefährliche Produkte: erst Fakten sichern, dann mit einer Stimme sprechen.",
    steps: [
      { title: "Lage bewerten, Krisenstab informieren", dueOffsetMinutes: 30, responsibleRole: "manager", responsibleDepartmentKind: null },
      { title: "Holding Statement auf allen betroffenen Kanälen", dueOffsetMinutes: 60, responsibleRole: "manager", responsibleDepartmentKind: null },
      { title: "Technische Ersteinschätzung der gemeldeten Fälle", dueOffsetMinutes: 240, responsibleRole: null, responsibleDepartmentKind: "rnd" },
      { title: "Service-Hotline und FAQ für Betroffene bereitstellen", dueOffsetMinutes: 360, responsibleRole: null, responsibleDepartmentKind: "service" },
      { title: "Geschäftsführung: Entscheidung über Rückruf", dueOffsetMinutes: 1440, responsibleRole: "executive", responsibleDepartmentKind: null },
    ],
  },
  {
    name: "Serviceausfall",
    crisisType: "service_outage",
    description: "Portal, Hotline oder Lieferung fallen aus: transparent informieren, bis es wieder läuft.",
    steps: [
      { title: "Störung bestätigen und Statusmeldung veröffentlichen", dueOffsetMinutes: 30, responsibleRole: "manager", responsibleDepartmentKind: null },
      { title: "Ursache und voraussichtliche Dauer klären", dueOffsetMinutes: 120, responsibleRole: null, responsibleDepartmentKind: "service" },
      { title: "Stündliches Update auf allen Kanälen", dueOffsetMinutes: 180, responsibleRole: "manager", responsibleDepartmentKind: null },
      { title: "Entwarnung und Dank an die Community", dueOffsetMinutes: 1440, responsibleRole: "manager", responsibleDepartmentKind: null },
    ],
  },
];

const PAST_TITLE = "Gerüchte über überhitzende FU-7-Umrichter";

/** Holding statements: approved in German and English for a product defect, a draft for an outage. */
export const DEMO_STATEMENTS: { title: string; crisisType: "product_defect" | "service_outage"; language: "de" | "en"; approved: boolean; body: string }[] = [
  {
    title: "Holding Statement Produktmangel (DE)",
    crisisType: "product_defect",
    language: "de",
    approved: true,
    body: "Uns liegen Hinweise auf ein mögliches Problem mit [Produkt] vor. Wir nehmen das sehr ernst und prüfen jeden gemeldeten Fall mit unserer Technik. Bis dahin bitten wir Sie, betroffene Geräte außer Betrieb zu nehmen und unseren Service unter +49 711 000000 zu kontaktieren. Wir informieren hier, sobald wir mehr wissen.",
  },
  {
    title: "Holding statement product defect (EN)",
    crisisType: "product_defect",
    language: "en",
    approved: true,
    body: "We have received reports of a possible issue with [product]. We take this very seriously and our engineers are examining every reported case. Meanwhile, please take affected units out of operation and contact our service at +49 711 000000. We will update you here as soon as we know more.",
  },
  {
    title: "Statusmeldung Serviceausfall (DE)",
    crisisType: "service_outage",
    language: "de",
    approved: false,
    body: "Unser [Service] ist derzeit nicht erreichbar. Wir arbeiten mit Hochdruck an der Behebung und melden uns spätestens um [Uhrzeit] mit einem Update.",
  },
];

type SeedAdvocate = {
  kind: "employee" | "fan" | "partner" | "customer";
  email: string;
  name?: string;
  platforms: { platform: string; handle: string }[];
  languages: string[];
  topics: string[];
  /** Days before the seed's moment the consent was given; `revokedDaysAgo` when it was withdrawn. */
  consentDaysAgo: number;
  revokedDaysAgo?: number;
  method: "written" | "email" | "online_form" | "in_person";
};

/** Twelve advocates: six of the company's people, six supporters outside it; one withdrew consent. */
export const DEMO_ADVOCATES: SeedAdvocate[] = [
  { kind: "employee", email: "sophie.wolf@example.com", platforms: [{ platform: "linkedin", handle: "sophie-wolf" }, { platform: "x", handle: "@sophiewolf" }], languages: ["de", "en"], topics: ["Unternehmen", "Krisenkommunikation"], consentDaysAgo: 200, method: "written" },
  { kind: "employee", email: "felix.wagner@example.com", platforms: [{ platform: "linkedin", handle: "felix-wagner-ing" }], languages: ["de", "en"], topics: ["Getriebe", "Antriebstechnik", "FU-7"], consentDaysAgo: 150, method: "written" },
  { kind: "employee", email: "paul.klein@example.com", platforms: [{ platform: "forum", handle: "pklein" }], languages: ["de"], topics: ["Getriebe", "Wartung"], consentDaysAgo: 120, method: "online_form" },
  { kind: "employee", email: "mia.schulz@example.com", platforms: [{ platform: "facebook", handle: "mia.schulz" }, { platform: "instagram", handle: "mia_service" }], languages: ["de"], topics: ["Service", "Ersatzteile"], consentDaysAgo: 90, method: "online_form" },
  { kind: "employee", email: "lukas.meyer@example.com", platforms: [{ platform: "xing", handle: "lukas-meyer" }, { platform: "instagram", handle: "brenner_azubis" }], languages: ["de"], topics: ["Ausbildung", "Arbeitgeber"], consentDaysAgo: 80, method: "written" },
  { kind: "employee", email: "anna.schmidt@example.com", platforms: [{ platform: "linkedin", handle: "anna-schmidt-vertrieb" }], languages: ["de", "en"], topics: ["Vertrieb", "Messen"], consentDaysAgo: 60, revokedDaysAgo: 10, method: "email" },
  { kind: "partner", name: "Karl Hübner (Hübner Automation GmbH)", email: "k.huebner@huebner-automation.example", platforms: [{ platform: "linkedin", handle: "karl-huebner" }], languages: ["de"], topics: ["Getriebe", "Automatisierung"], consentDaysAgo: 300, method: "written" },
  { kind: "partner", name: "Elena Rossi (Rossi Macchine S.r.l.)", email: "e.rossi@rossi-macchine.example", platforms: [{ platform: "linkedin", handle: "elena-rossi" }], languages: ["en"], topics: ["Antriebstechnik", "Export"], consentDaysAgo: 250, method: "email" },
  { kind: "customer", name: "Stefan Vogel (Vogel Fördertechnik)", email: "s.vogel@vogel-foerdertechnik.example", platforms: [{ platform: "forum", handle: "svogel" }, { platform: "youtube", handle: "@vogelfoerdertechnik" }], languages: ["de"], topics: ["FU-7", "Wartung"], consentDaysAgo: 100, method: "in_person" },
  { kind: "customer", name: "Julia Brandt", email: "julia.brandt@mail.example", platforms: [{ platform: "x", handle: "@jbrandt_eng" }], languages: ["de", "en"], topics: ["Service"], consentDaysAgo: 40, method: "online_form" },
  { kind: "fan", name: "Tobias Lang", email: "tobias.lang@mail.example", platforms: [{ platform: "youtube", handle: "@maschinenbau_fan" }, { platform: "instagram", handle: "maschinenbau_fan" }], languages: ["de"], topics: ["Getriebe", "Videos"], consentDaysAgo: 30, method: "online_form" },
  { kind: "fan", name: "Sarah Engel", email: "sarah.engel@mail.example", platforms: [{ platform: "mastodon", handle: "@sarah_eng@social.example" }], languages: ["en"], topics: ["Antriebstechnik"], consentDaysAgo: 20, method: "email" },
];

/**
 * Two playbooks, twelve advocates and one past crisis worked through with the first playbook, so
 * the crisis room has something to show before the first real spike. Idempotent: keyed on names,
 * the title, and an empty advocate register.
 */
export async function seedCrisis(db: Executor, now: Date): Promise<void> {
  const [manager] = await db.select({ id: users.id }).from(users).where(eq(users.email, "manager@example.com"));
  const existing = await db.select({ name: playbooks.name }).from(playbooks).where(inArray(playbooks.name, DEMO_PLAYBOOKS.map((p) => p.name)));
  for (const p of DEMO_PLAYBOOKS) {
    if (existing.some((e) => e.name === p.name)) continue;
    const [row] = await db
      .insert(playbooks)
      .values({ name: p.name, crisisType: p.crisisType, description: p.description, createdBy: manager?.id ?? null, createdAt: now, updatedAt: now })
      .returning({ id: playbooks.id });
    await db.insert(playbookSteps).values(p.steps.map((s, i) => ({ ...s, playbookId: row.id, position: i + 1 })));
  }

  const [{ n: advocateCount }] = await db.select({ n: count() }).from(advocates);
  if (advocateCount === 0) {
    const people = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(inArray(users.email, DEMO_ADVOCATES.map((a) => a.email)));
    const day = 86_400_000;
    await db.insert(advocates).values(
      DEMO_ADVOCATES.flatMap((a) => {
        const user = a.kind === "employee" ? people.find((p) => p.email === a.email) : undefined;
        if (a.kind === "employee" && !user) return [];
        return [
          {
            kind: a.kind,
            userId: user?.id ?? null,
            name: user?.name ?? a.name!,
            email: a.email,
            platforms: a.platforms,
            languages: a.languages,
            topics: a.topics,
            consentAt: new Date(now.getTime() - a.consentDaysAgo * day),
            consentScope: "Krisen-Briefings per E-Mail und im Dashboard; Veröffentlichungen in eigenem Namen",
            consentMethod: a.method,
            consentRevokedAt: a.revokedDaysAgo ? new Date(now.getTime() - a.revokedDaysAgo * day) : null,
            createdBy: manager?.id ?? null,
            createdAt: now,
            updatedAt: now,
          },
        ];
      }),
    );
  }

  const [{ n: statementCount }] = await db.select({ n: count() }).from(guidelines).where(eq(guidelines.kind, "holding_statement"));
  if (statementCount === 0) {
    const signers = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(inArray(users.email, ["recht@example.com", "sophie.wolf@example.com"]));
    const legal = signers.find((u) => u.email === "recht@example.com");
    const comms = signers.find((u) => u.email === "sophie.wolf@example.com");
    const written = new Date(now.getTime() - 60 * 86_400_000);
    const approvedAt = new Date(now.getTime() - 55 * 86_400_000);
    for (const st of DEMO_STATEMENTS) {
      const [g] = await db
        .insert(guidelines)
        .values({ kind: "holding_statement", crisisType: st.crisisType, language: st.language, createdBy: manager?.id ?? null, createdAt: written, updatedAt: written })
        .returning({ id: guidelines.id });
      const [v] = await db
        .insert(guidelineVersions)
        .values({
          guidelineId: g.id,
          version: 1,
          title: st.title,
          scope: "company",
          requiredSignoffs: ["legal", "communications"],
          bodyMd: st.body,
          status: st.approved ? "approved" : "draft",
          reviewRound: st.approved ? 1 : 0,
          createdBy: manager?.id ?? null,
          submittedAt: st.approved ? written : null,
          approvedAt: st.approved ? approvedAt : null,
          createdAt: written,
          updatedAt: st.approved ? approvedAt : written,
        })
        .returning({ id: guidelineVersions.id });
      if (st.approved) {
        await db.insert(guidelineSignoffs).values(
          [
            { fn: "legal" as const, who: legal, name: "Dr. Claudia Berger" },
            { fn: "communications" as const, who: comms, name: "Sophie Wolf" },
          ].map((x) => ({ versionId: v.id, function: x.fn, decision: "approved" as const, reviewRound: 1, signatoryName: x.who?.name ?? x.name, signatoryId: x.who?.id ?? null, recordedBy: x.who?.id ?? null, createdAt: approvedAt })),
        );
      }
    }
  }

  const [already] = await db.select({ id: crises.id }).from(crises).where(eq(crises.title, PAST_TITLE));
  if (already) return;
  const [playbook] = await db.select({ id: playbooks.id }).from(playbooks).where(eq(playbooks.name, DEMO_PLAYBOOKS[0].name));
  const day = 86_400_000;
  const startedAt = new Date(now.getTime() - 40 * day);
  const closedAt = new Date(startedAt.getTime() + 3 * day);
  const [crisis] = await db
    .insert(crises)
    .values({
      title: PAST_TITLE,
      status: "closed",
      severity: 2,
      crisisType: "product_defect",
      startedAt,
      leadId: manager?.id ?? null,
      playbookId: playbook.id,
      summary:
        "Ein Forenbeitrag über einen qualmenden FU-7 verbreitete sich auf X und LinkedIn. Die Prüfung ergab einen Anschlussfehler beim Kunden, kein Serienproblem. Holding Statement nach 50 Minuten, technische Klarstellung mit Video am zweiten Tag; die Stimmung drehte danach ins Neutrale.",
      lessonsLearned:
        "F&E früher einbinden: die technische Einschätzung kam zwei Stunden nach dem Holding Statement, das war zu spät für die ersten Nachfragen. Service-FAQ vorab als Vorlage bereithalten; sie war der verspätete Schritt.",
      openedBy: manager?.id ?? null,
      confirmedAt: startedAt,
      closedAt,
      createdAt: startedAt,
      updatedAt: closedAt,
    })
    .returning({ id: crises.id });
  const chs = await db
    .select({ id: channels.id })
    .from(channels)
    .where(or(and(eq(channels.platform, "x"), eq(channels.handle, "BrennerAntrieb")), and(eq(channels.platform, "linkedin"), eq(channels.handle, "brenner-antriebstechnik"))));
  if (chs.length) await db.insert(crisisChannels).values(chs.map((c) => ({ crisisId: crisis.id, channelId: c.id })));
  await db.insert(crisisTopics).values(["FU-7", "Rauch"].map((topic) => ({ crisisId: crisis.id, topic, folded: foldText(topic), open: false })));

  const deps = await db.select({ id: departments.id, kind: departments.kind }).from(departments);
  const depOf = (k: string | null) => (k ? (deps.find((d) => d.kind === k)?.id ?? null) : null);
  // Done after these many minutes from the start; the fourth step was late.
  const doneAfter = [20, 50, 200, 420, 1300];
  const steps = checklistFrom(DEMO_PLAYBOOKS[0].steps, startedAt).map((s, i) => ({
    crisisId: crisis.id,
    position: s.position,
    title: s.title,
    dueAt: s.dueAt,
    responsibleRole: s.responsibleRole,
    departmentId: depOf(s.responsibleDepartmentKind),
    doneAt: new Date(startedAt.getTime() + doneAfter[i] * 60_000),
    doneBy: manager?.id ?? null,
  }));
  const inserted = await db.insert(crisisSteps).values(steps).returning({ id: crisisSteps.id, title: crisisSteps.title, doneAt: crisisSteps.doneAt });
  await db.insert(crisisEvents).values([
    { crisisId: crisis.id, at: startedAt, actorId: manager?.id ?? null, kind: "declared", payload: { title: PAST_TITLE, severity: 2 } },
    ...inserted.map((s) => ({ crisisId: crisis.id, at: s.doneAt!, actorId: manager?.id ?? null, kind: "step_done", stepId: s.id, payload: { title: s.title } })),
    { crisisId: crisis.id, at: closedAt, actorId: manager?.id ?? null, kind: "closed", payload: {} },
  ]);
}
