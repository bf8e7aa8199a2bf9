/**
 * `npm run bench:overview`: how long the executive overview's data takes for a quarter with
 * 500 KPIs, at about 90,000 and 900,000 measurements (half a year and five years of daily values).
 * Runs on a throwaway in-memory PGlite and, when BENCH_DATABASE_URL points at a PostgreSQL server,
 * in a throwaway database there (created and dropped; the role needs CREATEDB).
 */
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import type { Connection } from "@/db/client";
import { countActiveCrises } from "@/db/queries/crises";
import { latestStoredScores, scoreTrend, storeIntegrationScores } from "@/db/queries/integration-score";
import { portfolio } from "@/db/queries/measures";
import { getOverview } from "@/db/queries/overview";
import { businessProcesses, departments, kpis, measureCostItems, measureKpiGoals, measures } from "@/db/schema";
import { renderPdf, type ReportDocument } from "@/lib/report/pdf";
import { type Backend, createTestDb } from "@/db/testing";
import { addDays, todayIn } from "@/lib/kpis/periods";

const KPI_COUNT = 500;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const SCALES = [
  { label: "~90,000", days: 180 },
  { label: "~900,000", days: 5 * 365 + 1 },
];
const PERIODS = ["week", "month", "quarter"] as const;
const AGGREGATIONS = ["sum", "avg", "last"] as const;

async function fill(conn: Connection, days: number, today: string) {
  const db = conn.db;
  const deps = await db
    .insert(departments)
    .values(Array.from({ length: 8 }, (_, i) => ({ slug: `abteilung-${i}`, name: `Abteilung ${i}`, kind: "other" as const })))
    .returning({ id: departments.id });
  const procs = await db
    .insert(businessProcesses)
    .values(deps.flatMap((d, i) => [0, 1, 2].map((j) => ({ departmentId: d.id, name: `Prozess ${i}.${j}` }))))
    .returning({ id: businessProcesses.id });
  const ks = await db
    .insert(kpis)
    .values(
      Array.from({ length: KPI_COUNT }, (_, i) => ({
        businessProcessId: procs[i % procs.length].id,
        name: `Kennzahl ${i}`,
        unit: "count" as const,
        direction: i % 4 === 0 ? ("lower_is_better" as const) : ("higher_is_better" as const),
        period: PERIODS[i % 3],
        aggregation: AGGREGATIONS[Math.floor(i / 3) % 3],
        target: 100,
        warningThreshold: i % 4 === 0 ? 120 : 80,
        criticalThreshold: i % 4 === 0 ? 150 : 60,
      })),
    )
    .returning({ id: kpis.id });
  const ids = ks.map((k) => k.id);
  // Day by day across all KPIs, as values arrive in real life (so a KPI's rows are spread over the table).
  const first = addDays(today, -(days - 1));
  const perChunk = Math.max(1, Math.floor(20_000 / ids.length));
  for (let d = 0; d < days; d += perChunk) {
    const kpiCol: number[] = [];
    const dayCol: string[] = [];
    const valCol: number[] = [];
    for (let j = d; j < Math.min(days, d + perChunk); j++) {
      const day = addDays(first, j);
      for (const id of ids) {
        kpiCol.push(id);
        dayCol.push(day);
        valCol.push(Math.round(50 + Math.random() * 100));
      }
    }
    await db.execute(sql`
      insert into measurements (kpi_id, measured_on, value, source)
      select k, d, v, 'api' from unnest(${`{${kpiCol.join(",")}}`}::integer[], ${`{${dayCol.join(",")}}`}::date[], ${`{${valCol.join(",")}}`}::double precision[]) as t(k, d, v)`);
  }
  // What the overview shows besides the KPIs: 100 measures with costs (half judged by KPIs), 50
  // derived KPIs (their values are measurements like any other), and a year of stored scores.
  await db.update(kpis).set({ derived: { metric: "insight_count", categories: [], sentiments: [], channelIds: [], departmentIds: [] } }).where(sql`${kpis.id} % 10 = 0`);
  const ms = await db
    .insert(measures)
    .values(
      Array.from({ length: 100 }, (_, i) => ({
        businessProcessId: procs[i % procs.length].id,
        title: `Maßnahme ${i}`,
        goal: "Benchmark",
        startsOn: addDays(today, -60 - i),
        status: "running" as const,
        benefitKind: i % 2 ? ("money" as const) : ("kpis" as const),
        expectedBenefitCents: i % 2 ? 1_000_000 : null,
        realisedBenefitCents: i % 2 ? 500_000 + i * 1000 : null,
        resultKpiId: ids[i % ids.length],
      })),
    )
    .returning({ id: measures.id });
  await db.insert(measureCostItems).values(
    ms.flatMap((m, i) => [
      { measureId: m.id, category: "paid_media" as const, actual: true, description: "Anzeigen", amountCents: 100_000 + i },
      { measureId: m.id, category: "staff" as const, actual: false, description: "Team", hundredthHours: 4000, hourlyRateCents: 6500 },
    ]),
  );
  await db.insert(measureKpiGoals).values(ms.filter((_, i) => i % 2 === 0).map((m, i) => ({ measureId: m.id, kpiId: ids[(i * 7) % ids.length], baseline: 50, target: 120 })));
  for (let back = 11; back >= 0; back--) await storeIntegrationScores(db, new Date(Date.now() - back * 30 * 86_400_000));
  await db.execute(sql`vacuum analyze measurements`);
  const [{ n }] = (await db.execute(sql`select count(*)::int as n from measurements`)).rows as { n: number }[];
  return n;
}

function quantile(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

async function measure(conn: Connection, today: string) {
  const run = () => getOverview(conn.db, { kind: "quarter", anchor: today, today, scope: { all: true } });
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  let kpiCount = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const data = await run();
    times.push(performance.now() - t0);
    kpiCount = data.departments.reduce((s, d) => s + d.processes.reduce((p, x) => p + x.kpis.length, 0), 0);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95), kpiCount };
}

/**
 * The overview page's data as an executive opens it: the KPIs, the stored integration score and
 * its trend, the active crises and the measures' portfolio (spend and results).
 */
async function measurePage(conn: Connection, today: string) {
  const run = () =>
    Promise.all([
      getOverview(conn.db, { kind: "quarter", anchor: today, today, scope: { all: true } }),
      latestStoredScores(conn.db),
      scoreTrend(conn.db),
      countActiveCrises(conn.db, { all: true }),
      portfolio(conn.db, { all: true }, today),
    ]);
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  // Each part alone, to say which one a slow page waits for.
  const parts: Record<string, () => Promise<unknown>> = {
    score: () => latestStoredScores(conn.db),
    trend: () => scoreTrend(conn.db),
    crises: () => countActiveCrises(conn.db, { all: true }),
    measures: () => portfolio(conn.db, { all: true }, today),
  };
  const partMedians: string[] = [];
  for (const [name, fn] of Object.entries(parts)) {
    const ts: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await fn();
      ts.push(performance.now() - t0);
    }
    ts.sort((a, b) => a - b);
    partMedians.push(`${name} ${quantile(ts, 0.5).toFixed(1)} ms`);
  }
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95), parts: partMedians.join(", ") };
}

/** A quarter's board report: the data behind it (KPIs, measures' portfolio) and the PDF of every KPI row. */
async function measureReport(conn: Connection, today: string) {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const [overview, folio] = await Promise.all([getOverview(conn.db, { kind: "quarter", anchor: today, today, scope: { all: true } }), portfolio(conn.db, { all: true }, today)]);
    const doc: ReportDocument = {
      title: "Vorstandsbericht Social Media",
      subtitle: [today],
      footer: "Vertraulich",
      sections: [
        {
          heading: "Kennzahlen je Geschäftsprozess",
          table: {
            columns: [{ label: "Prozess", width: 3 }, { label: "Kennzahl", width: 4 }, { label: "Ist", width: 2 }, { label: "Status", width: 2 }],
            rows: overview.departments.flatMap((d) => d.processes.flatMap((p) => p.kpis.map((k) => [`${d.name} / ${p.name}`, k.name, String(k.current.value ?? "–"), k.overall]))),
          },
        },
        { heading: "Maßnahmen", table: { columns: [{ label: "Abteilung", width: 3 }, { label: "Ist", width: 2 }], rows: folio.map((r) => [r.departmentName, String(r.actualCents)]) } },
      ],
    };
    await renderPdf(doc, { author: "bench" });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), max: times[times.length - 1] };
}

const today = todayIn();
// The throwaway databases of the integration tests: in-memory PGlite, and a database created and
// dropped on the server named by TEST_DATABASE_URL, which the benchmark sets from its own variable.
const backends: Backend[] = ["pglite"];
if (process.env.BENCH_DATABASE_URL) {
  process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
  backends.push("postgres");
} else {
  delete process.env.TEST_DATABASE_URL;
  console.log("BENCH_DATABASE_URL is not set: PGlite only.");
}

console.log(`Overview data for the current quarter, ${KPI_COUNT} KPIs, ${RUNS} requests after 3 warm-ups.\n`);
for (const b of backends) {
  for (const scale of SCALES) {
    const conn = await createTestDb(b);
    try {
      const t0 = performance.now();
      const rows = await fill(conn, scale.days, today);
      const loadS = ((performance.now() - t0) / 1000).toFixed(1);
      const r = await measure(conn, today);
      const line = `${(b === "pglite" ? "PGlite" : "PostgreSQL").padEnd(10)} ${String(rows).padStart(9)} measurements  median ${r.median.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  (${r.kpiCount} KPIs; filled in ${loadS} s)`;
      console.log(line);
      const page = await measurePage(conn, today);
      console.log(`${"".padEnd(10)} ${"".padStart(9)}  whole page (+ score, trend, crises, measures)  median ${page.median.toFixed(1).padStart(6)} ms  p95 ${page.p95.toFixed(1).padStart(6)} ms  (goal p95 ≤ ${b === "pglite" ? 500 : 150} ms; medians alone: ${page.parts})`);
      const report = await measureReport(conn, today);
      console.log(`${"".padEnd(10)} ${"".padStart(9)}  board report (quarter, 100 measures)  median ${(report.median / 1000).toFixed(2)} s  max ${(report.max / 1000).toFixed(2)} s  (goal < 3 s)`);
    } finally {
      await conn.dispose();
    }
  }
}
