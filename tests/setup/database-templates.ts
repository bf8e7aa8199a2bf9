/**
 * Global setup of the integration project: one migrated database per backend, copied by
 * createTestDb for each test file instead of migrating a fresh one each time (db/testing.ts).
 * Test files run in workers started after this, so they inherit the environment set here.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildTestDbTemplates } from "../../db/testing";

export default async function setup(): Promise<() => Promise<void>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "test-db-templates-"));
  const { env, remove } = await buildTestDbTemplates(dir);
  Object.assign(process.env, env);
  return async () => {
    await remove();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
