#!/usr/bin/env node
// `npm test`: typecheck, lint, schema drift check, unit and integration tests (Vitest), end-to-end tests
// (Playwright); then the calendar-edge passes: the integration suite (with Vitest faking Date) and
// the KPI/alert/overview end-to-end specs (under `faketime`) again, once per date in CLOCK_EDGES.
// Prints one closing line `N passed, N failed` summed over all suites and passes.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findChromium, INSTALL_HINT } from "./chromium.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const reports = path.join(root, "reports");
fs.mkdirSync(reports, { recursive: true });
// The property tests (fast-check) run with a fixed seed and a bounded number of runs, so a red
// run can be reproduced; set FUZZ_SEED/FUZZ_RUNS to explore other inputs.
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FUZZ_SEED: process.env.FUZZ_SEED || "20261130", FUZZ_RUNS: process.env.FUZZ_RUNS || "100" };
const bin = (pkg, file) => path.join(root, "node_modules", pkg, file);

if (!findChromium()) {
  console.error(INSTALL_HINT);
  process.exit(2);
}

// Calendar edges (UTC, as `faketime` reads them with TZ=UTC): the last day of a month and of a year
// (23:30 in Berlin), the first day of a year in Berlin while it is still 31 December in UTC, and
// 29 February of a leap year. They lie years ahead, so cookies the server sets for the faked day
// have not expired for the browser, which runs on the real clock. `CLOCK_EDGES=""` skips the passes.
const DEFAULT_CLOCK_EDGES = "2030-12-31 22:30:00,2030-12-31 23:30:00,2032-02-29 10:00:00";
// Which database each edge's integration pass uses (TEST_BACKENDS; both run in step 3): PostgreSQL
// at the Berlin new year while UTC is still in the old one — its server keeps the real clock, so
// code mixing the database's clock with the application's shows up there — PGlite at the others.
// Halves these passes, which took a third of the run. Edges beyond the list use both.
const EDGE_BACKENDS = ["pglite", "postgres", "pglite"];
const clockEdges = (process.env.CLOCK_EDGES ?? DEFAULT_CLOCK_EDGES)
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const faketime = clockEdges.length > 0 ? findFaketime() : null;
if (clockEdges.length > 0 && !faketime) {
  console.error(
    "No `faketime` found for the calendar-edge passes.\n" +
      "Install Debian's package:  sudo apt-get install -y faketime\n" +
      'or skip the passes with CLOCK_EDGES="".',
  );
  process.exit(2);
}
for (const edge of clockEdges) {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(edge) || Number.isNaN(Date.parse(`${edge.replace(" ", "T")}Z`))) {
    console.error(`CLOCK_EDGES: "${edge}" is not a UTC time "yyyy-MM-dd HH:mm:ss".`);
    process.exit(2);
  }
}

function findFaketime() {
  const dirs = (process.env.PATH ?? "").split(path.delimiter).concat("/usr/bin");
  return dirs.map((d) => path.join(d, "faketime")).find((p) => fs.existsSync(p)) ?? null;
}

let passed = 0;
let failed = 0;
const timings = [];

/** Runs `node …args`; with `opts.clock` ("yyyy-MM-dd HH:mm:ss", UTC) under `faketime` at that moment. */
function step(name, args, opts = {}) {
  // Monotonic, so a faked or adjusted wall clock never skews the timings.
  const started = performance.now();
  console.log(`\n▶ ${name}`);
  const [cmd, argv, clockEnv] = opts.clock
    ? [faketime, [opts.clock, process.execPath, ...args], { TZ: "UTC", FAKETIME_DONT_FAKE_MONOTONIC: "1" }]
    : [process.execPath, args, {}];
  const r = spawnSync(cmd, argv, { stdio: opts.capture ? "pipe" : "inherit", env: { ...env, ...opts.env, ...clockEnv }, encoding: "utf8" });
  timings.push(`${name} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return r;
}

/** Adds a Vitest JSON report to the totals; a missing report or a failed run without failed tests counts as one failure. */
function countVitest(file, run) {
  const r = readJson(file);
  if (!r) {
    failed++;
    return;
  }
  // Files that failed without a failed test (an error while loading or in a hook) count once each.
  const brokenFiles = (r.testResults ?? []).filter(
    (f) => f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed"),
  ).length;
  passed += r.numPassedTests;
  failed += r.numFailedTests + brokenFiles;
  if (run.status !== 0 && r.numFailedTests + brokenFiles === 0) failed++;
}

/** Adds a Playwright JSON report to the totals, on the same terms. */
function countPlaywright(file, run) {
  const r = readJson(file);
  if (!r?.stats) {
    failed++;
    return;
  }
  passed += r.stats.expected + (r.stats.flaky ?? 0);
  failed += r.stats.unexpected;
  for (const title of flakyTitles(r)) console.log(`flaky (passed on retry): ${title}`);
  if (run.status !== 0 && r.stats.unexpected === 0) failed++;
}

/** Titles of the tests that failed first and passed on a retry, so flakiness stays visible. */
function flakyTitles(report) {
  const out = [];
  const walk = (suite, trail) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) if (test.status === "flaky") out.push([...trail, spec.title].join(" › "));
    }
    for (const child of suite.suites ?? []) walk(child, [...trail, child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, [suite.title]);
  return out;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

// 1. Types.
const tsc = step("typecheck", [bin("typescript", "bin/tsc"), "--noEmit"]);
if (tsc.status === 0) passed++;
else failed++;

// 1b. Lint: the client/server boundary (eslint.config.mjs); one pass or one fail, like the types.
const lint = step("lint", [bin("eslint", "bin/eslint.js"), "."]);
if (lint.status === 0) passed++;
else failed++;

// 2. The committed migrations match the schema (nothing was changed without generating one).
// drizzle-kit wants a relative output folder.
const tmp = ".drift-check";
fs.rmSync(tmp, { recursive: true, force: true });
fs.cpSync(path.join(root, "db", "migrations"), tmp, { recursive: true });
const drift = step(
  "schema drift check",
  [bin("drizzle-kit", "bin.cjs"), "generate", "--dialect", "postgresql", "--schema", "./db/schema.ts", "--out", tmp],
  { capture: true },
);
const driftOut = `${drift.stdout ?? ""}${drift.stderr ?? ""}`;
if (drift.status === 0 && /No schema changes/.test(driftOut)) passed++;
else {
  failed++;
  console.error(driftOut, "\nThe schema differs from the committed migrations: run `npm run db:generate` and commit the result.");
}
fs.rmSync(tmp, { recursive: true, force: true });

// 3. Unit and integration tests.
const vitestReport = path.join(reports, "vitest.json");
fs.rmSync(vitestReport, { force: true });
const vitest = step("unit and integration tests", [
  bin("vitest", "vitest.mjs"),
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestReport}`,
]);
countVitest(vitestReport, vitest);

// 4. End-to-end tests against the built app.
const e2eReport = path.join(reports, "e2e.json");
fs.rmSync(e2eReport, { force: true });
const e2e = step("end-to-end tests", ["scripts/e2e.mjs"], { env: { E2E_REPORT: e2eReport } });
countPlaywright(e2eReport, e2e);

// 5. Calendar edges: the integration suite (PGlite, and PostgreSQL when configured — its server
// keeps the real clock, so code that mixes the database's clock with the application's shows up)
// and the KPI/alert/overview specs with the auth setup they depend on, on the build from step 4.
// The whole Playwright run (runner, test code and `next start`) is faked; the browser is not (see
// playwright.config.ts). Playwright runs the `setup` project (log-ins) as their dependency.
// Without a report from step 4 there is no build to reuse: each edge's end-to-end pass counts failed.
const built = fs.existsSync(e2eReport);
// kpis-ux carries the overview's window into the KPI page (quarter and year boundaries); its
// accessibility scans do not depend on the date and run once, in step 4.
const EDGE_SPECS = ["e2e/clock.spec.ts", "e2e/kpis.spec.ts", "e2e/overview.spec.ts", "e2e/kpis-ux.spec.ts", "--grep-invert", "no axe violations"];
for (const clock of clockEdges) {
  const tag = clock.replace(" ", "T").replace(/:/g, "") + "Z";
  const label = `[${clock} UTC]`;
  const itReport = path.join(reports, `vitest-integration-${tag}.json`);
  fs.rmSync(itReport, { force: true });
  // Vitest fakes Date itself at that moment (tests/setup/clock.ts): under `faketime` every clock
  // read of the workers went through the preloaded library, which doubled the pass's time.
  const it = step(
    `${label} integration tests`,
    [bin("vitest", "vitest.mjs"), "run", "--project", "integration", "--reporter=default", "--reporter=json", `--outputFile.json=${itReport}`],
    // The dates do not change what the fuzzers send: fewer runs there, the full count in step 3.
    {
      env: {
        TEST_CLOCK: `${clock.replace(" ", "T")}Z`,
        FUZZ_RUNS: "20",
        ...(process.env.CLOCK_EDGES === undefined && EDGE_BACKENDS[clockEdges.indexOf(clock)] ? { TEST_BACKENDS: EDGE_BACKENDS[clockEdges.indexOf(clock)] } : {}),
      },
    },
  );
  countVitest(itReport, it);

  const edgeE2eReport = path.join(reports, `e2e-${tag}.json`);
  fs.rmSync(edgeE2eReport, { force: true });
  if (!built) {
    console.error(`\n${label} end-to-end tests not run: the end-to-end pass left no build to reuse.`);
    failed++;
    continue;
  }
  const edgeE2e = step(`${label} end-to-end KPI and overview tests`, ["scripts/e2e.mjs", ...EDGE_SPECS], {
    clock,
    env: { E2E_REPORT: edgeE2eReport, E2E_SKIP_BUILD: "1" },
  });
  countPlaywright(edgeE2eReport, edgeE2e);
}

console.log(`\nTimings: ${timings.join(", ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
