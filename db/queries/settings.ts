import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { appSettings } from "../schema";

/** One installation-wide setting's stored value (JSON), or undefined when it was never set. */
export async function readSetting(db: Executor, key: string): Promise<unknown> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key));
  return row?.value;
}

/** Stores one setting (inserted or replaced). */
export async function writeSetting(db: Executor, key: string, value: unknown) {
  await db
    .insert(appSettings)
    .values({ key, value: value as never, updatedAt: new Date() })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: value as never, updatedAt: new Date() } });
}
