#!/usr/bin/env node
// `npm test`: typecheck, schema drift check, unit and integration tests (Vitest), end-to-end tests
// (Playwright). Prints one closing line `N passed, N failed` summed over all suites.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findChromium, INSTALL_HINT } from "./chromium.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const reports = path.join(root, "reports");
fs.mkdirSync(reports, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const bin = (pkg, file) => path.join(root, "node_modules", pkg, file);

if (!findChromium()) {
  console.error(INSTALL_HINT);
  process.exit(2);
}

let passed = 0;
let failed = 0;
const timings = [];

function step(name, args, opts = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(process.execPath, args, { stdio: opts.capture ? "pipe" : "inherit", env: { ...env, ...opts.env }, encoding: "utf8" });
  timings.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return r;
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
const vr = readJson(vitestReport);
if (vr) {
  passed += vr.numPassedTests;
  failed += vr.numFailedTests + (vr.numFailedTestSuites ?? 0);
} else failed++;
if (vitest.status !== 0 && vr && vr.numFailedTests === 0 && !vr.numFailedTestSuites) failed++;

// 4. End-to-end tests against the built app.
const e2eReport = path.join(reports, "e2e.json");
fs.rmSync(e2eReport, { force: true });
const e2e = step("end-to-end tests", ["scripts/e2e.mjs"], { env: { E2E_REPORT: e2eReport } });
const er = readJson(e2eReport);
if (er?.stats) {
  passed += er.stats.expected + (er.stats.flaky ?? 0);
  failed += er.stats.unexpected;
  if (e2e.status !== 0 && er.stats.unexpected === 0) failed++;
} else failed++;

console.log(`\nTimings: ${timings.join(", ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
