/**
 * Property-based probes of the public API: the real route handlers (token check, body reading,
 * validation, query layer) against a fresh database on every backend. Whatever arrives — arbitrary
 * JSON, arbitrary bytes, hostile values — the answer is never a 5xx and nothing is half-written:
 * the rows counted before and after differ by exactly what the answer says was stored.
 *
 * CI runs these with a fixed seed and a bounded number of runs (FUZZ_SEED, FUZZ_RUNS; see
 * tests/setup/fuzz.ts); a failure prints the seed and path that reproduce it.
 */
import { count, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { businessProcesses, departments, insightEvents, insights, kpis, measurements } from "@/db/schema";
import { createApiToken } from "@/db/queries/api-tokens";
import { seedFoundation } from "@/db/seed/foundation";
import { availableBackends, createTestDb, type TestDb } from "@/db/testing";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const BASE = "http://127.0.0.1/api/v1";

/** Values that broke or could break a parser, a column or an aggregate. */
const hostile = fc.oneof(
  fc.constantFrom(
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
    -0,
    0,
    1e-320,
    "NaN",
    "Infinity",
    "1e308",
    "",
    " ",
    "\u0000",
    "\ud800",
    "0000-01-01T00:00:00Z",
    "0001-01-01T00:30:00+01:00",
    "9999-12-31T23:59:59Z",
    "2026-02-30",
    "2026-03-31",
    "31.03.2026",
    "2026-03-31T10:00:00Z",
    null,
    true,
    [],
    {},
  ),
  fc.string(),
  fc.double(),
  fc.integer(),
);

/** Well-formed batches with hostile numbers: these reach the database and the aggregates. */
const plausibleItem = fc.record({
  date: fc.constantFrom("2026-03-01", "2026-03-31", "2026-04-01", "2025-12-31"),
  value: fc.oneof(fc.constantFrom(1e308, -1e308, 1e12, -1e12, 1e12 + 1, 0, -1, 100.5, 5e-324), fc.double({ noNaN: true })),
});
const measurementBody = fc.oneof(
  fc.jsonValue(),
  fc.record({ items: fc.array(fc.record({ date: hostile, value: hostile }, { requiredKeys: [] }), { maxLength: 5 }) }),
  fc.record({ items: fc.array(plausibleItem, { minLength: 1, maxLength: 4 }) }),
);

const insightItem = fc.record(
  {
    source: fc.oneof(fc.constant("fuzz"), hostile),
    externalId: fc.oneof(fc.uuid(), hostile),
    platform: fc.oneof(fc.constantFrom("facebook", "x", "forum", "other"), hostile),
    channelId: hostile,
    occurredAt: fc.oneof(fc.constant("2026-03-01T10:00:00Z"), hostile),
    text: fc.oneof(fc.constant("Das Getriebe ist zu laut."), hostile),
    category: fc.oneof(fc.constantFrom("complaint", "praise", "idea"), hostile),
    sentiment: hostile,
    language: hostile,
    url: hostile,
    authorHandle: hostile,
  },
  { requiredKeys: [] },
);
const insightBody = fc.oneof(fc.jsonValue(), insightItem, fc.array(insightItem, { maxLength: 5 }), fc.record({ items: fc.array(insightItem, { maxLength: 5 }) }));

const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  fc.string().map((s) => new TextEncoder().encode(s)),
  // Almost-JSON: a valid body with a raw byte spliced in.
  fc.tuple(fc.jsonValue(), fc.nat(), fc.integer({ min: 0, max: 255 })).map(([v, at, b]) => {
    const raw = new TextEncoder().encode(JSON.stringify(v) ?? "null");
    const i = raw.length ? at % raw.length : 0;
    return Uint8Array.from([...raw.slice(0, i), b, ...raw.slice(i)]);
  }),
);

for (const backend of availableBackends()) {
  describe(`public endpoints under arbitrary input on ${backend}`, () => {
    let t: TestDb;
    let token = "";
    let kpiId = 0;
    let postMeasurements: Handler;
    let postInsights: Handler;

    beforeAll(async () => {
      t = await createTestDb(backend);
      await t.db.transaction((tx) => seedFoundation(tx));
      // The route handlers reach the database through db/index.ts: hand them this one.
      (globalThis as unknown as { __dbReady?: Promise<unknown> }).__dbReady = Promise.resolve({ conn: t, seeded: false });
      const [dep] = await t.db.select({ id: departments.id }).from(departments).limit(1);
      const [proc] = await t.db.insert(businessProcesses).values({ departmentId: dep.id, name: "Fuzzing" }).returning();
      const sum = { businessProcessId: proc.id, unit: "count", direction: "higher_is_better", period: "month", aggregation: "sum", target: 10, warningThreshold: 5, criticalThreshold: 2 } as const;
      [{ id: kpiId }] = await t.db.insert(kpis).values({ ...sum, name: "Fuzz-Summe" }).returning({ id: kpis.id });
      token = (await createApiToken(t.db, null, { name: "fuzz", scopes: ["measurements:write", "insights:write"] })).token;
      postMeasurements = (await import("@/app/api/v1/kpis/[id]/measurements/route")).POST as unknown as Handler;
      postInsights = (await import("@/app/api/v1/insights/route")).POST as unknown as Handler;
    });
    afterAll(async () => {
      (globalThis as unknown as { __dbReady?: unknown }).__dbReady = undefined;
      await t?.dispose();
    });

    const send = (handler: Handler, url: string, body: string | Uint8Array, params: Record<string, string> = {}) =>
      handler(
        new Request(url, {
          method: "POST",
          body: body as BodyInit,
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        }),
        { params: Promise.resolve(params) },
      );
    const storedValues = async () => (await t.db.select({ n: count() }).from(measurements).where(eq(measurements.kpiId, kpiId)))[0].n;
    const storedInsights = async () => ({
      insights: (await t.db.select({ n: count() }).from(insights))[0].n,
      events: (await t.db.select({ n: count() }).from(insightEvents))[0].n,
    });

    async function checkMeasurements(body: string | Uint8Array) {
      const before = await storedValues();
      const res = await send(postMeasurements, `${BASE}/kpis/${kpiId}/measurements`, body, { id: String(kpiId) });
      expect(res.status, await res.clone().text()).toBeLessThan(500);
      const json = await res.json();
      const after = await storedValues();
      if (res.status === 201) expect(after - before).toBe(json.data.stored);
      else expect(after).toBe(before);
    }

    async function checkInsights(body: string | Uint8Array) {
      const before = await storedInsights();
      const res = await send(postInsights, `${BASE}/insights`, body);
      expect(res.status, await res.clone().text()).toBeLessThan(500);
      const json = await res.json();
      const after = await storedInsights();
      const created = res.status === 201 ? json.data.created : 0;
      // Every stored insight comes with exactly one history event: no item is half-written.
      expect(after.insights - before.insights).toBe(created);
      expect(after.events - before.events).toBe(created);
    }

    it("POST /api/v1/kpis/{id}/measurements: arbitrary JSON and hostile values", async () => {
      await fc.assert(fc.asyncProperty(measurementBody, (b) => checkMeasurements(JSON.stringify(b) ?? "null")));
    });

    it("POST /api/v1/kpis/{id}/measurements: arbitrary bytes", async () => {
      await fc.assert(fc.asyncProperty(bytes, (b) => checkMeasurements(b)));
    });

    it("POST /api/v1/insights: arbitrary JSON and hostile items", async () => {
      await fc.assert(fc.asyncProperty(insightBody, (b) => checkInsights(JSON.stringify(b) ?? "null")));
    });

    it("POST /api/v1/insights: arbitrary bytes", async () => {
      await fc.assert(fc.asyncProperty(bytes, (b) => checkInsights(b)));
    });
  });
}
