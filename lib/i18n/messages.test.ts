import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "./messages";

function keys(obj: unknown, prefix = ""): string[] {
  if (obj === null || typeof obj !== "object") return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const dir = path.resolve(import.meta.dirname, "../../messages");

describe("message files", () => {
  it("have the same files in every language", () => {
    expect(fs.readdirSync(path.join(dir, "en")).sort()).toEqual(fs.readdirSync(path.join(dir, "de")).sort());
  });

  it("are all loaded", () => {
    const files = fs.readdirSync(path.join(dir, "de")).map((f) => f.replace(/\.json$/, ""));
    expect(Object.keys(MESSAGES.de).sort()).toEqual(files.sort());
    expect(Object.keys(MESSAGES.en).sort()).toEqual(files.sort());
  });

  it("have every key in both German and English", () => {
    const de = new Set(keys(MESSAGES.de));
    const en = new Set(keys(MESSAGES.en));
    expect([...de].filter((k) => !en.has(k)), "keys only in German").toEqual([]);
    expect([...en].filter((k) => !de.has(k)), "keys only in English").toEqual([]);
  });

  it("have no empty texts", () => {
    for (const locale of ["de", "en"] as const) {
      const empty = keys(MESSAGES[locale]).filter((k) => {
        const v = k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], MESSAGES[locale]);
        return typeof v !== "string" || v.trim() === "";
      });
      expect(empty, locale).toEqual([]);
    }
  });

  it("use the same placeholders in both languages", () => {
    // An argument is `{name}` or `{name, type, …}`; the text of a select branch (`{Neue Meldung}`) is not.
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]).sort();
    for (const k of keys(MESSAGES.de)) {
      const get = (m: unknown) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], m) as string;
      expect(placeholders(get(MESSAGES.en)), k).toEqual(placeholders(get(MESSAGES.de)));
    }
  });
});
