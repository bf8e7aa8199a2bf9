import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { businessProcesses, departments, idempotencyKeys, measurements } from "../schema";
import { seedDemo } from "../seed";
import { createApiToken, type TokenPrincipal } from "./api-tokens";
import { findIdempotentAnswer, rememberIdempotentAnswer } from "./idempotency";
import { createKpi, getKpi } from "./kpis";
import { kpiSeries } from "./measurements";
import { postMeasurements } from "@/app/api/v1/kpis/[id]/measurements/post";
import { todayIn } from "@/lib/kpis/periods";

// A fixed moment: nothing here depends on the day the tests run.
const now = new Date("2026-06-15T10:00:00Z");
const today = todayIn(now);
const HOUR = 60 * 60 * 1000;

for (const backend of availableBackends()) {
  describe(`Idempotency-Key on the measurements API on ${backend}`, () => {
    let t: TestDb;
    let token: TokenPrincipal;
    let other: TokenPrincipal;
    let kpiId: number;
    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedDemo(t.db, now);
      const [{ id: processId }] = await t.db
        .select({ id: businessProcesses.id })
        .from(businessProcesses)
        .innerJoin(departments, eq(departments.id, businessProcesses.departmentId))
        .where(eq(departments.slug, "kundenservice"))
        .limit(1);
      // A summed count: a batch stored twice would show as twice the value.
      const kpi = await createKpi(t.db, null, {
        businessProcessId: processId,
        name: "Anfragen über soziale Kanäle (Test)",
        description: null,
        unit: "count",
        direction: "higher_is_better",
        period: "month",
        aggregation: "sum",
        channelId: null,
        target: 100,
        warningThreshold: 50,
        criticalThreshold: 20,
      });
      kpiId = kpi.id;
      const a = await createApiToken(t.db, null, { name: "Monitoring", scopes: ["measurements:write"] });
      const b = await createApiToken(t.db, null, { name: "Zweites System", scopes: ["measurements:write"] });
      token = { id: a.id, name: a.name, scopes: a.scopes };
      other = { id: b.id, name: b.name, scopes: b.scopes };
    });
    afterAll(async () => {
      await t?.dispose();
    });

    const post = (body: unknown, opts: { key?: string; as?: TokenPrincipal; at?: Date; id?: number } = {}) =>
      postMeasurements(
        new Request(`http://localhost/api/v1/kpis/${opts.id ?? kpiId}/measurements`, {
          method: "POST",
          body: typeof body === "string" ? body : JSON.stringify(body),
          headers: { "content-type": "application/json", ...(opts.key !== undefined ? { "Idempotency-Key": opts.key } : {}) },
        }),
        { db: t.db, token: opts.as ?? token, params: { id: String(opts.id ?? kpiId) } },
        opts.at ?? now,
      );
    const storedRows = async () => (await t.db.select({ n: count() }).from(measurements).where(eq(measurements.kpiId, kpiId)))[0].n;
    const monthSum = async () => {
      const kpi = (await getKpi(t.db, kpiId))!;
      return (await kpiSeries(t.db, kpi, { until: today, today, periods: 1 }))[0].value;
    };
    const keys = async (key: string) => (await t.db.select({ n: count() }).from(idempotencyKeys).where(eq(idempotencyKeys.key, key)))[0].n;

    it("stores a retried batch once and answers it exactly as the first time", async () => {
      const rowsBefore = await storedRows();
      const sumBefore = (await monthSum()) ?? 0;
      const body = { items: [{ date: "2026-06-01", value: 30 }, { date: "2026-06-02", value: 12 }] };
      const first = await post(body, { key: "batch-2026-06-02" });
      expect(first.status).toBe(201);
      expect(first.headers.get("Idempotent-Replayed")).toBeNull();
      const firstBody = await first.json();
      expect(firstBody.data).toMatchObject({ kpiId, stored: 2 });

      // The same JSON, differently spaced: still the same request.
      const again = await post(JSON.stringify(body, null, 2), { key: "batch-2026-06-02" });
      expect(again.status).toBe(201);
      expect(again.headers.get("Idempotent-Replayed")).toBe("true");
      expect(await again.json()).toEqual(firstBody);

      expect(await storedRows()).toBe(rowsBefore + 2);
      // The summed KPI counts the batch once.
      expect(await monthSum()).toBe(sumBefore + 42);
      expect(await keys("batch-2026-06-02")).toBe(1);
    });

    it("answers the same key with another body with a conflict, and stores nothing", async () => {
      await post({ items: [{ date: "2026-06-03", value: 5 }] }, { key: "batch-2026-06-03" });
      const rows = await storedRows();
      const sum = await monthSum();
      const r = await post({ items: [{ date: "2026-06-03", value: 500 }] }, { key: "batch-2026-06-03" });
      expect(r.status).toBe(409);
      expect((await r.json()).error.code).toBe("conflict");
      expect(r.headers.get("Idempotent-Replayed")).toBeNull();
      expect(await storedRows()).toBe(rows);
      expect(await monthSum()).toBe(sum);
    });

    it("keeps no failed answer, so a corrected request may reuse the key", async () => {
      const rows = await storedRows();
      const bad = await post({ items: [{ date: "2026-06-04", value: -3 }] }, { key: "batch-2026-06-04" });
      expect(bad.status).toBe(422);
      const future = await post({ items: [{ date: "2026-06-16", value: 3 }] }, { key: "batch-2026-06-04" });
      expect(future.status).toBe(422);
      expect(await keys("batch-2026-06-04")).toBe(0);
      expect(await storedRows()).toBe(rows);
      const good = await post({ items: [{ date: "2026-06-04", value: 3 }] }, { key: "batch-2026-06-04" });
      expect(good.status).toBe(201);
      expect(await storedRows()).toBe(rows + 1);
    });

    it("scopes keys per token and route, and forgets them after 24 hours", async () => {
      const body = { items: [{ date: "2026-06-05", value: 1 }] };
      const rows = await storedRows();
      expect((await post(body, { key: "shared-key" })).status).toBe(201);
      // Another token's key of the same name is its own request.
      const theirs = await post(body, { key: "shared-key", as: other });
      expect(theirs.status).toBe(201);
      expect(theirs.headers.get("Idempotent-Replayed")).toBeNull();
      expect(await storedRows()).toBe(rows + 2);
      // Within 24 hours a retry is a replay; afterwards the key is new again.
      const later = await post(body, { key: "shared-key", at: new Date(now.getTime() + 23 * HOUR) });
      expect(later.headers.get("Idempotent-Replayed")).toBe("true");
      expect(await storedRows()).toBe(rows + 2);
      const dayAfter = new Date(now.getTime() + 24 * HOUR);
      const fresh = await post(body, { key: "shared-key", at: dayAfter });
      expect(fresh.status).toBe(201);
      expect(fresh.headers.get("Idempotent-Replayed")).toBeNull();
      expect(await storedRows()).toBe(rows + 3);
      const [kept] = await t.db
        .select({ createdAt: idempotencyKeys.createdAt })
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.tokenId, token.id), eq(idempotencyKeys.key, "shared-key")));
      expect(kept.createdAt.getTime()).toBe(dayAfter.getTime());
    });

    it("refuses a key that is empty, too long or not printable ASCII with a field error", async () => {
      const rows = await storedRows();
      for (const key of ["", "x".repeat(201), "schlüssel"]) {
        // Header values are bytes: a non-ASCII key is sent as its UTF-8 bytes read as Latin-1.
        const r = await post({ items: [{ date: "2026-06-06", value: 1 }] }, { key: key === "schlüssel" ? "schl\u00c3\u00bcssel" : key });
        expect(r.status, JSON.stringify(key)).toBe(400);
        expect(Object.keys((await r.json()).error.fields)).toEqual(["Idempotency-Key"]);
      }
      expect(await storedRows()).toBe(rows);
      expect((await post({ items: [{ date: "2026-06-06", value: 1 }] }, { key: "x".repeat(200) })).status).toBe(201);
    });

    it("stores one batch when the same key arrives twice at once", async () => {
      const rows = await storedRows();
      const sum = (await monthSum()) ?? 0;
      const body = { items: [{ date: "2026-06-07", value: 7 }] };
      const answers = await Promise.all([post(body, { key: "race" }), post(body, { key: "race" })]);
      const bodies = await Promise.all(answers.map((r) => r.json()));
      expect(answers.map((r) => r.status)).toEqual([201, 201]);
      expect(answers.filter((r) => r.headers.get("Idempotent-Replayed") === "true")).toHaveLength(1);
      expect(bodies[0]).toEqual(bodies[1]);
      expect(await storedRows()).toBe(rows + 1);
      expect(await monthSum()).toBe(sum + 7);
    });

    it("rememberIdempotentAnswer fails on a key already stored; the answer is found until it expires", async () => {
      const scope = { tokenId: token.id, route: "POST /api/v1/kpis/0/measurements", key: "direct" };
      const answer = { requestHash: "h", status: 201, body: { data: { stored: 1 } } };
      await t.db.transaction((tx) => rememberIdempotentAnswer(tx, scope, answer, now));
      await expect(t.db.transaction((tx) => rememberIdempotentAnswer(tx, scope, answer, now))).rejects.toThrow();
      expect(await findIdempotentAnswer(t.db, scope, new Date(now.getTime() + 24 * HOUR - 1))).toEqual(answer);
      expect(await findIdempotentAnswer(t.db, scope, new Date(now.getTime() + 24 * HOUR))).toBeNull();
    });
  });
}
