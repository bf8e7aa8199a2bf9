#!/usr/bin/env node
// Builds the app into its own directory and runs the Playwright suite against `next start`
// with a fresh embedded database. Extra arguments go to Playwright (e.g. a spec file).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findChromium, INSTALL_HINT } from "./chromium.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);

const chromium = findChromium();
if (!chromium) {
  console.error(INSTALL_HINT);
  process.exit(2);
}

const distDir = process.env.NEXT_DIST_DIR || ".next-e2e";
const pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-pglite-"));
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: distDir,
  CHROMIUM_PATH: chromium,
  E2E_PGLITE_DIR: pgliteDir,
};

if (!process.env.E2E_SKIP_BUILD) {
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...env, DATABASE_URL: "" },
  });
  if (build.status !== 0) {
    console.error("next build failed; end-to-end tests not run.");
    process.exit(build.status ?? 1);
  }
}

const run = spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env,
});
fs.rmSync(pgliteDir, { recursive: true, force: true });
process.exit(run.status ?? 1);
