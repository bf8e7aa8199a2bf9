import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import { businessProcesses, departments, kpis, measureCostItems, measureKpiGoals, measures, users } from "../schema";
import type { CostCategory, MeasureStatus } from "@/lib/enums";
import { addDays, type Day } from "@/lib/kpis/periods";

type Cost = { category: CostCategory; actual: boolean; description: string; hours?: number; rate?: number; amount?: number };

interface DemoMeasure {
  department: string;
  process: string;
  title: string;
  goal: string;
  startDaysAgo: number;
  endDaysAgo?: number;
  status: MeasureStatus;
  benefit: { kind: "money"; expected: number; realised: number | null; note: string } | { kind: "kpis"; goals: { kpi: string; baseline: number; target: number }[]; note: string };
  resultKpi?: string;
  costs: Cost[];
}

/** Amounts in euros here; stored in cents. */
export const DEMO_MEASURES: DemoMeasure[] = [
  {
    department: "personal",
    process: "Recruiting",
    title: "Azubi-Kampagne auf Instagram und TikTok",
    goal: "Mehr Bewerbungen für die Ausbildungsplätze 2027, ohne Personalagentur.",
    startDaysAgo: 75,
    status: "running",
    benefit: { kind: "money", expected: 12_000, realised: 7_500, note: "Eingesparte Vermittlungsprovision der Personalagentur" },
    resultKpi: "Bewerbungen über soziale Kanäle",
    costs: [
      { category: "staff", actual: false, description: "Redaktion und Community-Betreuung", hours: 80, rate: 65 },
      { category: "paid_media", actual: false, description: "Anzeigenbudget", amount: 4_000 },
      { category: "staff", actual: true, description: "Redaktion und Community-Betreuung", hours: 60, rate: 65 },
      { category: "paid_media", actual: true, description: "Anzeigen Instagram/TikTok", amount: 2_400 },
    ],
  },
  {
    department: "kundenservice",
    process: "Kundenservice",
    title: "Servicezeiten in sozialen Kanälen ausgeweitet",
    goal: "Serviceanfragen über Facebook und Instagram auch abends und samstags beantworten.",
    startDaysAgo: 60,
    status: "running",
    benefit: { kind: "kpis", goals: [{ kpi: "Zeit bis zur ersten Antwort", baseline: 10, target: 4 }], note: "Schnellere Antworten, weniger Eskalationen" },
    costs: [
      { category: "staff", actual: false, description: "Zusätzliche Schichten", hours: 160, rate: 48 },
      { category: "staff", actual: true, description: "Zusätzliche Schichten", hours: 120, rate: 48 },
      { category: "tools", actual: true, description: "Lizenz Social-Inbox", amount: 890 },
    ],
  },
  {
    department: "vertrieb",
    process: "Leadgenerierung",
    title: "LinkedIn-Webinarreihe Antriebstechnik",
    goal: "Qualifizierte Leads aus drei Fach-Webinaren für Konstrukteure.",
    startDaysAgo: 150,
    endDaysAgo: 60,
    status: "completed",
    benefit: { kind: "money", expected: 20_000, realised: 26_000, note: "Deckungsbeitrag der zugerechneten Aufträge" },
    resultKpi: "Leads über LinkedIn",
    costs: [
      { category: "agency", actual: true, description: "Produktion und Moderation", amount: 6_500 },
      { category: "staff", actual: true, description: "Vorbereitung Vertrieb", hours: 40, rate: 70 },
      { category: "paid_media", actual: true, description: "Gesponserte Beiträge", amount: 1_200 },
    ],
  },
];

const cents = (euros: number) => Math.round(euros * 100);

/** The demo company's measures, dated relative to `today`. */
export async function seedMeasures(db: Executor, today: Day): Promise<void> {
  const [manager] = await db.select({ id: users.id }).from(users).where(eq(users.email, "manager@example.com"));
  for (const d of DEMO_MEASURES) {
    const [p] = await db
      .select({ id: businessProcesses.id })
      .from(businessProcesses)
      .innerJoin(departments, eq(departments.id, businessProcesses.departmentId))
      .where(and(eq(departments.slug, d.department), eq(businessProcesses.name, d.process)));
    if (!p) continue;
    const names = [...(d.resultKpi ? [d.resultKpi] : []), ...(d.benefit.kind === "kpis" ? d.benefit.goals.map((g) => g.kpi) : [])];
    const found = names.length
      ? await db.select({ id: kpis.id, name: kpis.name }).from(kpis).where(and(eq(kpis.businessProcessId, p.id), inArray(kpis.name, names)))
      : [];
    const kpiId = new Map(found.map((k) => [k.name, k.id]));
    const [{ id }] = await db
      .insert(measures)
      .values({
        businessProcessId: p.id,
        title: d.title,
        goal: d.goal,
        startsOn: addDays(today, -d.startDaysAgo),
        endsOn: d.endDaysAgo === undefined ? null : addDays(today, -d.endDaysAgo),
        status: d.status,
        benefitKind: d.benefit.kind,
        expectedBenefitCents: d.benefit.kind === "money" ? cents(d.benefit.expected) : null,
        realisedBenefitCents: d.benefit.kind === "money" && d.benefit.realised !== null ? cents(d.benefit.realised) : null,
        benefitNote: d.benefit.note,
        resultKpiId: d.resultKpi ? (kpiId.get(d.resultKpi) ?? null) : null,
        createdBy: manager?.id ?? null,
      })
      .returning({ id: measures.id });
    await db.insert(measureCostItems).values(
      d.costs.map((c) => ({
        measureId: id,
        category: c.category,
        actual: c.actual,
        description: c.description,
        hundredthHours: c.category === "staff" ? Math.round((c.hours ?? 0) * 100) : null,
        hourlyRateCents: c.category === "staff" ? cents(c.rate ?? 0) : null,
        amountCents: c.category === "staff" ? null : cents(c.amount ?? 0),
        createdBy: manager?.id ?? null,
      })),
    );
    if (d.benefit.kind === "kpis") {
      const goals = d.benefit.goals.flatMap((g) => (kpiId.has(g.kpi) ? [{ measureId: id, kpiId: kpiId.get(g.kpi)!, baseline: g.baseline, target: g.target }] : []));
      if (goals.length) await db.insert(measureKpiGoals).values(goals);
    }
  }
}
