#!/usr/bin/env node
// `npm run bench:bundle`: the first-load JavaScript of every app route after `next build`
// (NEXT_DIST_DIR, default .next): the gzipped size of all JS chunks the browser loads before the
// route is interactive, shared chunks (framework, root layout) included. Goals: ≤ 200 kB on every
// route, ≤ 150 kB on /login; routes over their goal are marked. A measurement, not a test: it
// exits 0 whatever the sizes (2 when there is no build to read).
//
// Source: Next 16 writes <dist>/diagnostics/route-bundle-stats.json (route → first-load chunk
// paths). Builds without it are read from the per-page client reference manifests
// (server/app/**/page_client-reference-manifest.js: the JS files of every segment the page
// renders) plus build-manifest.json's rootMainFiles (runtime and framework).
// Sizes: gzip level 9 of each chunk file; kB = 1,000 bytes. Polyfills (loaded only by browsers
// without ES modules) and CSS are not counted.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const distDir = path.resolve(root, process.env.NEXT_DIST_DIR || ".next");
const GOAL_KB = 200;
const ROUTE_GOALS_KB = { "/login": 150 };

if (!fs.existsSync(path.join(distDir, "build-manifest.json"))) {
  console.error(`No build in ${path.relative(root, distDir) || "."}: run \`next build\` first (NEXT_DIST_DIR picks the directory).`);
  process.exit(2);
}

/** Route → chunk files (paths relative to distDir). */
function routesFromStats() {
  const file = path.join(distDir, "diagnostics", "route-bundle-stats.json");
  if (!fs.existsSync(file)) return null;
  const stats = JSON.parse(fs.readFileSync(file, "utf8"));
  const distName = path.relative(root, distDir).split(path.sep).join("/");
  const routes = new Map();
  for (const r of stats) {
    // Paths are written relative to the project directory ("<distDir>/static/chunks/…").
    routes.set(
      r.route,
      r.firstLoadChunkPaths.map((p) => {
        const posix = p.split(path.sep).join("/");
        if (posix.startsWith(`${distName}/`)) return posix.slice(distName.length + 1);
        const i = posix.indexOf("static/");
        return i >= 0 ? posix.slice(i) : posix;
      }),
    );
  }
  return routes;
}

function routesFromManifests() {
  const build = JSON.parse(fs.readFileSync(path.join(distDir, "build-manifest.json"), "utf8"));
  const rootFiles = build.rootMainFiles ?? [];
  const appPaths = JSON.parse(fs.readFileSync(path.join(distDir, "app-path-routes-manifest.json"), "utf8"));
  const routes = new Map();
  for (const [page, route] of Object.entries(appPaths)) {
    if (!page.endsWith("/page")) continue;
    const file = path.join(distDir, "server", "app", `${page}_client-reference-manifest.js`);
    if (!fs.existsSync(file)) continue;
    const sandbox = { globalThis: {} };
    sandbox.globalThis = sandbox;
    vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
    const manifest = sandbox.__RSC_MANIFEST?.[page];
    if (!manifest) continue;
    const files = new Set(rootFiles);
    for (const list of Object.values(manifest.entryJSFiles ?? {})) for (const f of list) files.add(f);
    routes.set(route, [...files].filter((f) => f.endsWith(".js")));
  }
  return routes;
}

const fromStats = routesFromStats();
const routes = fromStats ?? routesFromManifests();
const source = fromStats ? "diagnostics/route-bundle-stats.json" : "client reference manifests + build-manifest.json";

const sizes = new Map();
function chunkSize(rel) {
  if (!sizes.has(rel)) {
    const file = path.join(distDir, rel);
    if (!fs.existsSync(file)) sizes.set(rel, { raw: 0, gzip: 0, missing: true });
    else {
      const buf = fs.readFileSync(file);
      sizes.set(rel, { raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length });
    }
  }
  return sizes.get(rel);
}

const kb = (bytes) => (bytes / 1000).toFixed(1);
const rows = [...routes]
  .map(([route, files]) => {
    const unique = [...new Set(files)];
    const raw = unique.reduce((s, f) => s + chunkSize(f).raw, 0);
    const gzip = unique.reduce((s, f) => s + chunkSize(f).gzip, 0);
    const goal = ROUTE_GOALS_KB[route] ?? GOAL_KB;
    return { route, files: unique, raw, gzip, goal, over: gzip > goal * 1000 };
  })
  .sort((a, b) => b.gzip - a.gzip || a.route.localeCompare(b.route));

if (rows.length === 0) {
  console.error(`No routes found in ${path.relative(root, distDir)} (${source}).`);
  process.exit(2);
}

// Chunks every route loads (framework, runtime, root layout).
const shared = rows.map((r) => new Set(r.files)).reduce((a, b) => new Set([...a].filter((f) => b.has(f))));
const sharedGzip = [...shared].reduce((s, f) => s + chunkSize(f).gzip, 0);

const width = Math.max(...rows.map((r) => r.route.length), 5);
console.log(`First-load JS per route (${path.relative(root, distDir)}, from ${source}); gzip -9, kB = 1,000 bytes\n`);
console.log(`${"Route".padEnd(width)}  ${"gzip kB".padStart(8)}  ${"raw kB".padStart(8)}  goal`);
for (const r of rows) {
  const mark = r.over ? `  OVER (≤ ${r.goal} kB)` : "";
  console.log(`${r.route.padEnd(width)}  ${kb(r.gzip).padStart(8)}  ${kb(r.raw).padStart(8)}  ≤ ${r.goal}${mark}`);
}
const missing = [...sizes].filter(([, s]) => s.missing).map(([f]) => f);
console.log(`\nShared by all ${rows.length} routes: ${kb(sharedGzip)} kB gzip in ${shared.size} chunks.`);
console.log(`Largest: ${rows[0].route} ${kb(rows[0].gzip)} kB. Over goal: ${rows.filter((r) => r.over).map((r) => r.route).join(", ") || "none"}.`);
if (missing.length > 0) console.log(`Missing chunk files (not counted): ${missing.join(", ")}`);
