/**
 * `npm run bench:http`: the built app under load. Starts `next start` on 127.0.0.1 (a free port,
 * or BENCH_PORT) on a fresh database seeded with the demo company — a PGlite directory in the
 * temporary directory (default), or a throwaway database on BENCH_DATABASE_URL's server, dropped
 * afterwards — signs the demo users in through the real login flow (once per role; their session
 * cookies are reused), and runs three autocannon scenarios of BENCH_SECONDS (default 60) each:
 *
 * 1. "users": 50 signed-in users (BENCH_CONNECTIONS), each on its own keep-alive connection,
 *    opening the next page of the mix below when the last one has arrived and a pause has passed —
 *    a random think time between 1 and 3 s (BENCH_THINK_SECONDS sets the mean, default 2 s: a click
 *    every two seconds, faster than anyone works), the first click at a random moment of the first
 *    pause. That is about 24 requests/s, arriving as independent people's clicks do. The goal is
 *    judged here: 0 errors, p95 ≤ 300 ms on PostgreSQL. (autocannon paces only whole requests per
 *    connection and second; below that it sends each second's requests together as one burst, which
 *    measures how long a queue of 25 takes to drain, not what a user waits.)
 * 2. "capacity": 50 connections without pause, each sending its next request as soon as
 *    the answer arrives. Its requests/s is what the server can do at most; its latencies are mostly
 *    time spent queueing.
 * 3. "floor": GET /api/health without pause, what the server does with no work at all.
 *
 * The mix: the pages people open, as the roles that open them (overview, triage and all insights
 * with filters and search, an insight, the department inbox and its polling API, alerts, audit
 * log, KPIs), and API writes (POST /api/v1/insights, 5 new insights each).
 *
 * It prints requests/s, p50/p95/p99 latency, errors and non-2xx answers per scenario and per
 * request kind, and the server's resident memory (VmRSS, VmHWM) after each scenario; the server
 * runs with the Node.js flags `npm start` uses (scripts/server-flags.mjs). It prints; it does not
 * assert.
 *
 * The app is built into NEXT_DIST_DIR (default .next-bench) when no build is there or BENCH_BUILD=1;
 * tsconfig.json, which `next build` rewrites for a custom build directory, is restored afterwards.
 * The app has no setting for a fixed clock, so the demo company is seeded for the real "now", as
 * the app itself would seed it. The server is always stopped by its PID.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { type Connection, migrateDatabase, openPglite, openPostgres } from "../db/client";
import { createApiToken } from "../db/queries/api-tokens";
import { departments, insights, users } from "../db/schema";
import { DEMO_PASSWORD, seedDemo } from "../db/seed";
import { serverNodeFlags } from "../scripts/server-flags.mjs";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const THINK_SECONDS = Number(process.env.BENCH_THINK_SECONDS ?? 2);
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-bench";
const DB_URL = process.env.BENCH_DATABASE_URL || "";
const GOAL_P95_MS = 300;
const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

// ─── Build ───────────────────────────────────────────────────────────────────

function build() {
  if (fs.existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID")) && process.env.BENCH_BUILD !== "1") {
    console.log(`Using the build in ${DIST_DIR} (BENCH_BUILD=1 rebuilds).`);
    return;
  }
  console.log(`Building the app into ${DIST_DIR} …`);
  // `next build` adds the custom build directory's type folders to tsconfig.json; keep the file as it is.
  const tsconfig = path.join(ROOT, "tsconfig.json");
  const saved = fs.readFileSync(tsconfig, "utf8");
  try {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [NEXT_BIN, "build"], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: "" },
    });
    if (r.status !== 0) throw new Error(`next build failed (exit ${r.status})`);
    console.log(`Built in ${((performance.now() - t0) / 1000).toFixed(0)} s.`);
  } finally {
    if (fs.readFileSync(tsconfig, "utf8") !== saved) fs.writeFileSync(tsconfig, saved);
  }
}

// ─── Database ────────────────────────────────────────────────────────────────

interface Prepared {
  label: string;
  /** Environment for the server: where its database is. */
  env: Record<string, string>;
  token: string;
  insightId: number;
  serviceId: number;
  dispose: () => Promise<void>;
}

/**
 * Migrates and seeds the database the server will use, and creates an API token for the writes,
 * with the same functions the app uses. PGlite allows one process at a time, so this finishes and
 * closes before the server opens it; the server then finds a seeded database and leaves it.
 */
async function prepareDatabase(): Promise<Prepared> {
  let conn: Connection;
  let env: Record<string, string>;
  let label: string;
  let drop: () => Promise<void>;
  if (DB_URL) {
    const name = `bench_http_${crypto.randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: DB_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(DB_URL);
    url.pathname = `/${name}`;
    conn = await openPostgres(url.toString(), 2);
    env = { DATABASE_URL: url.toString() };
    label = "PostgreSQL (throwaway database)";
    drop = async () => {
      const c = new pg.Client({ connectionString: DB_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-http-pglite-"));
    conn = await openPglite(dir);
    env = { DATABASE_URL: "", PGLITE_DIR: dir };
    label = "PGlite (temporary directory)";
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  let ok = false;
  try {
    await migrateDatabase(conn);
    await seedDemo(conn.db);
    if (conn.kind === "postgres") {
      const [{ server_version }] = (await conn.db.execute(sql`show server_version`)).rows as { server_version: string }[];
      label = `PostgreSQL ${server_version} (throwaway database)`;
    }
    const [admin] = await conn.db.select({ id: users.id }).from(users).where(eq(users.email, "admin@example.com"));
    const { token } = await createApiToken(conn.db, admin.id, { name: "bench:http", scopes: ["insights:write"] });
    const [service] = await conn.db.select({ id: departments.id }).from(departments).where(eq(departments.slug, "kundenservice"));
    // An insight of the customer service: the manager and that department's head may both open it.
    const [detail] = await conn.db
      .select({ id: insights.id })
      .from(insights)
      .where(eq(insights.departmentId, service.id))
      .orderBy(insights.id)
      .limit(1);
    if (!detail) throw new Error("the demo company has no insight of the customer service");
    ok = true;
    return { label, env, token, insightId: detail.id, serviceId: service.id, dispose: drop };
  } finally {
    await conn.close();
    if (!ok) await drop();
  }
}

// ─── Server ──────────────────────────────────────────────────────────────────

async function freePort(): Promise<number> {
  if (process.env.BENCH_PORT) return Number(process.env.BENCH_PORT);
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

let server: ChildProcess | null = null;
const serverLog: string[] = [];

function startServer(port: number, dbEnv: Record<string, string>): ChildProcess {
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const child = spawn(process.execPath, [...serverNodeFlags(), ...profile, NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      ...dbEnv,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      SEED_DEMO: "true",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: crypto.randomBytes(24).toString("base64url"),
      ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64url"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) serverLog.push(line);
    if (serverLog.length > 200) serverLog.splice(0, serverLog.length - 200);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return child;
}

async function stopServer() {
  const child = server;
  server = null;
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(child.pid, "SIGTERM");
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(child.pid, "SIGKILL");
  }, 10_000);
  await exited;
  clearTimeout(timer);
}

async function waitForHealth(base: string, timeoutMs = 180_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (server && server.exitCode !== null) throw new Error(`the server exited (code ${server.exitCode}):\n${serverLog.slice(-30).join("\n")}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer /api/health within ${timeoutMs / 1000} s:\n${serverLog.slice(-30).join("\n")}`);
}

/** Resident memory of a process and its descendants, in kB, from /proc (VmRSS now, VmHWM peak). */
function memoryOf(pid: number): { rss: number; hwm: number; processes: number } {
  const read = (p: number) => {
    try {
      const s = fs.readFileSync(`/proc/${p}/status`, "utf8");
      const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, "m").exec(s)?.[1] ?? 0);
      return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
    } catch {
      return { rss: 0, hwm: 0 };
    }
  };
  const children = (p: number): number[] => {
    try {
      return fs
        .readFileSync(`/proc/${p}/task/${p}/children`, "utf8")
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number);
    } catch {
      return [];
    }
  };
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...children(all[i]));
  const total = { rss: 0, hwm: 0, processes: all.length };
  for (const m of all.map(read)) {
    total.rss += m.rss;
    total.hwm += m.hwm;
  }
  return total;
}

// ─── Sign-in ─────────────────────────────────────────────────────────────────

/** `name=value` pairs of a response's Set-Cookie headers. */
function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]);
}

/**
 * The login form's flow (next-auth's `signIn("credentials", { redirect: false })`): fetch the CSRF
 * token with its cookie, post the credentials, keep the session cookie.
 */
async function signIn(base: string, email: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: base },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, csrfToken, callbackUrl: `${base}/`, json: "true" }),
  });
  const session = cookiesOf(res).find((c) => c.startsWith("next-auth.session-token=") || c.startsWith("__Secure-next-auth.session-token="));
  if (!session) throw new Error(`signing in ${email} failed (HTTP ${res.status}): ${(await res.text()).slice(0, 300)}`);
  const check = (await (await fetch(`${base}/api/auth/session`, { headers: { cookie: session } })).json()) as { user?: { email?: string } };
  if (check.user?.email !== email) throw new Error(`the session of ${email} is not accepted`);
  return session;
}

// ─── Load ────────────────────────────────────────────────────────────────────

interface Kind {
  name: string;
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  /** A fresh body per request (new external ids, so every write stores). */
  body?: () => string;
}

interface Tally {
  times: number[];
  non2xx: Map<number, number>;
}

function quantile(sorted: number[], q: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

interface ScenarioResult {
  name: string;
  /** Mean pause between a user's answer and their next request, in seconds (the users scenario). */
  think?: number;
  seconds: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  perKind: Map<string, Tally>;
  all: number[];
}

/**
 * One autocannon run over the kinds, dealt out in turn. Latencies are collected per answer
 * (autocannon's own summary has no p95): onResponse names the kind from the connection's context, and the
 * 'response' event that follows synchronously on the same client carries the time.
 */
async function load(name: string, base: string, kinds: Kind[], seconds: number): Promise<ScenarioResult> {
  const perKind = new Map<string, Tally>(kinds.map((k) => [k.name, { times: [], non2xx: new Map() }]));
  const all: number[] = [];
  let last: string | null = null;
  let lastStatus = 0;
  // One request entry that deals the kinds out in turn across all connections (autocannon would
  // start every connection at the first entry of a list, so a short run would hit one page only).
  let next = 0;
  const requests = [
    {
      setupRequest: (req: autocannon.Request, context: Record<string, unknown>) => {
        const k = kinds[next++ % kinds.length];
        context.kind = k.name;
        return { ...req, method: k.method, path: k.path, headers: k.headers, body: k.body ? k.body() : undefined };
      },
      onResponse: (status: number, _body: string, context: Record<string, unknown>) => {
        last = context.kind as string;
        lastStatus = status;
      },
    },
  ];
  const t0 = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: seconds,
        requests: requests as autocannon.Request[],
        timeout: 30,
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => {
      all.push(ms);
      const t = last ? perKind.get(last) : undefined;
      if (!t) return;
      t.times.push(ms);
      if (lastStatus < 200 || lastStatus >= 300) t.non2xx.set(lastStatus, (t.non2xx.get(lastStatus) ?? 0) + 1);
      last = null;
    });
  });
  return {
    name,
    seconds: (performance.now() - t0) / 1000,
    requests: all.length,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    perKind,
    all,
  };
}

/**
 * The users scenario: CONNECTIONS people, each on their own keep-alive connection, each opening
 * the next request of the mix when their last answer has fully arrived and a think time has passed
 * (uniform between 0.5 and 1.5 times `think` seconds); each starts at a random moment of the first
 * pause, so the clicks arrive independently of each other. Latency runs from sending the request to
 * the last byte of the answer, as autocannon measures it.
 */
async function people(name: string, base: string, kinds: Kind[], seconds: number, think: number): Promise<ScenarioResult> {
  const perKind = new Map<string, Tally>(kinds.map((k) => [k.name, { times: [], non2xx: new Map() }]));
  const all: number[] = [];
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  let next = 0;
  let errors = 0;
  let timeouts = 0;
  let non2xx = 0;
  const send = (k: Kind) =>
    new Promise<number>((resolve, reject) => {
      const body = k.body?.();
      const req = http.request(
        { host: url.hostname, port: url.port, method: k.method, path: k.path, headers: { ...k.headers, ...(body ? { "content-length": Buffer.byteLength(body) } : {}) }, agent, timeout: 30_000 },
        (res) => {
          res.on("data", () => {});
          res.on("end", () => resolve(res.statusCode ?? 0));
          res.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
      req.on("error", reject);
      req.end(body);
    });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const pause = () => think * 1000 * (0.5 + Math.random());
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  const person = async () => {
    await sleep(Math.random() * think * 1000);
    while (performance.now() < end) {
      const k = kinds[next++ % kinds.length];
      const t = performance.now();
      try {
        const status = await send(k);
        const ms = performance.now() - t;
        all.push(ms);
        const tally = perKind.get(k.name)!;
        tally.times.push(ms);
        if (status < 200 || status >= 300) {
          non2xx++;
          tally.non2xx.set(status, (tally.non2xx.get(status) ?? 0) + 1);
        }
      } catch (err) {
        if ((err as { code?: string }).code === "TIMEOUT") timeouts++;
        else errors++;
      }
      const wait = Math.min(pause(), end - performance.now());
      if (wait > 0) await sleep(wait);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, person));
  agent.destroy();
  return { name, think, seconds: (performance.now() - t0) / 1000, requests: all.length, errors, timeouts, non2xx, perKind, all };
}

/** `goal`: whether the p95 goal is judged on this scenario (the users), or it is only printed. */
function printScenario(r: ScenarioResult, postgres: boolean, goal: boolean) {
  const row = (label: string, times: number[], secs: number, extra: string) => {
    const s = [...times].sort((a, b) => a - b);
    const f = (x: number) => (Number.isNaN(x) ? "–" : x.toFixed(0));
    return `  ${label.padEnd(48)} ${(times.length / secs).toFixed(1).padStart(8)} ${f(quantile(s, 0.5)).padStart(6)} ${f(quantile(s, 0.95)).padStart(6)} ${f(quantile(s, 0.99)).padStart(6)}  ${extra}`;
  };
  const pace = r.think ? `${CONNECTIONS} users, think time 1–3 s (mean ${r.think} s)` : `${CONNECTIONS} connections, no pause`;
  console.log(`\n${r.name}: ${pace}, ${r.seconds.toFixed(0)} s, ${r.requests.toLocaleString("en")} answers`);
  console.log(`  ${"request".padEnd(48)} ${"req/s".padStart(8)} ${"p50".padStart(6)} ${"p95".padStart(6)} ${"p99".padStart(6)}  non-2xx (ms columns)`);
  if (r.perKind.size > 1) {
    for (const [name, t] of r.perKind) {
      const bad = [...t.non2xx].map(([s, n]) => `${n}× ${s}`).join(", ");
      console.log(row(name, t.times, r.seconds, bad || "0"));
    }
  }
  const sorted = [...r.all].sort((a, b) => a - b);
  const p95 = quantile(sorted, 0.95);
  console.log(row("all", r.all, r.seconds, `${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`));
  if (r.think) {
    // A slower server gets fewer requests from the same people: say how many came, next to the
    // number that would have come had every answer been instant.
    const due = (CONNECTIONS * r.seconds) / r.think;
    console.log(`  ${r.requests.toLocaleString("en")} requests, ${((100 * r.requests) / due).toFixed(0)} % of the ${Math.round(due).toLocaleString("en")} that instant answers would have let them send`);
  }
  if (!goal) return;
  const ok = r.errors === 0 && r.non2xx === 0 && p95 <= GOAL_P95_MS;
  console.log(
    `  goal: 0 errors, p95 ≤ ${GOAL_P95_MS} ms${postgres ? "" : " (set for PostgreSQL; printed here for comparison)"}: ${ok ? "ok" : "over"}`,
  );
}

/** Waits until requests still in flight when autocannon stopped are answered, so the floor starts on an idle server. */
async function drain(base: string) {
  const end = Date.now() + 120_000;
  while (Date.now() < end) {
    const t0 = performance.now();
    await (await fetch(`${base}/api/health`)).arrayBuffer();
    if (performance.now() - t0 < 50) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

// ─── Main ────────────────────────────────────────────────────────────────────

let prepared: Prepared | null = null;

async function cleanup() {
  await stopServer();
  const p = prepared;
  prepared = null;
  if (p) await p.dispose();
}

async function main() {
  build();
  console.log(`\nPreparing the database: migrate, seed the demo company, create an API token …`);
  prepared = await prepareDatabase();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  console.log(`Starting next start on ${base} with ${prepared.label} …`);
  server = startServer(port, prepared.env);
  const t0 = performance.now();
  await waitForHealth(base);
  console.log(`Server ${server.pid} ready in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);

  const sessions = {
    manager: await signIn(base, "manager@example.com"),
    head: await signIn(base, "head.service@example.com"),
    executive: await signIn(base, "exec@example.com"),
    admin: await signIn(base, "admin@example.com"),
  };
  console.log(`Signed in: ${Object.keys(sessions).join(", ")} (one login each; the cookies are reused).`);

  const as = (role: keyof typeof sessions) => ({ cookie: sessions[role] });
  const run = crypto.randomBytes(3).toString("hex");
  let seq = 0;
  const batch = () =>
    JSON.stringify({
      items: Array.from({ length: 5 }, () => {
        const i = ++seq;
        return {
          source: "bench-http",
          externalId: `${run}-${i}`,
          platform: "facebook",
          occurredAt: new Date().toISOString(),
          text: i % 2 ? `Das Getriebe macht komische Geräusche (#${i})` : `Wann ist der Servomotor wieder lieferbar? (#${i})`,
          url: `https://social.example/bench/${run}/${i}`,
          authorHandle: `@bench${i % 500}`,
          category: i % 3 ? "question" : "complaint",
        };
      }),
    });
  const q = encodeURIComponent("Getriebe");
  const kinds: Kind[] = [
    { name: "GET /overview (executive)", method: "GET", path: "/overview", headers: as("executive") },
    { name: "GET /insights triage (manager)", method: "GET", path: "/insights", headers: as("manager") },
    { name: "GET /insights?view=all (manager)", method: "GET", path: "/insights?view=all", headers: as("manager") },
    {
      name: "GET /insights department+category (manager)",
      method: "GET",
      path: `/insights?view=all&department=${prepared.serviceId}&category=complaint`,
      headers: as("manager"),
    },
    { name: "GET /insights?q= search (manager)", method: "GET", path: `/insights?view=all&q=${q}`, headers: as("manager") },
    { name: "GET /insights/[id] (manager)", method: "GET", path: `/insights/${prepared.insightId}`, headers: as("manager") },
    { name: "GET /insights inbox (department head)", method: "GET", path: "/insights", headers: as("head") },
    { name: "GET /api/insights/inbox (department head)", method: "GET", path: "/api/insights/inbox?page=1", headers: as("head") },
    { name: "GET /alerts (manager)", method: "GET", path: "/alerts", headers: as("manager") },
    { name: "GET /admin/audit (admin)", method: "GET", path: "/admin/audit", headers: as("admin") },
    { name: "GET /kpis (manager)", method: "GET", path: "/kpis", headers: as("manager") },
    {
      name: "POST /api/v1/insights, 5 items (token)",
      method: "POST",
      path: "/api/v1/insights",
      headers: { authorization: `Bearer ${prepared.token}`, "content-type": "application/json" },
      body: batch,
    },
  ];

  // Every request once before the load: a page that answers with a redirect or an error would
  // otherwise only show up as a non-2xx count.
  // Twice each, one at a time: the second answer's time is the request's cost on an idle server.
  const idle: string[] = [];
  for (const k of kinds) {
    let ms = 0;
    let bytes = 0;
    for (let i = 0; i < 2; i++) {
      const t = performance.now();
      const res = await fetch(`${base}${k.path}`, { method: k.method, headers: k.headers, body: k.body?.(), redirect: "manual" });
      bytes = (await res.arrayBuffer()).byteLength;
      ms = performance.now() - t;
      if (res.status < 200 || res.status >= 300) console.log(`  warning: ${k.name} answers ${res.status} before the load`);
    }
    idle.push(`  ${k.name.padEnd(48)} ${ms.toFixed(0).padStart(6)} ms ${Math.round(bytes / 1024).toString().padStart(5)} KB`);
  }
  console.log(`\nEach request alone on the idle server (second of two):\n${idle.join("\n")}`);

  const postgres = !!DB_URL;
  console.log(`\nLoad: ${SECONDS} s per scenario on loopback; ${os.cpus().length} CPU cores shared by server, load generator and database.`);
  const memory: string[] = [];
  const noteMemory = (after: string) => {
    const m = memoryOf(server!.pid!);
    memory.push(`  after ${after.padEnd(10)} VmRSS ${Math.round(m.rss / 1024)} MB (peak VmHWM ${Math.round(m.hwm / 1024)} MB, ${m.processes} process${m.processes > 1 ? "es" : ""})`);
  };
  const users = await people("users: pages and API writes", base, kinds, SECONDS, THINK_SECONDS);
  printScenario(users, postgres, true);
  noteMemory("users");
  await drain(base);
  const capacity = await load("capacity: pages and API writes", base, kinds, SECONDS);
  printScenario(capacity, postgres, false);
  noteMemory("capacity");
  await drain(base);
  const floor = await load("floor: GET /api/health", base, [{ name: "GET /api/health", method: "GET", path: "/api/health", headers: {} }], SECONDS);
  printScenario(floor, postgres, false);
  noteMemory("floor");
  console.log(`\nServer memory (goal ≤ ${postgres ? "300 MB on PostgreSQL" : "600 MB on PGlite"}):\n${memory.join("\n")}`);
}

for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    cleanup().finally(() => process.exit(130));
  });
}

main()
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
