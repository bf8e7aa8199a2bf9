import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import * as enums from "./enums";

describe("lib/enums", () => {
  it("imports nothing, so client components can use it without pulling other code", () => {
    const text = fs.readFileSync(path.join(import.meta.dirname, "enums.ts"), "utf8");
    expect(text).not.toMatch(/^\s*(import|export\s+(\*|\{[^}]*\})\s+from)\b/m);
  });

  it("holds the values of every database enum, in the database's order", () => {
    const lists = (Object.values(enums) as unknown[]).filter((v): v is readonly string[] => Array.isArray(v));
    const pgEnums = (Object.values(schema) as unknown[]).filter(
      (v): v is { enumName: string; enumValues: string[] } => typeof v === "function" && "enumValues" in v && "enumName" in v,
    );
    expect(pgEnums.length).toBeGreaterThanOrEqual(22);
    for (const e of pgEnums) {
      expect(lists.some((l) => l.length === e.enumValues.length && l.every((x, i) => x === e.enumValues[i])), e.enumName).toBe(true);
    }
  });
});
