import fc from "fast-check";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { insightEvents, insights } from "../schema";
import { seedFoundation } from "../seed/foundation";
import { ingestBody, type IntakeActor } from "./insight-intake";

const api: IntakeActor = { via: "api", userId: null, label: "Test-Feed" };
const NOW = new Date("2026-06-15T10:00:00Z");

const item = (externalId: string, occurredAt: string) => ({
  source: "probe",
  externalId,
  platform: "facebook",
  occurredAt,
  text: "Die Lieferung kam pünktlich.",
  category: "praise",
});

for (const backend of availableBackends()) {
  describe(`insight intake of hostile dates on ${backend}`, () => {
    let t: TestDb;
    const counts = async () => ({
      insights: (await t.db.select({ n: count() }).from(insights))[0].n,
      events: (await t.db.select({ n: count() }).from(insightEvents))[0].n,
    });
    beforeAll(async () => {
      t = await createTestDb(backend);
      await t.db.transaction((tx) => seedFoundation(tx));
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("reports a year-0 or far-future date as that item's field error and stores the others", async () => {
      const before = await counts();
      const res = await ingestBody(
        t.db,
        api,
        [
          item("ok-1", "2026-06-01T08:00:00Z"),
          item("year-0", "0000-01-01T00:00:00Z"),
          item("year-1", "0001-01-01T00:30:00+01:00"),
          item("ok-2", "1970-01-01T00:00:00Z"),
          item("year-2101", "2101-01-01T00:00:00Z"),
          item("before-1970", "1969-12-31T23:59:59Z"),
        ],
        NOW,
      );
      expect(res.items.map((i) => i.status)).toEqual(["created", "invalid", "invalid", "created", "invalid", "invalid"]);
      for (const i of [1, 2, 4, 5]) expect(res.items[i].errors).toEqual({ occurredAt: ["insights.errors.occurredRange"] });
      expect(await counts()).toEqual({ insights: before.insights + 2, events: before.events + 2 });
      const stored = await t.db.select({ externalId: insights.externalId }).from(insights).where(eq(insights.source, "probe"));
      expect(stored.map((s) => s.externalId).sort()).toEqual(["ok-1", "ok-2"]);
    });

    it("stores any text, handle and link exactly as sent (the batch travels as array literals)", async () => {
      // Quotes, backslashes, braces, commas, the word NULL and any Unicode are what a hand-made
      // array literal gets wrong first.
      const tricky = fc.oneof(
        fc.constantFrom('"', "\\", "{", "}", ",", "NULL", "null", " ", "\\\"", '{"a","b"}', "ä ß 😀"),
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }),
      );
      const text = fc.array(tricky, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(""));
      let n = 0;
      let stored = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(fc.record({ text, handle: fc.option(text, { nil: undefined }) }), { minLength: 1, maxLength: 5 }), async (batch) => {
          const sent = batch
            .map((b) => ({ ...item(`array-${n++}`, "2026-06-01T08:00:00Z"), text: b.text.trim(), authorHandle: b.handle?.trim() || undefined }))
            .filter((b) => b.text.length > 0);
          // Texts of spaces only trim to nothing; a batch of nothing is refused as empty (tested elsewhere).
          if (sent.length === 0) return;
          const res = await ingestBody(t.db, api, sent, NOW);
          for (const [i, r] of res.items.entries()) {
            if (r.status !== "created") continue;
            stored++;
            const [row] = await t.db.select({ text: insights.text, handle: insights.authorHandle }).from(insights).where(eq(insights.id, r.id!));
            expect(row.text).toBe(sent[i].text);
            expect(row.handle ?? undefined).toBe(sent[i].authorHandle);
          }
        }),
        { numRuns: 30 },
      );
      expect(stored).toBeGreaterThan(20);
    });
  });
}
