#!/usr/bin/env node
// `npm start`: builds once if needed, makes sure a session secret exists, then serves.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { serverNodeFlags } from "./server-flags.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const port = env.PORT || "3000";
const host = env.HOST || "0.0.0.0";
const distDir = env.NEXT_DIST_DIR || ".next";
const next = path.join(root, "node_modules", "next", "dist", "bin", "next");

if (!env.NEXTAUTH_SECRET) {
  // A stable secret per installation, so sessions survive restarts; kept beside the data.
  const file = path.join(root, "data", ".auth-secret");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.NEXTAUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}
if (!env.ENCRYPTION_KEY) {
  // The key for secrets at rest (connectors' tokens), kept beside the data like the session secret.
  const file = path.join(root, "data", ".encryption-key");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.ENCRYPTION_KEY = fs.readFileSync(file, "utf8").trim();
}
env.NEXTAUTH_URL ||= `http://localhost:${port}`;

if (!fs.existsSync(path.join(root, distDir, "BUILD_ID")) || process.argv.includes("--build")) {
  console.log("Building the app (first start only, about a minute) …");
  const r = spawnSync(process.execPath, [next, "build"], { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const child = spawn(process.execPath, [...serverNodeFlags(env), next, "start", "-p", port, "-H", host], { stdio: "inherit", env });
console.log(`Serving on http://localhost:${port}`);
let stopping = false;
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    stopping = true;
    child.kill(sig);
  });
}
// A server that dies on its own is a failure, whatever its exit code: say so and exit non-zero, so
// a supervisor (deploy/social-coordination.service: Restart=on-failure) starts it again.
child.on("exit", (code, signal) => {
  if (stopping) process.exit(0);
  console.error(`The server stopped unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}).`);
  process.exit(code && code !== 0 ? code : 1);
});
