/**
 * `npm run bench:pages`: how long the data behind every list and overview page takes at company
 * scale. Builds a throwaway database (bench/pages-data.ts) with, at the default scale,
 * 1,000,000 insights over 90 days (8 departments, up to three history events each), 10,000,000
 * measurements for 2,000 KPIs, 100,000 audit entries and some open alerts, then times the
 * db/queries functions each page calls, as the role that opens it: 3 warm-up runs, then 30 timed
 * runs; it prints median and p95 per case against the goal (p95 ≤ 100 ms on PostgreSQL, ≤ 400 ms
 * on PGlite) and the process's resident memory. It prints; it does not assert.
 *
 * Backends, in one run: a file-backed PGlite in a temporary directory (removed afterwards) unless
 * BENCH_PGLITE=0, and a database created on BENCH_DATABASE_URL's server and dropped afterwards.
 * Environment: BENCH_SCALE (default 1; 0.01 for a quick run) multiplies every row count,
 * BENCH_RUNS (default 30), BENCH_ONLY (time only the cases whose name contains it),
 * BENCH_DATABASE_URL, BENCH_PGLITE. The clock is fixed (BENCH_NOW,
 * default 2026-06-30T08:00:00Z): data and queries see the same "now" on every run.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { and, eq, gte, sql } from "drizzle-orm";
import { type Connection, type Database, migrateDatabase, openPglite } from "../db/client";
import { listAlerts, countOpenAlerts } from "../db/queries/alerts";
import { auditEntityTypes, listAudit } from "../db/queries/audit";
import type { SessionUser } from "../db/queries/auth";
import { listDepartments } from "../db/queries/departments";
import { listGuidelines } from "../db/queries/guidelines";
import { departmentInbox, flowFigures, getInsight, type InsightFilter, listInsights, type Viewer } from "../db/queries/insights";
import { getKpi, type KpiDto, listKpis } from "../db/queries/kpis";
import { kpiSeries, listMeasurements } from "../db/queries/measurements";
import { getOverview } from "../db/queries/overview";
import { listChannelOptions } from "../db/queries/routing-rules";
import { departments, insights, kpis, users } from "../db/schema";
import { createTestDb } from "../db/testing";
import { chartSpan, parseKpiView } from "../lib/kpis/chart-window";
import { type Day, todayIn, type WindowKind } from "../lib/kpis/periods";
import { FLOW_DAYS, flowWindow } from "../lib/insights/period";
import { navBadgeCounts } from "../db/queries/nav-badges";
import { alertScope, overviewScope } from "../lib/kpis/scope";
import { can } from "../lib/permissions";
import { buildData, SEARCH_COMMON, SEARCH_RARE, sizeFor } from "./pages-data";

type Backend = "pglite" | "postgres";

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUPS = 3;
/** A case whose warm-up takes longer than this is timed 5 times instead of RUNS (marked in the n column). */
const SLOW_MS = 2000;
const NOW = new Date(process.env.BENCH_NOW ?? "2026-06-30T08:00:00Z");
const GOAL_MS: Record<Backend, number> = { postgres: 100, pglite: 400 };

interface Bench extends Connection {
  label: string;
  dispose: () => Promise<void>;
}

async function open(backend: Backend): Promise<Bench> {
  if (backend === "pglite") {
    // File-backed: ten million measurements do not fit comfortably into an in-memory database.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-pages-pglite-"));
    try {
      const conn = await openPglite(dir);
      await migrateDatabase(conn);
      return {
        ...conn,
        label: "PGlite (file-backed, temporary directory)",
        dispose: async () => {
          await conn.close();
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch (err) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw err;
    }
  }
  // The integration tests' throwaway database: created on the server, dropped by dispose.
  process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
  const t = await createTestDb("postgres");
  const [{ server_version }] = (await t.db.execute(sql`show server_version`)).rows as { server_version: string }[];
  return { ...t, label: `PostgreSQL ${server_version} (throwaway database)` };
}

interface Case {
  /** The page and what is timed. */
  name: string;
  /** The role that opens the page. */
  viewer: string;
  run: () => Promise<unknown>;
}

type Person = SessionUser;

async function person(db: Database, email: string): Promise<Person> {
  const [u] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, departmentId: users.departmentId, locale: users.locale })
    .from(users)
    .where(eq(users.email, email));
  if (!u) throw new Error(`demo user ${email} is missing`);
  return u;
}

/**
 * The cases: one small named function per timed call, so that a list moving from page numbers to
 * cursors changes one line here.
 */
async function cases(db: Database): Promise<Case[]> {
  const now = NOW;
  const today: Day = todayIn(now);
  const manager = await person(db, "manager@example.com");
  const head = await person(db, "head.service@example.com");
  const exec = await person(db, "exec@example.com");
  const admin = await person(db, "admin@example.com");
  const [service] = await db.select({ id: departments.id }).from(departments).where(eq(departments.slug, "kundenservice"));

  // An insight from the middle of the period that went the whole way (received, accepted, resolved),
  // in the department head's own department, so both roles may open it.
  const [{ maxId }] = await db.select({ maxId: sql<number>`max(${insights.id})`.mapWith(Number) }).from(insights);
  const [detail] = await db
    .select({ id: insights.id })
    .from(insights)
    .where(and(gte(insights.id, Math.floor(maxId / 2)), eq(insights.status, "resolved"), eq(insights.departmentId, service.id)))
    .orderBy(insights.id)
    .limit(1);
  const [{ kpiId }] = await db.select({ kpiId: sql<number>`min(${kpis.id})`.mapWith(Number) }).from(kpis);
  const kpi = (await getKpi(db, kpiId)) as KpiDto;

  // ── The timed calls, each as the page makes it (first page, the page's own defaults).
  const insightList = (v: Viewer, f: InsightFilter) => listInsights(db, v, f, now);
  const inbox = (v: Viewer) => departmentInbox(db, v, { page: 1 }, now);
  const insightDetail = (v: Viewer) => getInsight(db, v, detail.id, now);
  const flow = (v: Person, days: number) =>
    flowFigures(db, {
      ...flowWindow(now, days),
      // As /overview and /insights decide it: company-wide for the central unit and executives.
      departmentId: can(v.role, "overview:read_all") || can(v.role, "insights:triage") ? undefined : (v.departmentId ?? -1),
      now,
    });
  const auditPage = (after?: string) => listAudit(db, { after });
  const measurementsPage = () => listMeasurements(db, kpi.id, {});

  // Audit log page 1,000: walk there once by cursor (outside the timing), as a user paging on
  // would, then time that page by its cursor. With fewer entries (BENCH_SCALE < 1) the last page
  // stands in.
  let auditFar = 1;
  let auditCursor: string | undefined;
  for (let p = await auditPage(); auditFar < 1000 && p.older; auditFar++) {
    auditCursor = p.older;
    p = await auditPage(auditCursor);
  }

  /** What the dashboard layout asks on every page (lib/nav-badges.ts). */
  const navBadges = (u: Person) => navBadgeCounts(db, u);

  /** Everything app/(dashboard)/insights/page.tsx loads, as it loads it. */
  const insightsPage = async (u: Person, f: InsightFilter) => {
    const headView = !can(u.role, "insights:triage") && can(u.role, "insights:act");
    await Promise.all([insightList(u, f), listDepartments(db), listChannelOptions(db), flow(u, FLOW_DAYS)]);
    if (headView) await inbox(u);
  };
  const overview = (u: Person, kind: WindowKind) => getOverview(db, { kind, anchor: today, today, scope: overviewScope(u) });
  /** Everything app/(dashboard)/overview/page.tsx loads, together: the overview, the flow figures and the guidelines. */
  const overviewPage = (u: Person, kind: WindowKind) =>
    Promise.all([overview(u, kind), flow(u, FLOW_DAYS), listGuidelines(db, { publishedOnly: true, pageSize: 100 })]);
  /** app/(dashboard)/alerts/page.tsx with its default filter (unresolved). */
  const alertsPage = (u: Person) => Promise.all([listAlerts(db, { scope: alertScope(u), status: "unresolved", page: 1 }), listDepartments(db)]);
  /** app/(dashboard)/admin/audit/page.tsx: the entity types for the filter, then the page. */
  const auditAdminPage = async (after?: string) => {
    await auditEntityTypes(db);
    await auditPage(after);
  };
  const kpisPage = () => Promise.all([listKpis(db, { page: 1 }), listDepartments(db)]);
  /** app/(dashboard)/kpis/[id]/page.tsx: the KPI, then its chart, measurements and alert history. */
  const kpiPage = async (u: Person) => {
    const k = (await getKpi(db, kpi.id))!;
    const span = chartSpan(parseKpiView({}, today), k.period, today);
    await Promise.all([
      kpiSeries(db, k, { until: span.until, today, periods: span.periods }),
      measurementsPage(),
      listAlerts(db, { scope: alertScope(u), kpiId: k.id, pageSize: 10 }),
    ]);
  };

  return [
    { name: "navigation badges (every page)", viewer: "manager", run: () => navBadges(manager) },
    { name: "navigation badges (every page)", viewer: "head", run: () => navBadges(head) },
    { name: "/insights triage list", viewer: "manager", run: () => insightList(manager, { status: "triage" }) },
    { name: "/insights all, unfiltered", viewer: "manager", run: () => insightList(manager, {}) },
    { name: "/insights all, department + category", viewer: "manager", run: () => insightList(manager, { departmentId: service.id, category: "complaint" }) },
    { name: `/insights all, q=${SEARCH_COMMON} (1 in 13)`, viewer: "manager", run: () => insightList(manager, { q: SEARCH_COMMON }) },
    { name: `/insights all, q=${SEARCH_RARE} (1 in 997)`, viewer: "manager", run: () => insightList(manager, { q: SEARCH_RARE }) },
    { name: "/insights triage, q + category", viewer: "manager", run: () => insightList(manager, { status: "triage", q: SEARCH_COMMON, category: "complaint" }) },
    { name: "/insights department inbox", viewer: "head", run: () => inbox(head) },
    { name: "/insights department list, unfiltered", viewer: "head", run: () => insightList(head, {}) },
    { name: "/insights department list, status + category", viewer: "head", run: () => insightList(head, { status: "resolved", category: "complaint" }) },
    { name: `/insights department list, q=${SEARCH_COMMON}`, viewer: "head", run: () => insightList(head, { q: SEARCH_COMMON }) },
    { name: "/insights/[id] detail (getInsight)", viewer: "manager", run: () => insightDetail(manager) },
    { name: "/insights/[id] detail (getInsight)", viewer: "head", run: () => insightDetail(head) },
    { name: "flow figures, month (30 days, as pages ask)", viewer: "manager", run: () => flow(manager, 30) },
    { name: "flow figures, quarter (91 days)", viewer: "manager", run: () => flow(manager, 91) },
    { name: "flow figures, year (365 days)", viewer: "manager", run: () => flow(manager, 365) },
    { name: "flow figures, month, own department", viewer: "head", run: () => flow(head, 30) },
    { name: "/insights page data (triage view)", viewer: "manager", run: () => insightsPage(manager, { status: "triage" }) },
    { name: "/insights page data (inbox + list)", viewer: "head", run: () => insightsPage(head, {}) },
    { name: "/overview getOverview only, month", viewer: "executive", run: () => overview(exec, "month") },
    { name: "/overview getOverview only, quarter", viewer: "executive", run: () => overview(exec, "quarter") },
    { name: "/overview getOverview only, year", viewer: "executive", run: () => overview(exec, "year") },
    { name: "/overview page data, month", viewer: "executive", run: () => overviewPage(exec, "month") },
    { name: "/overview page data, quarter", viewer: "executive", run: () => overviewPage(exec, "quarter") },
    { name: "/overview page data, year", viewer: "executive", run: () => overviewPage(exec, "year") },
    { name: "/alerts (unresolved)", viewer: "manager", run: () => alertsPage(manager) },
    { name: "/admin/audit page 1", viewer: "admin", run: () => auditAdminPage() },
    { name: `/admin/audit page ${auditFar.toLocaleString("en")} (cursor)`, viewer: "admin", run: () => auditAdminPage(auditCursor) },
    { name: "/kpis list", viewer: "manager", run: () => kpisPage() },
    { name: "/kpis/[id] measurements, page 1", viewer: "manager", run: () => measurementsPage() },
    { name: "/kpis/[id] page data", viewer: "manager", run: () => kpiPage(manager) },
  ];
}

function quantile(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

async function time(c: Case) {
  let slow = false;
  for (let i = 0; i < WARMUPS; i++) {
    const t0 = performance.now();
    await c.run();
    if (performance.now() - t0 > SLOW_MS) {
      slow = true;
      break;
    }
  }
  const n = slow ? Math.min(5, RUNS) : RUNS;
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await c.run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { n, median: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

let current: Bench | null = null;

async function runBackend(backend: Backend) {
  const size = sizeFor(SCALE);
  const t0 = performance.now();
  current = await open(backend);
  const conn = current;
  try {
    console.log(`\n${conn.label}: building the data set (scale ${SCALE}, clock ${NOW.toISOString()}) …`);
    const built = await buildData(conn.db, size, NOW, (line) => console.log(line), backend === "pglite" ? 100_000 : 250_000);
    const c = built.counts;
    console.log(
      `  opened, migrated and generated in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${c.insights.toLocaleString("en")} insights, ${c.events.toLocaleString("en")} history events, ` +
        `${c.measurements.toLocaleString("en")} measurements for ${c.kpis.toLocaleString("en")} KPIs, ${c.alerts.toLocaleString("en")} alerts ` +
        `(${(await countOpenAlerts(conn.db, { all: true })).toLocaleString("en")} open), ${c.audit.toLocaleString("en")} audit entries`,
    );

    const goal = GOAL_MS[backend];
    const only = process.env.BENCH_ONLY?.toLowerCase();
    const list = (await cases(conn.db)).filter((k) => !only || k.name.toLowerCase().includes(only));
    console.log(`\n  ${WARMUPS} warm-ups, then ${RUNS} timed runs per case; goal p95 ≤ ${goal} ms.\n`);
    const head = `  ${"case".padEnd(52)} ${"viewer".padEnd(9)} ${"n".padStart(3)} ${"median ms".padStart(10)} ${"p95 ms".padStart(9)} ${"goal".padStart(6)}  result`;
    console.log(head);
    console.log(`  ${"-".repeat(head.length - 2)}`);
    let over = 0;
    for (const k of list) {
      const r = await time(k);
      const ok = r.p95 <= goal;
      if (!ok) over++;
      console.log(
        `  ${k.name.padEnd(52)} ${k.viewer.padEnd(9)} ${String(r.n).padStart(3)} ${r.median.toFixed(1).padStart(10)} ${r.p95.toFixed(1).padStart(9)} ${`≤${goal}`.padStart(6)}  ${ok ? "ok" : "over"}`,
      );
    }
    console.log(`\n  ${list.length - over} of ${list.length} cases within the goal.`);
    const rss = process.memoryUsage().rss;
    console.log(
      `  RSS of this process after the cases: ${mb(rss)}${backend === "pglite" ? " (includes the embedded database)" : " (the PostgreSQL server's memory is not included)"}`,
    );
  } finally {
    current = null;
    await conn.dispose();
  }
}

async function main() {
  const backends: Backend[] = [];
  if (process.env.BENCH_PGLITE !== "0") backends.push("pglite");
  if (process.env.BENCH_DATABASE_URL) backends.push("postgres");
  else console.log("BENCH_DATABASE_URL is not set: PGlite only.");
  if (!backends.length) throw new Error("nothing to run: BENCH_PGLITE=0 and no BENCH_DATABASE_URL");
  const size = sizeFor(SCALE);
  console.log(
    `Page data at ${size.insights.toLocaleString("en")} insights, ${size.measurements.toLocaleString("en")} measurements for ${size.kpis.toLocaleString("en")} KPIs, ` +
      `${size.audit.toLocaleString("en")} audit entries (BENCH_SCALE=${SCALE}); ${os.cpus().length} CPU cores, Node ${process.version}.`,
  );
  for (const b of backends) await runBackend(b);
}

// Ctrl-C during a long build still removes the temporary directory and drops the database.
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    const c = current;
    current = null;
    (c ? c.dispose() : Promise.resolve()).finally(() => process.exit(130));
  });
}

main().catch(async (err) => {
  console.error(err);
  process.exitCode = 1;
});
