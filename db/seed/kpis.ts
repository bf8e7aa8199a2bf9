import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import { businessProcesses, channels, departments, kpis, users } from "../schema";
import { recordMeasurements, type MeasurementItem } from "../queries/measurements";
import { addDays, daysBetween, periodStart, shiftPeriod } from "@/lib/kpis/periods";
import type { KpiDto } from "../queries/kpis";
import { runDerivedKpis } from "../queries/derived-kpis";
import type { DerivedDefinition } from "@/lib/kpis/derived";

/** The business processes every capability agrees on, by department slug. */
export const DEMO_PROCESSES: Record<string, string[]> = {
  "forschung-entwicklung": ["Produktentwicklung", "Innovationsmanagement"],
  kundenservice: ["Kundenservice", "Reklamationsmanagement"],
  personal: ["Recruiting", "Employer Branding"],
  vertrieb: ["Leadgenerierung", "Key-Account-Management"],
  marketing: ["Markenführung", "Kampagnenmanagement"],
  unternehmenskommunikation: ["Krisenkommunikation", "Presse- und Öffentlichkeitsarbeit"],
  finanzen: ["Investor Relations"],
  produktion: ["Qualitätsmanagement", "Lieferantenkommunikation"],
};

/** Idempotent on (department, name), so it agrees with the channel register's seed of the same list. */
export async function seedBusinessProcesses(db: Executor): Promise<void> {
  const deps = await db
    .select({ id: departments.id, slug: departments.slug })
    .from(departments)
    .where(inArray(departments.slug, Object.keys(DEMO_PROCESSES)));
  const values = deps.flatMap((d) => DEMO_PROCESSES[d.slug].map((name) => ({ departmentId: d.id, name })));
  if (values.length) await db.insert(businessProcesses).values(values).onConflictDoNothing();
}

/**
 * How a KPI's story ends: on target, short of the target but within tolerance, past the warning
 * or past the critical threshold.
 */
type Ending = "ok" | "short" | "warning" | "critical";

interface DemoKpi {
  department: string;
  process: string;
  name: string;
  description: string;
  unit: KpiDto["unit"];
  direction: KpiDto["direction"];
  period: KpiDto["period"];
  aggregation: KpiDto["aggregation"];
  target: number;
  warning: number;
  critical: number;
  channel?: [platform: string, handle: string];
  /** How the latest periods end (the whole current and previous period, whatever the day). */
  ending: Ending;
  decimals?: number;
}

const H = "higher_is_better" as const;
const L = "lower_is_better" as const;

export const DEMO_KPIS: DemoKpi[] = [
  { department: "forschung-entwicklung", process: "Produktentwicklung", name: "Eingegangene Produktideen", description: "Produktideen aus Kommentaren, Forum und Direktnachrichten, die an die Entwicklung gehen.", unit: "count", direction: H, period: "month", aggregation: "sum", target: 12, warning: 8, critical: 4, ending: "ok" },
  { department: "forschung-entwicklung", process: "Produktentwicklung", name: "Bearbeitetes Produktfeedback", description: "Anteil des weitergeleiteten Produktfeedbacks, das innerhalb eines Monats bewertet wurde.", unit: "percent", direction: H, period: "month", aggregation: "avg", target: 90, warning: 80, critical: 70, ending: "ok", decimals: 1 },
  { department: "forschung-entwicklung", process: "Innovationsmanagement", name: "Ideen im Anwenderforum", description: "Neue Ideen-Beiträge im Anwenderforum.", unit: "count", direction: H, period: "quarter", aggregation: "sum", target: 30, warning: 20, critical: 10, channel: ["forum", "anwenderforum"], ending: "ok" },
  { department: "kundenservice", process: "Kundenservice", name: "Zeit bis zur ersten Antwort", description: "Durchschnittliche Zeit bis zur ersten Antwort auf Serviceanfragen über soziale Kanäle.", unit: "hours", direction: L, period: "week", aggregation: "avg", target: 4, warning: 8, critical: 12, ending: "critical", decimals: 1 },
  { department: "kundenservice", process: "Kundenservice", name: "Zufriedenheit nach Social-Media-Kontakt", description: "Bewertung nach abgeschlossenen Serviceanfragen (1–5).", unit: "score", direction: H, period: "month", aggregation: "avg", target: 4.2, warning: 3.8, critical: 3.4, ending: "short", decimals: 2 },
  { department: "kundenservice", process: "Reklamationsmanagement", name: "Anteil negativer Erwähnungen", description: "Anteil negativer Erwähnungen an allen Erwähnungen der Marke.", unit: "percent", direction: L, period: "month", aggregation: "avg", target: 10, warning: 15, critical: 20, ending: "warning", decimals: 1 },
  { department: "kundenservice", process: "Reklamationsmanagement", name: "Reklamationen innerhalb der SLA gelöst", description: "Anteil der über soziale Kanäle eingegangenen Reklamationen, die innerhalb der SLA gelöst wurden.", unit: "percent", direction: H, period: "month", aggregation: "avg", target: 95, warning: 90, critical: 80, ending: "ok", decimals: 1 },
  { department: "personal", process: "Recruiting", name: "Bewerbungen über soziale Kanäle", description: "Bewerbungen, die nachweislich über LinkedIn, XING, Instagram oder TikTok kamen.", unit: "count", direction: H, period: "month", aggregation: "sum", target: 40, warning: 30, critical: 20, ending: "ok" },
  { department: "personal", process: "Recruiting", name: "Kosten je Bewerbung über Social Media", description: "Anzeigen- und Personalkosten geteilt durch die Zahl der Bewerbungen.", unit: "eur", direction: L, period: "quarter", aggregation: "avg", target: 150, warning: 200, critical: 250, ending: "ok", decimals: 2 },
  { department: "personal", process: "Employer Branding", name: "Reichweite der Karriere-Kanäle", description: "Erreichte Personen auf LinkedIn und Instagram (Karriere).", unit: "count", direction: H, period: "month", aggregation: "sum", target: 50000, warning: 40000, critical: 30000, channel: ["linkedin", "brenner-karriere"], ending: "ok" },
  { department: "personal", process: "Employer Branding", name: "Engagement-Rate Karriere-Instagram", description: "Interaktionen je Beitrag geteilt durch Reichweite.", unit: "percent", direction: H, period: "month", aggregation: "avg", target: 4, warning: 3, critical: 2, channel: ["instagram", "brenner_karriere"], ending: "ok", decimals: 2 },
  { department: "vertrieb", process: "Leadgenerierung", name: "Leads über LinkedIn", description: "Qualifizierte Leads aus LinkedIn-Kontakten und -Anfragen.", unit: "count", direction: H, period: "month", aggregation: "sum", target: 25, warning: 18, critical: 12, channel: ["linkedin", "brenner-antriebstechnik"], ending: "ok" },
  { department: "vertrieb", process: "Leadgenerierung", name: "Leads über XING", description: "Qualifizierte Leads aus XING.", unit: "count", direction: H, period: "month", aggregation: "sum", target: 10, warning: 7, critical: 4, channel: ["xing", "brenner-antriebstechnik"], ending: "ok" },
  { department: "vertrieb", process: "Key-Account-Management", name: "Reaktionszeit auf Anfragen von Schlüsselkunden", description: "Durchschnittliche Zeit bis zur Antwort auf Anfragen von Schlüsselkunden über soziale Kanäle.", unit: "hours", direction: L, period: "month", aggregation: "avg", target: 24, warning: 36, critical: 48, ending: "ok", decimals: 1 },
  { department: "marketing", process: "Markenführung", name: "Reichweite", description: "Erreichte Personen über alle Marken-Kanäle.", unit: "count", direction: H, period: "month", aggregation: "sum", target: 250000, warning: 200000, critical: 150000, ending: "ok" },
  { department: "marketing", process: "Markenführung", name: "Engagement-Rate", description: "Interaktionen geteilt durch Reichweite, über alle Marken-Kanäle.", unit: "percent", direction: H, period: "month", aggregation: "avg", target: 3.5, warning: 2.5, critical: 1.5, ending: "warning", decimals: 2 },
  { department: "marketing", process: "Kampagnenmanagement", name: "Kosten je Klick", description: "Durchschnittliche Kosten je Klick bezahlter Kampagnen.", unit: "eur", direction: L, period: "month", aggregation: "avg", target: 0.8, warning: 1.0, critical: 1.3, ending: "ok", decimals: 2 },
  { department: "marketing", process: "Kampagnenmanagement", name: "Kampagnen-Conversions", description: "Anfragen und Downloads aus Kampagnen.", unit: "count", direction: H, period: "month", aggregation: "sum", target: 300, warning: 220, critical: 150, ending: "ok" },
  { department: "unternehmenskommunikation", process: "Krisenkommunikation", name: "Reaktionszeit bei Krisensignalen", description: "Zeit vom Krisensignal bis zur ersten öffentlichen Reaktion.", unit: "hours", direction: L, period: "month", aggregation: "avg", target: 1, warning: 2, critical: 4, ending: "ok", decimals: 1 },
  { department: "unternehmenskommunikation", process: "Presse- und Öffentlichkeitsarbeit", name: "Erwähnungen in Fachmedien", description: "Beiträge in Fachmedien, die Social-Media-Inhalte aufgreifen.", unit: "count", direction: H, period: "quarter", aggregation: "sum", target: 24, warning: 16, critical: 10, ending: "ok" },
  { department: "finanzen", process: "Investor Relations", name: "Stimmungswert Finanz-Community", description: "Stimmungsindex der Finanz-Community (0–100), letzter Stand des Quartals.", unit: "score", direction: H, period: "quarter", aggregation: "last", target: 70, warning: 60, critical: 50, ending: "ok" },
  { department: "produktion", process: "Qualitätsmanagement", name: "Qualitätsbeanstandungen aus Social Media", description: "Beanstandungen zur Produktqualität, die über soziale Kanäle gemeldet wurden.", unit: "count", direction: L, period: "month", aggregation: "sum", target: 5, warning: 8, critical: 12, ending: "ok" },
  { department: "produktion", process: "Lieferantenkommunikation", name: "Antwortquote Lieferantenanfragen", description: "Anteil der Lieferantenanfragen über LinkedIn/XING, die innerhalb von zwei Tagen beantwortet wurden.", unit: "percent", direction: H, period: "month", aggregation: "avg", target: 95, warning: 90, critical: 85, ending: "critical", decimals: 1 },
];

/** A small deterministic generator, so the demo looks the same every time it is seeded. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PERIOD_DAYS = { week: 7, month: 365.25 / 12, quarter: 365.25 / 4 };

/**
 * The first day of a KPI's ending: the start of the period before the current one, and at least
 * three weeks back. Anchored to the KPI's own periods, the current period is entirely "ending" on
 * any day of the year (on the 1st as on the 31st), so the same KPIs are off target and the same
 * alerts open whatever day the demo is seeded for.
 */
export function endingStart(k: Pick<DemoKpi, "period">, today: string): string {
  const previousPeriod = shiftPeriod(periodStart(today, k.period), k.period, -1);
  const threeWeeks = addDays(today, -20);
  return previousPeriod < threeWeeks ? previousPeriod : threeWeeks;
}

/** Attainment (above 1 is better than target in both directions) of the ending. */
function endingLevel(k: DemoKpi): number {
  const value =
    k.ending === "short"
      ? (k.target + k.warning) / 2
      : k.ending === "warning"
        ? (k.warning + k.critical) / 2
        : k.critical * (k.direction === H ? 0.85 : 1.15);
  return k.direction === H ? value / k.target : k.target / value;
}

/**
 * Twelve months of values ending today. Sums come as daily counts (their running total stays
 * ahead of the pro-rata target on every day of a period), averages every three days, last
 * values monthly. KPIs meant to end off target are off target from `endingStart` on. Values stay
 * within their unit's bounds: a share never exceeds 100 %.
 */
export function demoValues(k: DemoKpi, kpiId: number, today: string, index: number): MeasurementItem[] {
  const rnd = random(1000 + index);
  const first = shiftPeriod(periodStart(today, "month"), "month", -11);
  const days = daysBetween(first, today) + 1;
  const endFrom = endingStart(k, today);
  const round = (x: number) => Number(x.toFixed(k.decimals ?? 0));
  // On target: 1 % to 11 % better than the target, never short of it.
  const level = (day: string) =>
    day >= endFrom && k.ending !== "ok" ? endingLevel(k) : 1.06 + 0.04 * Math.sin(daysBetween(first, day) / 40) + (rnd() - 0.5) * 0.02;
  const toValue = (attainment: number) => {
    const v = k.direction === H ? k.target * attainment : k.target / attainment;
    if (k.unit !== "percent") return v;
    // A share above target squeezes into the room left below 100 %.
    if (k.direction === H && attainment > 1 && k.target * 1.12 > 100) return k.target + (100 - k.target) * Math.min(1, (attainment - 1) / 0.12);
    return Math.min(100, Math.max(0, v));
  };
  const out: MeasurementItem[] = [];
  if (k.aggregation === "sum") {
    const rate = 1 / PERIOD_DAYS[k.period];
    let periodKey = "";
    let acc = 0;
    let emitted = 0;
    for (let i = 0; i < days; i++) {
      const day = addDays(first, i);
      const key = periodStart(day, k.period);
      if (key !== periodKey) {
        periodKey = key;
        acc = 0;
        emitted = 0;
      }
      // Cumulative rounding in the favourable direction keeps small counts honest day by day.
      acc += toValue(level(day)) * rate;
      const total = k.direction === H ? Math.ceil(acc) : Math.floor(acc);
      out.push({ kpiId, measuredOn: day, value: total - emitted });
      emitted = total;
    }
  } else {
    const step = k.aggregation === "avg" ? 3 : 30;
    for (let i = days - 1; i >= 0; i -= step) {
      const day = addDays(first, i);
      const jitter = 1 + (rnd() - 0.5) * 0.01;
      out.push({ kpiId, measuredOn: day, value: round(toValue(level(day) * jitter)) });
    }
  }
  return out;
}

/** ~20 KPIs with a year of values; the alerts come from the same evaluation as every other write. */
export async function seedKpis(db: Executor, today: string): Promise<void> {
  await seedBusinessProcesses(db);
  const procs = await db
    .select({ id: businessProcesses.id, name: businessProcesses.name, slug: departments.slug })
    .from(businessProcesses)
    .innerJoin(departments, eq(departments.id, businessProcesses.departmentId));
  const procId = new Map(procs.map((p) => [`${p.slug}/${p.name}`, p.id]));
  const chans = await db.select({ id: channels.id, platform: channels.platform, handle: channels.handle }).from(channels);
  const [manager] = await db.select({ id: users.id }).from(users).where(eq(users.email, "manager@example.com"));
  const items: MeasurementItem[] = [];
  for (const [index, k] of DEMO_KPIS.entries()) {
    const businessProcessId = procId.get(`${k.department}/${k.process}`);
    if (!businessProcessId) continue;
    const [existing] = await db
      .select({ id: kpis.id })
      .from(kpis)
      .where(and(eq(kpis.businessProcessId, businessProcessId), eq(kpis.name, k.name)));
    if (existing) continue;
    const channelId = k.channel
      ? (chans.find((c) => c.platform === k.channel![0] && c.handle?.toLowerCase() === k.channel![1])?.id ?? null)
      : null;
    const [row] = await db
      .insert(kpis)
      .values({
        businessProcessId,
        name: k.name,
        description: k.description,
        unit: k.unit,
        direction: k.direction,
        period: k.period,
        aggregation: k.aggregation,
        channelId,
        target: k.target,
        warningThreshold: k.warning,
        criticalThreshold: k.critical,
      })
      .returning({ id: kpis.id });
    items.push(...demoValues(k, row.id, today, index));
  }
  if (items.length) await recordMeasurements(db, { userId: manager?.id ?? null, scope: { all: true } }, items, "csv", today);
}

/** KPIs whose values the insight flow gives (lib/kpis/derived.ts), one per department that receives insights. */
export const DEMO_DERIVED_KPIS: {
  department: string;
  process: string;
  name: string;
  description: string;
  unit: KpiDto["unit"];
  direction: KpiDto["direction"];
  target: number;
  warning: number;
  critical: number;
  derived: Omit<DerivedDefinition, "departmentIds">;
}[] = [
  {
    department: "kundenservice",
    process: "Kundenservice",
    name: "SLA-Quote der Social-Media-Hinweise",
    description: "Anteil der an den Kundenservice geleiteten Hinweise, die innerhalb der Frist angenommen wurden.",
    unit: "percent",
    direction: H,
    target: 90,
    warning: 80,
    critical: 60,
    derived: { metric: "sla_compliance", categories: [], sentiments: [], channelIds: [] },
  },
  {
    department: "forschung-entwicklung",
    process: "Produktentwicklung",
    name: "Produktfeedback aus dem Social Web",
    description: "Hinweise der Kategorie Produktfeedback, die im Monat an die Entwicklung gingen.",
    unit: "count",
    direction: H,
    target: 10,
    warning: 5,
    critical: 2,
    derived: { metric: "insight_count", categories: ["product_feedback"], sentiments: [], channelIds: [] },
  },
];

/**
 * The derived demo KPIs, filtered to their own department, and their values of the running and
 * the previous month through the job's write path (alerts included). Idempotent on (process, name).
 */
export async function seedDerivedKpis(db: Executor, now: Date): Promise<void> {
  const procs = await db
    .select({ id: businessProcesses.id, name: businessProcesses.name, slug: departments.slug, departmentId: departments.id })
    .from(businessProcesses)
    .innerJoin(departments, eq(departments.id, businessProcesses.departmentId));
  let added = 0;
  for (const k of DEMO_DERIVED_KPIS) {
    const proc = procs.find((p) => p.slug === k.department && p.name === k.process);
    if (!proc) continue;
    const [existing] = await db
      .select({ id: kpis.id })
      .from(kpis)
      .where(and(eq(kpis.businessProcessId, proc.id), eq(kpis.name, k.name)));
    if (existing) continue;
    await db.insert(kpis).values({
      businessProcessId: proc.id,
      name: k.name,
      description: k.description,
      unit: k.unit,
      direction: k.direction,
      period: "month",
      aggregation: "last",
      target: k.target,
      warningThreshold: k.warning,
      criticalThreshold: k.critical,
      derived: { ...k.derived, departmentIds: [proc.departmentId] },
    });
    added++;
  }
  if (added) await runDerivedKpis(db, now);
}
