import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ALWAYS_ON_CLIENT, CLIENT_NAMESPACES, type ClientArea, pickClientMessages } from "./client-messages";
import { MESSAGES } from "./messages";

const ROOT = path.resolve(__dirname, "../..");
const DASHBOARD = path.join(ROOT, "app/(dashboard)");
/** Areas outside the dashboard's frame, where the page itself hands out the messages. */
const OUTSIDE_DASHBOARD: Partial<Record<ClientArea, string>> = { "two-factor": path.join(ROOT, "app/(auth)/two-factor") };
const areaDir = (area: ClientArea) => OUTSIDE_DASHBOARD[area] ?? path.join(DASHBOARD, area);

/** The file an import names, or null for a package. */
function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const importsOf = (file: string, source: string) =>
  [...source.matchAll(/(?:import|export)\s[^;]*?from\s+"([^"]+)"/g)].map((m) => resolveImport(file, m[1])).filter((f): f is string => f !== null);

/** The top-level namespaces a file's client code reads through useTranslations. */
function namespacesRead(source: string): Set<string> {
  const out = new Set<string>();
  for (const m of source.matchAll(/useTranslations\(\s*"([a-zA-Z]+)/g)) out.add(m[1]);
  // Root translators (`const t = useTranslations()`): the namespace is the first part of each literal key.
  for (const [, name] of source.matchAll(/(\w+)\s*=\s*useTranslations\(\s*\)/g)) {
    for (const m of source.matchAll(new RegExp(`\\b${name}\\(\\s*["\`]([a-zA-Z]+)\\.`, "g"))) {
      // The same name may be a namespaced translator in another function of the file.
      if (m[1] in MESSAGES.de) out.add(m[1]);
    }
  }
  return out;
}

/**
 * Every namespace read by client code reachable from these files: a file is client code when it
 * says "use client" or a client file imports it.
 */
function clientNamespaces(entries: string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const seen = new Map<string, boolean>();
  const visit = (file: string, client: boolean) => {
    if (seen.get(file) === true || (seen.has(file) && !client)) return;
    seen.set(file, client);
    const source = fs.readFileSync(file, "utf8");
    const isClient = client || /^\s*["']use client["']/.test(source);
    if (isClient) for (const ns of namespacesRead(source)) found.set(ns, [...(found.get(ns) ?? []), path.relative(ROOT, file)]);
    for (const next of importsOf(file, source)) if (/\.(tsx?)$/.test(next) && !next.includes("node_modules")) visit(next, isClient);
  };
  for (const e of entries) visit(e, false);
  return found;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? filesUnder(p) : /\.tsx?$/.test(d.name) && !d.name.endsWith(".test.ts") ? [p] : [];
  });
}

describe("client messages per part of the dashboard", () => {
  const areas = Object.keys(CLIENT_NAMESPACES).filter((a) => a !== "shell") as ClientArea[];

  it("has an area for every part of the dashboard, each with a layout that hands out its messages", () => {
    const parts = fs.readdirSync(DASHBOARD, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect([...parts].sort()).toEqual(areas.filter((a) => !OUTSIDE_DASHBOARD[a]).sort());
    for (const area of areas) {
      const file = OUTSIDE_DASHBOARD[area] ? "page.tsx" : "layout.tsx";
      expect(fs.readFileSync(path.join(areaDir(area), file), "utf8")).toContain(`<ClientMessages area="${area}">`);
    }
    expect(fs.readFileSync(path.join(DASHBOARD, "layout.tsx"), "utf8")).toContain(`<ClientMessages area="shell">`);
  });

  it.each(areas)("%s: every namespace its client components read travels to the browser", (area) => {
    const read = clientNamespaces(filesUnder(areaDir(area)));
    const sent = new Set<string>([...ALWAYS_ON_CLIENT, ...CLIENT_NAMESPACES[area]]);
    const missing = [...read].filter(([ns]) => !sent.has(ns)).map(([ns, files]) => `${ns} (${files.join(", ")})`);
    expect(missing).toEqual([]);
  });

  it("the header's client components read only what the shell sends", () => {
    const read = clientNamespaces([path.join(DASHBOARD, "layout.tsx")]);
    const sent = new Set<string>([...ALWAYS_ON_CLIENT, ...CLIENT_NAMESPACES.shell]);
    expect([...read.keys()].filter((ns) => !sent.has(ns))).toEqual([]);
  });

  it("names only namespaces that exist", () => {
    for (const list of [ALWAYS_ON_CLIENT, ...Object.values(CLIENT_NAMESPACES)]) {
      for (const ns of list) expect(Object.keys(MESSAGES.de)).toContain(ns);
    }
  });

  it("picks the area's namespaces and the always-on ones, nothing else", () => {
    const picked = pickClientMessages(MESSAGES.de, "overview");
    expect(Object.keys(picked).sort()).toEqual(["common", "kpis", "overview", "validation"]);
    expect(picked.overview).toBe(MESSAGES.de.overview);
    expect(Object.keys(pickClientMessages(MESSAGES.en, "shell")).sort()).toEqual(["common", "validation"]);
  });
});
