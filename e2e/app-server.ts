import { type ChildProcess, spawn } from "node:child_process";
import { E2E_SECRET } from "./fixtures";
import { OIDC_CLIENT } from "./oidc-idp";

/**
 * The environment of the app servers the end-to-end suite starts: playwright.config.ts's
 * webServer, and servers a spec starts itself with other settings (e.g. LOCAL_LOGIN=false).
 */
export function appServerEnv(opts: { port: number; pgliteDir: string; smtpPort: number; oidcPort: number }): Record<string, string> {
  const baseURL = `http://127.0.0.1:${opts.port}`;
  return {
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next-e2e",
    NEXT_TELEMETRY_DISABLED: "1",
    PGLITE_DIR: opts.pgliteDir,
    // End-to-end runs use the embedded database even when CI exports a PostgreSQL URL.
    DATABASE_URL: "",
    SEED_DEMO: "true",
    NEXTAUTH_URL: baseURL,
    NEXTAUTH_SECRET: E2E_SECRET,
    // Connectors' secrets at rest: a fixed test key (32 bytes, base64url).
    ENCRYPTION_KEY: "ZTJlLWVuY3J5cHRpb24ta2V5LTAxMjM0NTY3ODlhYmM",
    SMTP_URL: `smtp://127.0.0.1:${opts.smtpPort}`,
    MAIL_FROM: "Social-Media-Koordination <dashboard@example.com>",
    APP_URL: baseURL,
    // Webhook receivers started by the tests listen on 127.0.0.1 (link-local stays refused).
    ALLOW_PRIVATE_NETWORKS: "true",
    // Single sign-on against the directory e2e/oidc-idp.ts starts (only specs about it do).
    OIDC_ISSUER: `http://127.0.0.1:${opts.oidcPort}`,
    OIDC_CLIENT_ID: OIDC_CLIENT.id,
    OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
    OIDC_LABEL: "Mit Firmenkonto (Testverzeichnis) anmelden",
    OIDC_GROUP_MAP: JSON.stringify({
      "sm-team": { role: "manager" },
      "service-leads": { role: "department_head", department: "kundenservice" },
    }),
  };
}

/**
 * Starts one more app server (`next start` on the suite's build) with `overrides`, and waits until
 * it answers /api/health. Stop it with `stop()`, which ends it by its PID.
 */
export async function startAppServer(port: number, env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void> }> {
  const { serverNodeFlags } = await import("../scripts/server-flags.mjs");
  const child: ChildProcess = spawn(
    process.execPath,
    [...serverNodeFlags(), "node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || !child.pid) return resolve();
      child.once("exit", () => resolve());
      process.kill(child.pid, "SIGTERM");
    });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app server on ${port} exited (${child.exitCode}): ${stderr}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`app server on ${port} did not answer within 120 s: ${stderr}`);
}
