import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { defineConfig } from "@playwright/test";
import { appServerEnv } from "./e2e/app-server";
import { serverNodeFlags } from "./scripts/server-flags.mjs";

const port = Number(process.env.E2E_PORT || 3210);
const baseURL = `http://127.0.0.1:${port}`;
// The app mails to a test SMTP server that specs checking mail start on this port (e2e/smtp.ts).
const smtpPort = Number(process.env.E2E_SMTP_PORT || port + 1000);
process.env.E2E_SMTP_PORT = String(smtpPort);
// The test directory for single sign-on (e2e/oidc-idp.ts) listens here; specs that need it start it.
const oidcPort = Number(process.env.E2E_OIDC_PORT || port + 2000);
process.env.E2E_OIDC_PORT = String(oidcPort);
process.env.E2E_APP_URL = baseURL;
// scripts/e2e.mjs hands in a fresh directory; a direct `playwright test` gets one here.
const pgliteDir = process.env.E2E_PGLITE_DIR || (process.env.E2E_PGLITE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-pglite-")));

// Under `faketime` (the calendar-edge passes of scripts/test-all.mjs) the runner, the test code and
// the `next start` it launches share the faked clock. Debian's Chromium hangs at start when
// libfaketime is preloaded, so the browser gets an environment without it and runs on the real
// clock (cookies the server sets then expire years after the real date, so they stay valid).
const browserEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    (e): e is [string, string] => e[1] !== undefined && e[0] !== "LD_PRELOAD" && !e[0].startsWith("FAKETIME"),
  ),
);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  // One retry: the suite shares a noisy machine with the build and the database, so a test that
  // passes on its second attempt counts, but scripts/test-all.mjs names it as flaky.
  retries: Number(process.env.E2E_RETRIES ?? 1),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: process.env.E2E_REPORT || "reports/e2e.json" }]],
  use: {
    baseURL,
    locale: "de-DE",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      env: browserEnv,
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
    command: ["node", ...serverNodeFlags(), `node_modules/next/dist/bin/next start -p ${port} -H 127.0.0.1`].join(" "),
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    env: appServerEnv({ port, pgliteDir, smtpPort, oidcPort }),
  },
});
