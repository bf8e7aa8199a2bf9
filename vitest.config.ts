import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside React Server Components; the code under test is server code.
  "server-only": path.resolve(import.meta.dirname, "tests/stubs/server-only.ts"),
};

// Vitest's default is one worker less than there are cores: one worker on a two-core machine. The
// integration files spend much of their time waiting for PostgreSQL, so two share two cores well.
const maxWorkers = Math.max(2, os.availableParallelism() - 1);

export default defineConfig({
  test: {
    maxWorkers,
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["lib/**/*.test.ts", "eslint/**/*.test.ts"], environment: "node", setupFiles: ["tests/setup/fuzz.ts"] },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["db/**/*.test.ts", "tests/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/setup/fuzz.ts", "tests/setup/clock.ts"],
          globalSetup: ["tests/setup/database-templates.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
