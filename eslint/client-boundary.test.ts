import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { RuleTester } from "eslint";
import tseslint from "typescript-eslint";
import { afterAll, describe, it } from "vitest";
import plugin from "./client-boundary.mjs";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

// A small project on disk: the rule resolves and reads the modules a client component imports.
const root = fs.mkdtempSync(path.join(os.tmpdir(), "client-boundary-"));
const files: Record<string, string> = {
  "db/schema.ts": "export const platformEnum = { enumValues: ['x'] };\nexport type Row = { id: number };\n",
  "db/index.ts": 'import "server-only";\nexport const db = {};\n',
  "lib/enums.ts": 'export const PLATFORMS = ["x"] as const;\n',
  "lib/hashing.ts": 'import crypto from "node:crypto";\nexport const hash = (s: string) => crypto.createHash("sha256").update(s).digest("hex");\n',
  "lib/reexport.ts": 'export { hash } from "./hashing";\n',
  "lib/session.ts": 'import "server-only";\nexport const session = 1;\n',
  "lib/types-only.ts": 'import type { Row } from "@/db/schema";\nimport { type Row as R2 } from "../db/schema";\nexport type Both = Row | R2;\nexport const one = 1;\n',
  "lib/cycle-a.ts": 'import { b } from "./cycle-b";\nexport const a = () => b;\n',
  "lib/cycle-b.ts": 'import { a } from "./cycle-a";\nimport { readFileSync } from "fs";\nexport const b = () => [a, readFileSync];\n',
  "lib/lazy.ts": 'export const load = () => import("@/db/schema");\n',
  "lib/widgets/index.tsx": 'import { PLATFORMS } from "../enums";\nexport const Widget = () => <b>{PLATFORMS[0]}</b>;\n',
  "app/actions.ts": '"use server";\nimport { db } from "@/db";\nexport async function act() { return db; }\n',
  "components/other-client.tsx": '"use client";\nimport crypto from "node:crypto";\nexport const Other = () => crypto;\n',
};
for (const [rel, text] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const filename = path.join(root, "components", "form.tsx");
const options = [{ root, forbiddenPackages: ["drizzle-orm", "zod"] }];
const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
});

const valid = (code: string) => ({ code, filename, options });
const invalid = (code: string, ...data: { what: string; via: string }[]) => ({
  code,
  filename,
  options,
  errors: data.map((d) => ({ messageId: "forbidden", data: d })),
});
const db = { what: 'the database layer "db/schema.ts"', via: "" };

tester.run("no-server-imports", plugin.rules["no-server-imports"], {
  valid: [
    // Not a client module: server code may import anything.
    { code: 'import { platformEnum } from "@/db/schema";\nimport crypto from "node:crypto";', filename, options },
    // The directive must come first to make a client module.
    { code: 'import fs from "node:fs";\n"use client";', filename, options },
    valid('"use client";\nimport { PLATFORMS } from "@/lib/enums";\nimport { useState } from "react";'),
    valid('"use client";\nimport type { Row } from "@/db/schema";'),
    valid('"use client";\nimport { type Row } from "../db/schema";'),
    valid('"use client";\nexport type { Row } from "@/db/schema";'),
    valid('"use client";\nimport type * as Schema from "@/db/schema";'),
    // Imported modules whose db/ imports are type-only.
    valid('"use client";\nimport { one } from "@/lib/types-only";'),
    // Server actions reach the client as references, not code.
    valid('"use client";\nimport { act } from "@/app/actions";'),
    // Another client module is linted on its own.
    valid('"use client";\nimport { Other } from "./other-client";'),
    // index.tsx resolution of a clean module.
    valid('"use client";\nimport { Widget } from "@/lib/widgets";'),
    valid("'use client';\nimport { useForm } from \"zodiac\";"),
  ],
  invalid: [
    invalid('"use client";\nimport { platformEnum } from "@/db/schema";', db),
    invalid("'use client';\nimport { platformEnum } from \"../db/schema\";", db),
    invalid('"use client";\nimport { type Row, platformEnum } from "@/db/schema";', db),
    invalid('"use client";\nexport { platformEnum } from "@/db/schema";', db),
    invalid('"use client";\nexport * from "@/db/schema";', db),
    invalid('"use client";\nconst load = () => import("@/db/schema");\nexport { load };', db),
    invalid('"use client";\nimport { db } from "@/db";', { what: 'the database layer "db/index.ts"', via: "" }),
    invalid('"use client";\nimport "server-only";', { what: '"server-only"', via: "" }),
    invalid('"use client";\nimport { session } from "@/lib/session";', { what: 'the server-only module "lib/session.ts"', via: "" }),
    invalid('"use client";\nimport crypto from "node:crypto";', { what: 'the node built-in "node:crypto"', via: "" }),
    invalid('"use client";\nimport { readFile } from "fs/promises";', { what: 'the node built-in "fs/promises"', via: "" }),
    invalid('"use client";\nimport { sql } from "drizzle-orm";', {
      what: 'the package "drizzle-orm", which stays out of browser bundles',
      via: "",
    }),
    invalid('"use client";\nimport { pgEnum } from "drizzle-orm/pg-core";', {
      what: 'the package "drizzle-orm/pg-core", which stays out of browser bundles',
      via: "",
    }),
    // Transitive: through a re-export to node:crypto, naming the chain.
    invalid('"use client";\nimport { hash } from "@/lib/reexport";', {
      what: 'the node built-in "node:crypto"',
      via: " (via lib/reexport.ts → lib/hashing.ts → node:crypto)",
    }),
    // Transitive through an import cycle.
    invalid('"use client";\nimport { a } from "../lib/cycle-a";', {
      what: 'the node built-in "fs"',
      via: " (via lib/cycle-a.ts → lib/cycle-b.ts → fs)",
    }),
    // Transitive through a dynamic import.
    invalid('"use client";\nimport { load } from "@/lib/lazy";', {
      what: 'the database layer "db/schema.ts"',
      via: " (via lib/lazy.ts → db/schema.ts)",
    }),
    // Two offending imports, two reports.
    invalid('"use client";\nimport { db } from "@/db";\nimport { session } from "@/lib/session";', { what: 'the database layer "db/index.ts"', via: "" }, {
      what: 'the server-only module "lib/session.ts"',
      via: "",
    }),
  ],
});
