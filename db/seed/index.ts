import { count } from "drizzle-orm";
import type { Executor } from "../client";
import { users } from "../schema";
import { seedChannels } from "./channels";
import { seedFoundation } from "./foundation";
import { seedGuidelines } from "./guidelines";
import { seedInsights } from "./insights";
import { seedKpis } from "./kpis";

export { DEMO_LOGINS, DEMO_PASSWORD } from "./foundation";

/**
 * Seeds the demo company. Every step is idempotent (keyed on natural keys), so running it twice
 * changes nothing; capability seeds are added below in dependency order.
 */
export async function seedDemo(db: Executor): Promise<void> {
  await db.transaction(async (tx) => {
    await seedFoundation(tx);
    await seedChannels(tx);
    await seedGuidelines(tx);
    await seedKpis(tx);
    await seedInsights(tx);
  });
}

/** Seeds only a database nobody has used yet, so a company's own data is never mixed with demo data. */
export async function seedIfEmpty(db: Executor): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (n > 0) return false;
  await seedDemo(db);
  return true;
}
