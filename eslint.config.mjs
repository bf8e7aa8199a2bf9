// ESLint guards the client/server boundary (eslint/client-boundary.mjs): a "use client" module must
// not import db/, server-only modules, node built-ins or the packages listed below, directly or
// through project modules. Type-checking is tsc's job (`npm run lint:types`), formatting is not linted; the
// few core rules below catch plain mistakes and cost nothing.
import tseslint from "typescript-eslint";
import clientBoundary from "./eslint/client-boundary.mjs";

export default [
  {
    ignores: [
      "node_modules/",
      ".next/",
      ".next-*/",
      "data/",
      ".data-*/",
      ".drift-check/",
      "db/migrations/",
      "reports/",
      "test-results/",
      "playwright-report/",
      "e2e/.auth/",
      "next-env.d.ts",
    ],
  },
  {
    files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    plugins: { "client-boundary": clientBoundary },
    rules: {
      "client-boundary/no-server-imports": [
        "error",
        {
          root: import.meta.dirname,
          // Server packages (and their subpaths) with no business in a browser bundle, and zod: the
          // server validates every input; forms check what they need without shipping the schemas.
          forbiddenPackages: ["drizzle-orm", "pg", "@electric-sql/pglite", "bcryptjs", "next-auth/next", "zod"],
        },
      ],
      "no-debugger": "error",
      "no-dupe-keys": "error",
      "no-duplicate-case": "error",
      "no-self-assign": "error",
      "no-unsafe-finally": "error",
      "no-dupe-else-if": "error",
    },
  },
];
