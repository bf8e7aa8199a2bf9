import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import {
  departments,
  guidelineAcknowledgments,
  guidelineSignoffs,
  guidelineVersionDepartments,
  guidelineVersions,
  guidelines,
  users,
} from "../schema";
import type { SignoffDecision, SignoffFunction, VersionStatus } from "@/lib/guidelines/lifecycle";
import { CRISIS_V1, CRISIS_V2, RECRUITING_V1, SOCIAL_MEDIA_V1, SOCIAL_MEDIA_V2 } from "./guideline-texts";

/**
 * Who signs for each function: legal, the works council and communications (holding statements)
 * with their own logins (see the demo users), the external data protection officer on paper,
 * recorded by the central unit with a reference.
 */
const SIGNATORIES: Record<SignoffFunction, { email?: string; name: string; reference?: string }> = {
  legal: { email: "recht@example.com", name: "Dr. Claudia Berger" },
  data_protection: { name: "Stefan Lorenz (externer Datenschutzbeauftragter)", reference: "Stellungnahme des Datenschutzbeauftragten per E-Mail" },
  works_council: { email: "betriebsrat@example.com", name: "Monika Hahn" },
  communications: { email: "sophie.wolf@example.com", name: "Sophie Wolf" },
};

interface DemoSignoff {
  function: SignoffFunction;
  decision: SignoffDecision;
  comment?: string;
  daysAgo: number;
}

interface DemoVersion {
  status: VersionStatus;
  body: string;
  changeNote: string;
  createdDaysAgo: number;
  submittedDaysAgo?: number;
  approvedDaysAgo?: number;
  publishedDaysAgo?: number;
  archivedDaysAgo?: number;
  signoffs?: DemoSignoff[];
  /** E-mails of the people who acknowledged this version. */
  acknowledgedBy?: string[];
  ackDaysAgo?: number;
}

interface DemoGuideline {
  title: string;
  departments: string[];
  requiredSignoffs: SignoffFunction[];
  versions: DemoVersion[];
}

const ALL_THREE: SignoffFunction[] = ["legal", "data_protection", "works_council"];
const approvals = (fns: SignoffFunction[], daysAgo: number): DemoSignoff[] => fns.map((f, i) => ({ function: f, decision: "approved", daysAgo: daysAgo - i * 0.5 }));

export const DEMO_GUIDELINES: DemoGuideline[] = [
  {
    title: "Social-Media-Leitlinie der Brenner Antriebstechnik GmbH",
    departments: [],
    requiredSignoffs: ALL_THREE,
    versions: [
      {
        status: "archived",
        body: SOCIAL_MEDIA_V1,
        changeNote: "Erste Fassung, abgestimmt mit Betriebsrat und Datenschutz.",
        createdDaysAgo: 420,
        submittedDaysAgo: 410,
        signoffs: approvals(ALL_THREE, 405),
        approvedDaysAgo: 404,
        publishedDaysAgo: 400,
        archivedDaysAgo: 30,
        // Lena Fischer (employee@example.com) confirmed the first version only: the second is pending for her.
        acknowledgedBy: ["employee@example.com", "manager@example.com", "head.sales@example.com", "lukas.meyer@example.com", "anna.schmidt@example.com", "laura.richter@example.com"],
        ackDaysAgo: 390,
      },
      {
        status: "published",
        body: SOCIAL_MEDIA_V2,
        changeNote: "Eskalationswege konkretisiert, Datenschutzabschnitt erweitert (Einwilligung, Screenshots, keine Verhaltenskontrolle).",
        createdDaysAgo: 60,
        submittedDaysAgo: 45,
        signoffs: [
          { function: "works_council", decision: "rejected", comment: "Der Ausschluss der Verhaltenskontrolle muss ausdrücklich genannt werden (§ 87 Abs. 1 Nr. 6 BetrVG).", daysAgo: 52 },
          ...approvals(ALL_THREE, 42),
        ],
        approvedDaysAgo: 40,
        publishedDaysAgo: 30,
        acknowledgedBy: [
          "manager@example.com",
          "sophie.wolf@example.com",
          "head.rnd@example.com",
          "head.service@example.com",
          "head.hr@example.com",
          "head.marketing@example.com",
          "exec@example.com",
          "anna.schmidt@example.com",
          "felix.wagner@example.com",
          "mia.schulz@example.com",
        ],
        ackDaysAgo: 20,
      },
    ],
  },
  {
    title: "Recruiting und Employer Branding in sozialen Netzwerken",
    departments: ["personal"],
    requiredSignoffs: ["legal", "data_protection"],
    versions: [
      {
        status: "published",
        body: RECRUITING_V1,
        changeNote: "Erste Fassung für die Karriere-Kanäle.",
        createdDaysAgo: 120,
        submittedDaysAgo: 110,
        signoffs: approvals(["legal", "data_protection"], 105),
        approvedDaysAgo: 104,
        publishedDaysAgo: 100,
        acknowledgedBy: ["head.hr@example.com"],
        ackDaysAgo: 95,
      },
    ],
  },
  {
    title: "Krisenkommunikation in sozialen Medien",
    departments: ["unternehmenskommunikation", "marketing", "kundenservice"],
    requiredSignoffs: ["legal", "works_council"],
    versions: [
      {
        status: "published",
        body: CRISIS_V1,
        changeNote: "Erste Fassung nach der Krisenübung im Frühjahr.",
        createdDaysAgo: 200,
        submittedDaysAgo: 190,
        signoffs: approvals(["legal", "works_council"], 185),
        approvedDaysAgo: 184,
        publishedDaysAgo: 180,
        acknowledgedBy: ["manager@example.com", "sophie.wolf@example.com", "head.marketing@example.com", "head.service@example.com", "mia.schulz@example.com"],
        ackDaysAgo: 170,
      },
      {
        status: "in_review",
        body: CRISIS_V2,
        changeNote: "Werbepause auf allen Kanälen; Zurückhaltung privater Äußerungen während einer Krise.",
        createdDaysAgo: 10,
        submittedDaysAgo: 7,
        signoffs: [{ function: "legal", decision: "approved", comment: "Rechtlich unbedenklich.", daysAgo: 5 }],
      },
    ],
  },
];

const daysAgo = (now: number, d: number | undefined) => (d === undefined ? null : new Date(now - d * 86_400_000));

/** Seeds the demo guidelines; a guideline whose title already exists is left as it is. */
export async function seedGuidelines(db: Executor, at: Date = new Date()): Promise<void> {
  const now = at.getTime();
  const people = await db.select({ id: users.id, email: users.email }).from(users);
  const userId = new Map(people.map((p) => [p.email, p.id]));
  const author = userId.get("manager@example.com") ?? null;
  const recorder = userId.get("sophie.wolf@example.com") ?? author;

  const signatory = (fn: SignoffFunction) => {
    const who = SIGNATORIES[fn];
    const id = who.email ? userId.get(who.email) : undefined;
    // A signatory without a login (or not seeded) is recorded on their behalf, with a reference.
    return id
      ? { signatoryName: who.name, signatoryId: id, onBehalfReference: null, recordedBy: id }
      : { signatoryName: who.name, signatoryId: null, onBehalfReference: who.reference ?? "Sitzungsprotokoll", recordedBy: recorder };
  };

  for (const def of DEMO_GUIDELINES) {
    const [existing] = await db
      .select({ id: guidelineVersions.guidelineId })
      .from(guidelineVersions)
      .where(eq(guidelineVersions.title, def.title))
      .limit(1);
    if (existing) continue;
    const deps = def.departments.length
      ? await db.select({ id: departments.id }).from(departments).where(inArray(departments.slug, def.departments))
      : [];
    // A department-scoped guideline whose departments are gone would apply to nobody: skip it.
    if (deps.length !== def.departments.length) continue;
    const [g] = await db
      .insert(guidelines)
      .values({ createdBy: author, createdAt: daysAgo(now, def.versions[0].createdDaysAgo)! })
      .returning({ id: guidelines.id });

    for (const [i, v] of def.versions.entries()) {
      // A sign-off given before the (last) submission belongs to the round before it: the one a
      // rejection ended. A version never submitted is in round 0.
      const beforeSubmission = (s: DemoSignoff) => v.submittedDaysAgo !== undefined && s.daysAgo > v.submittedDaysAgo;
      const round = v.submittedDaysAgo === undefined ? 0 : (v.signoffs ?? []).some(beforeSubmission) ? 2 : 1;
      const [row] = await db
        .insert(guidelineVersions)
        .values({
          guidelineId: g.id,
          version: i + 1,
          title: def.title,
          scope: def.departments.length ? "departments" : "company",
          requiredSignoffs: def.requiredSignoffs,
          reviewRound: round,
          bodyMd: v.body,
          changeNote: v.changeNote,
          status: v.status,
          createdBy: author,
          createdAt: daysAgo(now, v.createdDaysAgo)!,
          updatedAt: daysAgo(now, v.archivedDaysAgo ?? v.publishedDaysAgo ?? v.submittedDaysAgo ?? v.createdDaysAgo)!,
          submittedAt: daysAgo(now, v.submittedDaysAgo),
          approvedAt: daysAgo(now, v.approvedDaysAgo),
          publishedAt: daysAgo(now, v.publishedDaysAgo),
          archivedAt: daysAgo(now, v.archivedDaysAgo),
        })
        .returning({ id: guidelineVersions.id });
      if (deps.length) await db.insert(guidelineVersionDepartments).values(deps.map((d) => ({ versionId: row.id, departmentId: d.id })));
      if (v.signoffs?.length) {
        await db.insert(guidelineSignoffs).values(
          v.signoffs.map((s) => ({
            versionId: row.id,
            function: s.function,
            decision: s.decision,
            reviewRound: beforeSubmission(s) ? round - 1 : round,
            ...signatory(s.function),
            comment: s.comment ?? null,
            createdAt: daysAgo(now, s.daysAgo)!,
          })),
        );
      }
      const ackers = (v.acknowledgedBy ?? []).map((e) => userId.get(e)).filter((id): id is number => id !== undefined);
      if (ackers.length) {
        await db
          .insert(guidelineAcknowledgments)
          .values(ackers.map((uid, k) => ({ versionId: row.id, userId: uid, acknowledgedAt: daysAgo(now, (v.ackDaysAgo ?? 0) - k * 0.3)! })))
          .onConflictDoNothing();
      }
    }
  }
}
