import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { alerts, departments } from "../schema";
import { seedFoundation } from "../seed/foundation";
import { evaluateCrisis } from "./crisis";
import { ingestBody } from "./insight-intake";

const actor = { via: "api" as const, userId: null, label: "test" };

function negatives(from: number, n: number, at: Date) {
  return Array.from({ length: n }, (_, i) => ({
    source: "crisis-test",
    externalId: `neg-${from + i}`,
    occurredAt: at.toISOString(),
    text: `Unzumutbar, das Produkt ist gefährlich! (${from + i})`,
    category: "complaint",
    platform: "facebook",
    sentiment: "negative",
    language: "de",
  }));
}

for (const backend of availableBackends()) {
  describe(`crisis early warning on ${backend}`, () => {
    let t: TestDb;
    const now = new Date();
    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedFoundation(t.db);
    });
    afterAll(async () => {
      await t?.dispose();
    });

    const crisisAlerts = () => t.db.select().from(alerts).where(eq(alerts.kind, "crisis"));

    it("stays quiet below the minimum", async () => {
      await ingestBody(t.db, actor, negatives(0, 9, now), now);
      expect(await crisisAlerts()).toHaveLength(0);
    });

    it("opens one warning for the communications department when negative voices pile up", async () => {
      await ingestBody(t.db, actor, negatives(9, 1, now), now);
      const list = await crisisAlerts();
      expect(list).toHaveLength(1);
      const [comms] = await t.db.select().from(departments).where(eq(departments.kind, "communications"));
      expect(list[0]).toMatchObject({ severity: "warning", status: "open", value: 10, departmentId: comms.id });
    });

    it("escalates the same alert to critical instead of adding another", async () => {
      await ingestBody(t.db, actor, negatives(10, 15, now), now);
      const list = await crisisAlerts();
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ severity: "critical", status: "open", value: 25 });
      expect(list[0].escalatedAt).toBeInstanceOf(Date);
    });

    it("ignores positive insights and old ones", async () => {
      const praise = negatives(100, 30, now).map((i) => ({ ...i, sentiment: "positive", category: "praise" }));
      await ingestBody(t.db, actor, praise, now);
      expect((await crisisAlerts())[0].value).toBe(25);
    });

    it("resolves once the window has passed", async () => {
      const later = new Date(now.getTime() + 7 * 3_600_000);
      const r = await evaluateCrisis(t.db, later);
      expect(r.decision).toBe("resolve");
      const list = await crisisAlerts();
      expect(list).toHaveLength(1);
      expect(list[0].status).toBe("resolved");
    });

    it("opens a new alert for a new spike after the last one resolved", async () => {
      // 25 negatives from earlier today are now baseline for a window 7 hours later.
      const later = new Date(now.getTime() + 7 * 3_600_000);
      await ingestBody(t.db, actor, negatives(200, 10, later), later);
      const open = (await crisisAlerts()).filter((a) => a.status !== "resolved");
      expect(open).toHaveLength(1);
      expect(open[0].severity).toBe("warning");
    });
  });
}
