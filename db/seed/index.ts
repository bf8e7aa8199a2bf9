import { count } from "drizzle-orm";
import type { Executor } from "../client";
import { users } from "../schema";
import { seedChannels } from "./channels";
import { seedCrisis } from "./crisis";
import { seedFoundation } from "./foundation";
import { seedGuidelines } from "./guidelines";
import { seedInsights } from "./insights";
import { seedMeasures } from "./measures";
import { seedDerivedKpis, seedKpis } from "./kpis";
import { todayIn } from "@/lib/kpis/periods";
import { storeIntegrationScores } from "../queries/integration-score";

export { DEMO_LOGINS, DEMO_PASSWORD } from "./foundation";

/**
 * Seeds the demo company. Every step is idempotent (keyed on natural keys), so running it twice
 * changes nothing; capability seeds are added below in dependency order. `now` is the moment the
 * demo is seeded for: the story (which KPIs are off target, which alerts are open, which insights
 * are overdue) is the same on every day of the year.
 */
export async function seedDemo(db: Executor, now: Date = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await seedFoundation(tx);
    await seedChannels(tx, now);
    await seedGuidelines(tx, now);
    await seedKpis(tx, todayIn(now));
    await seedInsights(tx, now);
    await seedCrisis(tx, now);
    await seedDerivedKpis(tx, now);
    await seedMeasures(tx, todayIn(now));
    // The integration score of the last three months, so the overview shows a trend from the start.
    for (const daysAgo of [60, 30, 0]) await storeIntegrationScores(tx, new Date(now.getTime() - daysAgo * 86_400_000));
  });
}

/** Seeds only a database nobody has used yet, so a company's own data is never mixed with demo data. */
export async function seedIfEmpty(db: Executor, now: Date = new Date()): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (n > 0) return false;
  await seedDemo(db, now);
  return true;
}
