/**
 * `npm run bench:ingest` — intake throughput and department-inbox latency.
 *
 * Runs against a throwaway database: an in-memory PGlite, or, with BENCH_DATABASE_URL, a
 * database created on that PostgreSQL server and dropped afterwards. It
 * 1. creates the demo departments and 50 active routing rules;
 * 2. inserts 100,000 insight rows with a plain multi-row INSERT (1,000 rows per statement, bound
 *    parameters, no routing, no history) — the floor;
 * 3. sends 100,000 other insights in batches of 1,000 through the intake (`ingestBody`, the
 *    function `POST /api/v1/insights` calls, from the JSON text on: parse, validate, classify,
 *    route, insert with history events, audit) and prints both rates and their ratio — the two
 *    alternate batch by batch, so load from elsewhere on the machine slows both alike;
 * 4. fills the table to 1,000,000 insights and times the department inbox's first page.
 * Environment: BENCH_DATABASE_URL, BENCH_INSIGHTS (default 100000), BENCH_TOTAL (default 1000000).
 */
import { eq, sql } from "drizzle-orm";
import type { Connection } from "../db/client";
import { createTestDb, type TestDb } from "../db/testing";
import { departments, routingRules, users } from "../db/schema";
import { seedFoundation } from "../db/seed/foundation";
import { ingestBody } from "../db/queries/insight-intake";
import { departmentInbox, listInsights, type Viewer } from "../db/queries/insights";
import { insightCategoryEnum, platformEnum } from "../db/schema";

const N = Number(process.env.BENCH_INSIGHTS ?? 100_000);
const TOTAL = Number(process.env.BENCH_TOTAL ?? 1_000_000);
const BATCH = 1000;

let seed = 42;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

const DE = [
  "Das Getriebe macht nach drei Wochen komische Geräusche, ist das normal?",
  "Super Service, der Techniker war schnell da. Danke!",
  "Wann ist der Servomotor BX-400 wieder lieferbar?",
  "Ich interessiere mich für eine Ausbildung als Mechatroniker, wie bewerbe ich mich?",
  "Wir suchen einen Lieferanten für 200 Antriebe im Jahr, bitte um Angebot.",
  "Die Bedienungsanleitung ist leider nicht verständlich.",
  "Idee: eine App, die den Verschleiß der Lager anzeigt.",
  "Warum reagiert niemand auf meine Reklamation? Das ist unverschämt.",
];
const EN = [
  "The gearbox is making strange noises after three weeks, is that normal?",
  "Great support, the technician arrived quickly. Thanks!",
  "When will the BX-400 servo motor be available again?",
  "Do you offer internships for engineering students?",
  "We need a quote for 500 drives per year.",
  "The manual is not helpful at all.",
];
const CATEGORIES = insightCategoryEnum.enumValues;
const PLATFORMS = platformEnum.enumValues;

function makeItem(i: number, source: string) {
  const german = rand() < 0.7;
  return {
    source,
    externalId: `${source}-${i}`,
    platform: pick(PLATFORMS),
    occurredAt: new Date(Date.now() - Math.floor(rand() * 90 * 86_400_000)).toISOString(),
    text: `${pick(german ? DE : EN)} (#${i})`,
    url: `https://social.example/${source}/${i}`,
    authorHandle: `@user${Math.floor(rand() * 50_000)}`,
    category: pick(CATEGORIES),
    // About half arrive without sentiment or language, so the classifier works too.
    ...(rand() < 0.5 ? { sentiment: pick(["negative", "neutral", "positive"] as const), language: german ? "de" : "en" } : {}),
  };
}

async function open(): Promise<{ conn: TestDb; label: string }> {
  const base = process.env.BENCH_DATABASE_URL;
  // The same throwaway databases the integration tests use: in-memory PGlite, or a database
  // created on the server and dropped afterwards.
  if (base) process.env.TEST_DATABASE_URL = base;
  const t = await createTestDb(base ? "postgres" : "pglite");
  const version = base ? ((await t.db.execute(sql`show server_version`)).rows[0] as { server_version: string }).server_version : null;
  return { conn: t, label: version ? `PostgreSQL ${version}` : "PGlite (in memory)" };
}

async function createRules(conn: Connection, deps: number[]) {
  const words = ["Lager", "Getriebe", "Motor", "Lieferzeit", "Preis", "Angebot", "Bewerbung", "Ausbildung", "Anleitung", "Geräusch", "Wartung", "Ersatzteil", "Messe", "Rückruf", "Shitstorm"];
  const rules = Array.from({ length: 50 }, (_, k) => ({
    name: `Regel ${k + 1}`,
    position: k + 1,
    active: true,
    // Specific rules first (keywords in "all" mode, platform and sentiment), broad ones last, so
    // most insights are tested against many rules before one matches.
    categories: k < 45 ? [pick(CATEGORIES)] : [CATEGORIES[k - 45], CATEGORIES[k - 40]].filter(Boolean),
    platforms: k < 30 ? [pick(PLATFORMS), pick(PLATFORMS)] : [],
    keywords: k < 40 ? [pick(words), pick(words)] : [],
    keywordMode: k % 3 === 0 ? ("all" as const) : ("any" as const),
    sentiments: k < 20 ? [pick(["negative", "positive"] as const)] : [],
    languages: k % 7 === 0 ? ["de"] : [],
    departmentId: pick(deps),
    slaHours: pick([4, 8, 24, 48, 72]),
  }));
  await conn.db.insert(routingRules).values(rules);
}

function rate(n: number, ms: number) {
  return Math.round((n / ms) * 1000);
}

async function timeQuery(fn: () => Promise<unknown>, runs: number) {
  for (let i = 0; i < 5; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)], p95: times[Math.floor(runs * 0.95)] };
}

async function main() {
  const { conn, label } = await open();
  try {
    await conn.db.transaction((tx) => seedFoundation(tx));
    const deps = (await conn.db.select({ id: departments.id }).from(departments)).map((d) => d.id);
    await createRules(conn, deps);
    console.log(`Database: ${label}; ${N.toLocaleString("en")} insights, batches of ${BATCH}, 50 active rules.`);

    // Plain multi-row INSERT of the same kind of rows: the floor our intake is measured against.
    const plainBatches = Array.from({ length: N / BATCH }, (_, b) =>
      Array.from({ length: BATCH }, (_, j) => {
        const it = makeItem(b * BATCH + j, "plain");
        return { ...it, occurredAt: new Date(it.occurredAt), sentiment: it.sentiment ?? "neutral", language: it.language ?? null };
      }),
    );
    const bodies = Array.from({ length: N / BATCH }, (_, b) => JSON.stringify({ items: Array.from({ length: BATCH }, (_, j) => makeItem(b * BATCH + j, "api")) }));
    // The two alternate batch by batch, so a noisy machine slows both alike and the ratio holds.
    let plainMs = 0;
    let intakeMs = 0;
    let created = 0;
    let routed = 0;
    let t0 = 0;
    for (let b = 0; b < plainBatches.length; b++) {
      // Built as one parameterised multi-row VALUES statement: the ORM's insert builder costs ~5× more
      // client time than the database needs, which would flatter the ratio.
      const rows = plainBatches[b];
      t0 = performance.now();
      await conn.db.execute(sql`
        insert into insights (source, external_id, platform, occurred_at, text, url, author_handle, category, sentiment, language)
        values ${sql.join(
          rows.map((r) => sql`(${r.source}, ${r.externalId}, ${r.platform}, ${r.occurredAt.toISOString()}, ${r.text}, ${r.url}, ${r.authorHandle}, ${r.category}, ${r.sentiment}, ${r.language})`),
          sql`, `,
        )}`);
      plainMs += performance.now() - t0;
      // The intake path, from the JSON text on, as the route handler receives it.
      t0 = performance.now();
      const res = await ingestBody(conn.db, { via: "api", userId: null, label: "bench" }, JSON.parse(bodies[b]));
      intakeMs += performance.now() - t0;
      created += res.created;
      routed += res.routed;
    }
    if (created !== N) throw new Error(`expected ${N} created, got ${created}`);
    const again = await ingestBody(conn.db, { via: "api", userId: null, label: "bench" }, JSON.parse(bodies[0]));
    if (again.duplicates !== BATCH) throw new Error("re-sent batch was not recognised as duplicates");

    const plainRate = rate(N, plainMs);
    const intakeRate = rate(N, intakeMs);
    console.log(`plain INSERT:  ${plainRate.toLocaleString("en")} insights/s (${(plainMs / 1000).toFixed(1)} s)`);
    console.log(`intake path:   ${intakeRate.toLocaleString("en")} insights/s (${(intakeMs / 1000).toFixed(1)} s; ${routed.toLocaleString("en")} routed by rules, ${(N - routed).toLocaleString("en")} to triage, one history event each)`);
    console.log(`ratio intake / plain: ${(intakeRate / plainRate).toFixed(2)}`);

    // Fill up to TOTAL insights: mostly closed history, some open per department, some triage.
    const have = Number((await conn.db.execute(sql`select count(*) as n from insights`)).rows[0].n as string | number);
    const fill = Math.max(0, TOTAL - have);
    t0 = performance.now();
    for (let start = 0; start < fill; start += 100_000) {
      const n = Math.min(100_000, fill - start);
      await conn.db.execute(sql`
        insert into insights (source, external_id, platform, occurred_at, text, category, sentiment, status, department_id, routed_at, sla_due_at, accepted_at, resolved_at, author_handle)
        select 'fill', 'fill-' || (${start}::int + g), 'facebook', now() - (g % 7776000) * interval '1 second',
          'Füllzeile ' || g, 'question', 'neutral',
          s.status::insight_status,
          case when s.status = 'triage' then null else ${sql.raw(`(array[${deps.join(",")}])`)}[1 + g % ${deps.length}] end,
          case when s.status = 'triage' then null else now() - (g % 7776000) * interval '1 second' end,
          case when s.status = 'triage' then null else now() - (g % 7776000) * interval '1 second' + interval '48 hours' end,
          case when s.status in ('accepted', 'resolved') then now() - (g % 7776000) * interval '1 second' + interval '5 hours' end,
          case when s.status = 'resolved' then now() - (g % 7776000) * interval '1 second' + interval '30 hours' end,
          '@fill' || (g % 40000)
        from generate_series(1, ${n}::int) g
        cross join lateral (select case when g % 100 < 4 then 'routed' when g % 100 < 6 then 'accepted' when g % 100 < 9 then 'triage' when g % 100 < 12 then 'declined' else 'resolved' end as status) s`);
    }
    await conn.db.execute(sql`vacuum analyze insights`);
    const total = Number((await conn.db.execute(sql`select count(*) as n from insights`)).rows[0].n as string | number);
    console.log(`filled to ${total.toLocaleString("en")} insights in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const [head] = await conn.db.select().from(users).where(eq(users.email, "head.rnd@example.com"));
    const [manager] = await conn.db.select().from(users).where(eq(users.email, "manager@example.com"));
    const rnd: Viewer = { id: head.id, role: head.role, departmentId: head.departmentId };
    const mgr: Viewer = { id: manager.id, role: manager.role, departmentId: manager.departmentId };
    const first = await departmentInbox(conn.db, rnd);
    const inbox = await timeQuery(() => departmentInbox(conn.db, rnd), 200);
    console.log(
      `department inbox, first page (25 of ${first.total.toLocaleString("en")} open, with total count) at ${total.toLocaleString("en")} insights: median ${inbox.median.toFixed(1)} ms, p95 ${inbox.p95.toFixed(1)} ms`,
    );
    const triage = await timeQuery(() => listInsights(conn.db, mgr, { status: "triage" }), 50);
    console.log(`triage inbox, first page: median ${triage.median.toFixed(1)} ms, p95 ${triage.p95.toFixed(1)} ms`);
  } finally {
    await conn.dispose();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
