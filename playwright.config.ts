import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT || 3210);
const baseURL = `http://127.0.0.1:${port}`;
// scripts/e2e.mjs hands in a fresh directory; a direct `playwright test` gets one here.
const pgliteDir = process.env.E2E_PGLITE_DIR || (process.env.E2E_PGLITE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-pglite-")));

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: process.env.E2E_REPORT || "reports/e2e.json" }]],
  use: {
    baseURL,
    locale: "de-DE",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", testIgnore: /auth\.setup\.ts/, dependencies: ["setup"] },
  ],
  webServer: {
    command: `node node_modules/next/dist/bin/next start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next-e2e",
      NEXT_TELEMETRY_DISABLED: "1",
      PGLITE_DIR: pgliteDir,
      // End-to-end runs use the embedded database even when CI exports a PostgreSQL URL.
      DATABASE_URL: "",
      SEED_DEMO: "true",
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "e2e-secret-0123456789abcdef",
    },
  },
});
