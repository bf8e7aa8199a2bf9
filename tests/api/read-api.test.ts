/**
 * The public read API (GET /api/v1/insights, /api/v1/insights/{id}, /api/v1/alerts, and the
 * OpenAPI document) through its real route handlers on every backend: token scopes, filters,
 * cursor paging while new insights arrive, the sync by last change, pseudonymised authors, and
 * clear 422s for parameters it does not know.
 */
import { eq, inArray } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alerts, departments, insightEvents, insights } from "@/db/schema";
import { createApiToken } from "@/db/queries/api-tokens";
import { ingestBody } from "@/db/queries/insight-intake";
import { seedFoundation } from "@/db/seed/foundation";
import { availableBackends, createTestDb, type TestDb } from "@/db/testing";
import { apiAlert, apiInsight, apiInsightDetail } from "@/lib/schemas/api-v1";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const BASE = "http://127.0.0.1/api/v1";
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

for (const backend of availableBackends()) {
  describe(`read API on ${backend}`, () => {
    let t: TestDb;
    let tokens: Record<"read" | "write" | "alerts", string>;
    let dep: Record<string, number>;
    let list: Handler;
    let one: Handler;
    let alertList: Handler;
    let openapi: Handler;
    let seq = 0;

    beforeAll(async () => {
      t = await createTestDb(backend);
      await t.db.transaction((tx) => seedFoundation(tx));
      (globalThis as unknown as { __dbReady?: Promise<unknown> }).__dbReady = Promise.resolve({ conn: t, seeded: false });
      dep = Object.fromEntries((await t.db.select().from(departments)).map((d) => [d.slug, d.id]));
      tokens = {
        read: (await createApiToken(t.db, null, { name: "crm", scopes: ["insights:read"] })).token,
        write: (await createApiToken(t.db, null, { name: "feed", scopes: ["insights:write"] })).token,
        alerts: (await createApiToken(t.db, null, { name: "bi", scopes: ["alerts:read"] })).token,
      };
      const insightsRoute = await import("@/app/api/v1/insights/route");
      list = insightsRoute.GET as unknown as Handler;
      one = (await import("@/app/api/v1/insights/[id]/route")).GET as unknown as Handler;
      alertList = (await import("@/app/api/v1/alerts/route")).GET as unknown as Handler;
      openapi = (await import("@/app/api/v1/openapi.json/route")).GET as unknown as Handler;
    });
    afterAll(async () => {
      (globalThis as unknown as { __dbReady?: unknown }).__dbReady = undefined;
      await t?.dispose();
    });

    const get = (handler: Handler, path: string, token: string | null, params: Record<string, string> = {}) =>
      handler(new Request(`${BASE}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }), { params: Promise.resolve(params) });

    /** Insights through the real intake, at T0 + minutes; returns their ids. */
    async function deliver(items: { minutes: number; text?: string; source?: string; handle?: string; category?: string }[]) {
      const result = await ingestBody(
        t.db,
        { via: "api", userId: null, label: "test" },
        {
          items: items.map((i) => ({
            source: i.source ?? "test-feed",
            externalId: `x-${++seq}`,
            platform: "forum",
            occurredAt: new Date(T0 + i.minutes * 60_000).toISOString(),
            text: i.text ?? `Frage Nummer ${seq}`,
            category: i.category ?? "question",
            authorHandle: i.handle ?? null,
          })),
        },
        new Date(T0 + 10 * 24 * 3_600_000),
      );
      return result.items.map((i) => i.id!);
    }

    it("needs a token with the right scope", async () => {
      expect((await get(list, "/insights", null)).status).toBe(401);
      expect((await get(list, "/insights", "smc_unknown")).status).toBe(401);
      expect((await get(list, "/insights", tokens.write)).status).toBe(403);
      expect((await get(list, "/insights", tokens.alerts)).status).toBe(403);
      expect((await get(alertList, "/alerts", tokens.read)).status).toBe(403);
      expect((await get(list, "/insights", tokens.read)).status).toBe(200);
      expect((await get(alertList, "/alerts", tokens.alerts)).status).toBe(200);
    });

    it("pages through every insight exactly once while new ones arrive, newest first", async () => {
      await deliver(Array.from({ length: 23 }, (_, i) => ({ minutes: i % 5, source: "paging" })));
      const seen: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await get(list, `/insights?source=paging&pageSize=4${cursor ? `&cursor=${cursor}` : ""}`, tokens.read);
        expect(res.status).toBe(200);
        const body = await res.json();
        for (const row of body.data) apiInsight.parse(row);
        seen.push(...body.data.map((r: { id: number }) => r.id));
        cursor = body.page.next;
        // Newer insights arriving meanwhile land above the cursor: they shift nothing below it.
        if (pages++ === 1) await deliver([{ minutes: 100, source: "paging" }, { minutes: 2, source: "paging" }]);
      } while (cursor);
      const all = await t.db.select({ id: insights.id, at: insights.occurredAt }).from(insights).where(eq(insights.source, "paging"));
      expect(new Set(seen).size).toBe(seen.length);
      // Everything that existed at the start is there; of the late ones, what sorts below the cursor.
      expect(seen.length).toBeGreaterThanOrEqual(23);
      expect(all.length).toBe(25);
      const order = all.filter((r) => seen.includes(r.id)).sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id).map((r) => r.id);
      expect(seen).toEqual(order);
    });

    it("filters by department (id or slug), status, category, source, text and time, and refuses what it does not know", async () => {
      const ids = await deliver([
        { minutes: 1000, text: "Das Geräusch am Getriebe ist laut", source: "filter", category: "complaint" },
        { minutes: 1001, text: "Geraeusch beim Anfahren", source: "filter", category: "complaint" },
        { minutes: 1002, text: "Wann kommt der Katalog?", source: "filter" },
      ]);
      await t.db.update(insights).set({ departmentId: dep.kundenservice, status: "routed" }).where(eq(insights.id, ids[0]));
      const idsOf = async (q: string) => {
        const res = await get(list, `/insights?source=filter&${q}`, tokens.read);
        expect(res.status, await res.clone().text()).toBe(200);
        return (await res.json()).data.map((r: { id: number }) => r.id).sort();
      };
      expect(await idsOf("department=kundenservice")).toEqual([ids[0]]);
      expect(await idsOf(`department=${dep.kundenservice}`)).toEqual([ids[0]]);
      expect(await idsOf("status=routed")).toEqual([ids[0]]);
      expect(await idsOf("category=complaint")).toEqual([ids[0], ids[1]].sort());
      expect(await idsOf(`q=${encodeURIComponent("geräusch")}`)).toEqual([ids[0], ids[1]].sort());
      const at = (m: number) => encodeURIComponent(new Date(T0 + m * 60_000).toISOString());
      expect(await idsOf(`since=${at(1001)}&until=${at(1002)}`)).toEqual([ids[1]]);

      for (const [q, field] of [
        ["department=gibt-es-nicht", "department"],
        ["status=offen", "status"],
        ["pageSize=201", "pageSize"],
        ["since=gestern", "since"],
        ["status=routed&status=accepted", "status"],
        ["sort=asc", "_form"],
      ] as const) {
        const res = await get(list, `/insights?${q}`, tokens.read);
        expect(res.status, q).toBe(422);
        const body = await res.json();
        expect(body.error.code).toBe("validation_failed");
        expect(Object.keys(body.error.fields)).toContain(field);
      }
      expect((await get(list, "/insights?cursor=kaputt!", tokens.read)).status).toBe(400);
    });

    it("shows authors only by alias, never by handle", async () => {
      const [id] = await deliver([{ minutes: 2000, handle: "@geheime.person", source: "alias" }]);
      const listed = await (await get(list, "/insights?source=alias", tokens.read)).text();
      const detail = await (await get(one, `/insights/${id}`, tokens.read, { id: String(id) })).text();
      for (const body of [listed, detail]) {
        expect(body).not.toContain("geheime");
        expect(JSON.parse(body).data).toBeTruthy();
      }
      const alias = JSON.parse(detail).data.author.alias;
      expect(alias).toMatch(/\S/);
      expect(JSON.parse(listed).data[0].author.alias).toBe(alias);
    });

    it("returns one insight with its history, and 404 for another id", async () => {
      const [id] = await deliver([{ minutes: 3000, source: "detail" }]);
      const [received] = await t.db.select({ at: insightEvents.createdAt }).from(insightEvents).where(eq(insightEvents.insightId, id));
      await t.db.insert(insightEvents).values({ insightId: id, type: "commented", note: "Rückruf vereinbart", createdAt: new Date(received.at.getTime() + 60_000) });
      const res = await get(one, `/insights/${id}`, tokens.read, { id: String(id) });
      expect(res.status).toBe(200);
      const { data } = await res.json();
      apiInsightDetail.parse(data);
      expect(data.history.map((e: { type: string }) => e.type)).toEqual(["received", "commented"]);
      expect(data.history[1].note).toBe("Rückruf vereinbart");
      expect((await get(one, "/insights/999999999", tokens.read, { id: "999999999" })).status).toBe(404);
      expect((await get(one, "/insights/abc", tokens.read, { id: "abc" })).status).toBe(404);
    });

    it("syncs by last change: updatedSince lists what changed since, most recent change first", async () => {
      const ids = await deliver([{ minutes: 4000, source: "sync" }, { minutes: 4001, source: "sync" }, { minutes: 4002, source: "sync" }]);
      // Far beyond any clock a test runs at (the calendar-edge passes fake 2030–2032): only the two
      // insights changed "after" it match, however late the others were created.
      const since = new Date(Date.UTC(2150, 0, 1));
      await t.db.update(insights).set({ updatedAt: new Date(since.getTime() + 60_000) }).where(eq(insights.id, ids[0]));
      await t.db.update(insights).set({ updatedAt: new Date(since.getTime() + 120_000) }).where(eq(insights.id, ids[2]));
      const res = await get(list, `/insights?updatedSince=${encodeURIComponent(since.toISOString())}&pageSize=1`, tokens.read);
      const first = await res.json();
      expect(first.data.map((r: { id: number }) => r.id)).toEqual([ids[2]]);
      const next = await (await get(list, `/insights?updatedSince=${encodeURIComponent(since.toISOString())}&pageSize=1&cursor=${first.page.next}`, tokens.read)).json();
      expect(next.data.map((r: { id: number }) => r.id)).toEqual([ids[0]]);
      expect(next.page.next).toBeNull();
      expect(first.page.total).toBe(2);
    });

    it("lists alerts company-wide with filters", async () => {
      await t.db.insert(alerts).values([
        { kind: "crisis", severity: "critical", status: "open", departmentId: dep.kommunikation ?? null, message: "Spitze negativer Stimmen" },
        { kind: "crisis", severity: "warning", status: "resolved", message: "vorbei", resolvedAt: new Date(T0) },
      ]);
      const res = await get(alertList, "/alerts?status=unresolved&kind=crisis", tokens.alerts);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.data.length).toBe(1);
      apiAlert.parse(body.data[0]);
      expect(body.data[0]).toMatchObject({ kind: "crisis", severity: "critical", status: "open" });
      expect((await get(alertList, "/alerts?kind=sonstiges", tokens.alerts)).status).toBe(422);
    });

    it("never answers 5xx to arbitrary query strings", async () => {
      const key = fc.constantFrom("status", "department", "category", "source", "q", "since", "until", "updatedSince", "pageSize", "cursor", "page", "x");
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(key, fc.string({ maxLength: 40 })), { maxLength: 4 }), async (pairs) => {
          const qs = new URLSearchParams(pairs).toString();
          for (const [h, path] of [
            [list, `/insights?${qs}`],
            [alertList, `/alerts?${qs}`],
          ] as const) {
            const res = await get(h, path, path.startsWith("/alerts") ? tokens.alerts : tokens.read);
            expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(500);
          }
        }),
      );
    });

    it("serves an OpenAPI 3.1 document naming every public endpoint", async () => {
      const res = await openapi(new Request(`${BASE}/openapi.json`), { params: Promise.resolve({}) });
      expect(res.status).toBe(200);
      const doc = await res.json();
      expect(doc.openapi).toBe("3.1.0");
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/insights", "/api/v1/insights/{id}", "/api/v1/alerts", "/api/v1/kpis/{id}/measurements"]));
      expect(doc.paths["/api/v1/insights"].get.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(["status", "department", "category", "source", "q", "since", "until", "updatedSince", "pageSize", "cursor"]),
      );
      expect(doc.components.schemas.Insight.properties.author).toBeTruthy();
    });

    it("deleted ids are simply gone", async () => {
      const [id] = await deliver([{ minutes: 5000, source: "gone" }]);
      await t.db.delete(insights).where(inArray(insights.id, [id]));
      expect((await get(one, `/insights/${id}`, tokens.read, { id: String(id) })).status).toBe(404);
    });
  });
}
