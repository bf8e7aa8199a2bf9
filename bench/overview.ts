/**
 * `npm run bench:overview`: how long the executive overview's data takes for a quarter with
 * 500 KPIs, at about 90,000 and 900,000 measurements (half a year and five years of daily values).
 * Runs on a throwaway in-memory PGlite and, when BENCH_DATABASE_URL points at a PostgreSQL server,
 * in a throwaway database there (created and dropped; the role needs CREATEDB).
 */
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import type { Connection } from "@/db/client";
import { getOverview } from "@/db/queries/overview";
import { businessProcesses, departments, kpis } from "@/db/schema";
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
    } finally {
      await conn.dispose();
    }
  }
}
