import { and, eq, inArray, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { auditLog, businessProcesses, channels, departments, insightEvents, insights, kpis, measurements, users } from "../schema";
import { seedFoundation } from "../seed/foundation";
import { listAudit } from "./audit";
import { ingestBody, type IntakeActor } from "./insight-intake";
import { departmentInbox, listInsights, type Viewer } from "./insights";
import { listMeasurements } from "./measurements";
import { createRule, deleteRule } from "./routing-rules";
import { AppError } from "@/lib/errors";
import { cursorParams, encodeCursor } from "@/lib/pagination/cursor";
import { foldText } from "@/lib/routing/text";

const api: IntakeActor = { via: "api", userId: null, label: "Test-Feed" };
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
const BAD_CURSORS = ["nicht base64!", "e30", b64(["2025-13-01 10:00:00+00", 1]), b64(["2025-02-30", 1]), b64(["gestern", 1]), b64(["2025-03-01 10:00:00+00", -4]), b64(["2025-03-01 10:00:00+00", 1.5]), b64(["2025-03-01 25:00:00+00", 1]), "x".repeat(300)];

for (const backend of availableBackends()) {
  describe(`lists on ${backend}: cursors, capped counts, search`, () => {
    let t: TestDb;
    let dep: Record<string, number>;
    let manager: Viewer;
    let rnd: Viewer;
    let seq = 0;

    beforeAll(async () => {
      t = await createTestDb(backend);
      await t.db.transaction((tx) => seedFoundation(tx));
      dep = Object.fromEntries((await t.db.select().from(departments)).map((d) => [d.slug, d.id]));
      const byEmail = async (email: string) => {
        const [u] = await t.db.select().from(users).where(eq(users.email, email));
        return { id: u.id, role: u.role, departmentId: u.departmentId } as Viewer;
      };
      manager = await byEmail("manager@example.com");
      rnd = await byEmail("head.rnd@example.com");
    });
    afterAll(async () => {
      await t?.dispose();
    });

    const newChannel = async () =>
      (await t.db.insert(channels).values({ name: `Kanal ${++seq}`, platform: "forum", handle: `kanal-${seq}` }).returning({ id: channels.id }))[0].id;

    /** Inserts insights directly (intake is tested elsewhere); returns their ids. */
    const addInsights = async (rows: { occurredAt: Date; text?: string; channelId?: number; departmentId?: number | null }[]) =>
      (
        await t.db
          .insert(insights)
          .values(
            rows.map((r) => ({
              source: "listentest",
              externalId: `l-${++seq}`,
              occurredAt: r.occurredAt,
              text: r.text ?? `Hinweis ${seq}`,
              category: "question" as const,
              sentiment: "neutral" as const,
              channelId: r.channelId ?? null,
              departmentId: r.departmentId ?? null,
              status: r.departmentId ? ("routed" as const) : ("triage" as const),
            })),
          )
          .returning({ id: insights.id })
      ).map((r) => r.id);

    it("visits every insight exactly once while newer ones arrive, ties broken by id", async () => {
      const channelId = await newChannel();
      // 47 insights on 10 distinct times: most share their occurred_at with others.
      const base = Date.UTC(2025, 2, 1, 10);
      const ids = await addInsights(Array.from({ length: 47 }, (_, i) => ({ occurredAt: new Date(base + (i % 10) * 60_000), channelId })));
      const seen: number[] = [];
      let after: string | undefined;
      let pages = 0;
      let previous: Awaited<ReturnType<typeof listInsights>> | undefined;
      for (;;) {
        const page = await listInsights(t.db, manager, { channelId, after, pageSize: 10 });
        pages++;
        if (previous && after) {
          // Back up from this page: the page before it again, unchanged by the newer arrivals… except
          // that the page above the first one is the (new) first page.
          const back = await listInsights(t.db, manager, { channelId, before: page.newer!, pageSize: 10 });
          if (pages > 2) expect(back.rows.map((r) => r.id)).toEqual(previous.rows.map((r) => r.id));
        }
        // Newest first, ties by id descending.
        const keys = page.rows.map((r) => [Date.parse(r.occurredAt), r.id] as const);
        for (let i = 1; i < keys.length; i++) expect(keys[i - 1][0] > keys[i][0] || (keys[i - 1][0] === keys[i][0] && keys[i - 1][1] > keys[i][1])).toBe(true);
        seen.push(...page.rows.map((r) => r.id));
        // Newer insights arrive between page fetches (same channel, so they match the filter).
        await addInsights([{ occurredAt: new Date(base + 3_600_000 + pages * 1000), channelId }]);
        previous = page;
        if (!page.older) break;
        after = page.older;
        expect(pages).toBeLessThan(10);
      }
      expect(seen).toHaveLength(47);
      expect(new Set(seen)).toEqual(new Set(ids));
      expect(pages).toBe(5);

      // The first page now starts with the arrivals; it has no "newer", and "to the first page" is a plain URL.
      const first = await listInsights(t.db, manager, { channelId, pageSize: 10 });
      expect(first.newer).toBeNull();
      expect(first.count).toEqual({ total: 47 + pages, more: false });
      // Paging up past the top lands on the first page as it is now.
      const top = await listInsights(t.db, manager, { channelId, before: encodeCursor(["2999-01-01 00:00:00+00", 1]), pageSize: 10 });
      expect(top.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    });

    it("walks the audit log by cursor, every entry once, while entries are added", async () => {
      const entityType = `paging_${backend}`;
      const at = new Date("2020-06-01T08:00:00.123456Z");
      // 23 entries, all with the same created_at: only the id orders them.
      await t.db.insert(auditLog).values(Array.from({ length: 23 }, (_, i) => ({ action: "test.entry", entityType, entityId: String(i), createdAt: at })));
      const expected = (await t.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.entityType, entityType))).map((r) => r.id);
      const seen: number[] = [];
      let after: string | undefined;
      for (let n = 0; n < 10; n++) {
        const page = await listAudit(t.db, { entityType, after, pageSize: 5 });
        seen.push(...page.rows.map((r) => r.id));
        await t.db.insert(auditLog).values({ action: "test.later", entityType, createdAt: new Date("2021-01-01T00:00:00Z") });
        if (!page.older) break;
        after = page.older;
      }
      expect(seen).toHaveLength(23);
      expect(new Set(seen)).toEqual(new Set(expected));
      expect(seen).toEqual([...seen].sort((a, b) => b - a));
      // Microseconds survive the cursor (a JavaScript Date would round them away): entries 1 µs apart
      // are neither skipped nor repeated.
      const micro = `micro_${backend}`;
      for (const us of ["123456", "123457", "123458"]) {
        await t.db.execute(sql`insert into audit_log (action, entity_type, created_at) values ('test.micro', ${micro}, ${`2020-06-01 08:00:00.${us}+00`}::timestamptz)`);
      }
      const microSeen: number[] = [];
      for (let cursor: string | undefined, n = 0; n < 5; n++) {
        const page = await listAudit(t.db, { entityType: micro, after: cursor, pageSize: 1 });
        microSeen.push(...page.rows.map((r) => r.id));
        if (!page.older) break;
        cursor = page.older;
      }
      expect(microSeen).toHaveLength(3);
      expect(new Set(microSeen).size).toBe(3);
      const capped = await listAudit(t.db, { entityType, countCap: 10 });
      expect(capped.count).toEqual({ total: 10, more: true });
    });

    it("walks a KPI's measurements by cursor, several on one day, and back", async () => {
      const [proc] = await t.db.insert(businessProcesses).values({ departmentId: dep.vertrieb, name: `Prozess ${backend}` }).returning();
      const [kpi] = await t.db
        .insert(kpis)
        .values({ businessProcessId: proc.id, name: "Anfragen", unit: "count", direction: "higher_is_better", period: "week", aggregation: "sum", target: 10, warningThreshold: 8, criticalThreshold: 5 })
        .returning();
      // 14 values on 5 days: ties on measured_on are ordered by id.
      await t.db.insert(measurements).values(Array.from({ length: 14 }, (_, i) => ({ kpiId: kpi.id, measuredOn: `2025-03-0${1 + (i % 5)}`, value: i, source: "manual" as const })));
      const seen: number[] = [];
      const pages: number[][] = [];
      let after: string | undefined;
      for (let n = 0; n < 10; n++) {
        const page = await listMeasurements(t.db, kpi.id, { after, pageSize: 4 });
        pages.push(page.rows.map((r) => r.id));
        seen.push(...page.rows.map((r) => r.id));
        if (!page.older) break;
        after = page.older;
        // Back up from the second page: the first page again.
        if (n === 0) {
          const next = await listMeasurements(t.db, kpi.id, { after, pageSize: 4 });
          expect((await listMeasurements(t.db, kpi.id, { before: next.newer!, pageSize: 4 })).rows.map((r) => r.id)).toEqual(pages[0]);
        }
      }
      expect(seen).toHaveLength(14);
      expect(new Set(seen).size).toBe(14);
      expect(pages).toHaveLength(4);
      await expect(listMeasurements(t.db, kpi.id, { after: "e30" })).rejects.toMatchObject({ code: "bad_request" });
    });

    it("refuses a malformed cursor with a clear error, and pages fall back to the first page", async () => {
      for (const bad of BAD_CURSORS) {
        await expect(listInsights(t.db, manager, { after: bad })).rejects.toMatchObject({ code: "bad_request" });
        await expect(listInsights(t.db, manager, { before: bad })).rejects.toBeInstanceOf(AppError);
        await expect(listAudit(t.db, { after: bad })).rejects.toMatchObject({ code: "bad_request" });
        expect(cursorParams({ after: bad })).toEqual({ invalid: true });
      }
      expect(cursorParams({ after: encodeCursor(["2025-03-01 10:00:00.5+01", 3]) })).toMatchObject({ invalid: false });
    });

    it("finds umlauts written either way, within the viewer's department, % and _ literally", async () => {
      const rd = dep["forschung-entwicklung"];
      const other = dep.vertrieb;
      const when = new Date("2025-04-01T09:00:00Z");
      const [plain, umlaut, upper, foreign] = await addInsights([
        { occurredAt: when, text: "Lautes Geraeusch im Getriebe", departmentId: rd },
        { occurredAt: when, text: "Seit dem Update ein Geräusch beim Anfahren", departmentId: rd },
        { occurredAt: when, text: "GERÄUSCHE AM LÜFTER", departmentId: rd },
        { occurredAt: when, text: "Geräuschloser Vertrieb?", departmentId: other },
      ]);
      const [percent, underscore] = await addInsights([
        { occurredAt: when, text: "Rabatt 100% sicher" },
        { occurredAt: when, text: "Bestellnummer A_7 falsch" },
      ]);
      await addInsights([{ occurredAt: when, text: "Rabatt 1000 sicher, Bestellnummer AB7" }]);
      const ids = async (viewer: Viewer, q: string) => (await listInsights(t.db, viewer, { q })).rows.map((r) => r.id).sort((a, b) => a - b);
      const all = [plain, umlaut, upper, foreign].sort((a, b) => a - b);
      expect(await ids(manager, "Geräusch")).toEqual(all);
      expect(await ids(manager, "geraeusch")).toEqual(all);
      expect(await ids(manager, "GERAEUSCH")).toEqual(all);
      expect(await ids(manager, "lüfter")).toEqual([upper]);
      expect(await ids(manager, "luefter")).toEqual([upper]);
      // A department head finds only their own department's insights.
      expect(await ids(rnd, "Geräusch")).toEqual([plain, umlaut, upper]);
      expect(await ids(manager, "100%")).toEqual([percent]);
      expect(await ids(manager, "A_7")).toEqual([underscore]);
      // The count stops at the cap and says "more".
      const capped = await listInsights(t.db, manager, { q: "geräusch", countCap: 3 });
      expect(capped.count).toEqual({ total: 3, more: true });
      expect(capped.rows).toHaveLength(4);
      expect((await listInsights(t.db, manager, { q: "geräusch", countCap: 4 })).count).toEqual({ total: 4, more: false });
    });

    it("folds in SQL as the routing keywords fold in JavaScript", async () => {
      const alphabet = [..."aAzZ09 -äÄöÖüÜßẞéÉèÈçÇñÑôÔåÅ"].concat(["e\u0301", "A\u0308"]);
      const samples = fc.sample(fc.array(fc.constantFrom(...alphabet), { maxLength: 20 }).map((a) => a.join("")), 300);
      samples.push("GERÄUSCH", "Straße", "STRASSE", "Café", "naïve", "Lüfter");
      const res = await t.db.execute(sql`select s, search_fold(s) as f from json_array_elements_text(${JSON.stringify(samples)}::json) as s`);
      for (const row of res.rows as { s: string; f: string }[]) expect(row.f, row.s).toBe(foldText(row.s));
    });

    it("orders the department inbox across routed and accepted, SLA first (none last), then newest, page by page", async () => {
      const d = dep["forschung-entwicklung"];
      const when = (h: number) => new Date(Date.UTC(2025, 5, 1, h));
      const made = await t.db
        .insert(insights)
        .values(
          [
            { status: "routed" as const, sla: when(5), at: when(1) },
            { status: "accepted" as const, sla: when(3), at: when(1) },
            { status: "routed" as const, sla: null, at: when(2) },
            { status: "accepted" as const, sla: when(5), at: when(2) },
            { status: "routed" as const, sla: when(3), at: when(1) },
            { status: "accepted" as const, sla: null, at: when(3) },
            { status: "resolved" as const, sla: when(1), at: when(1) },
          ].map((r, i) => ({
            source: "inbox-order",
            externalId: `io-${backend}-${i}`,
            occurredAt: r.at,
            text: `Eingang ${i}`,
            category: "idea" as const,
            sentiment: "neutral" as const,
            status: r.status,
            departmentId: d,
            slaDueAt: r.sla,
          })),
        )
        .returning();
      const all = await t.db.select().from(insights).where(and(eq(insights.departmentId, d), inArray(insights.status, ["routed", "accepted"])));
      const expected = all
        .sort((a, b) => {
          const sa = a.slaDueAt?.getTime() ?? Infinity;
          const sb = b.slaDueAt?.getTime() ?? Infinity;
          return sa - sb || b.occurredAt.getTime() - a.occurredAt.getTime() || b.id - a.id;
        })
        .map((r) => r.id);
      const got: number[] = [];
      for (let page = 1; page <= Math.ceil(expected.length / 3); page++) got.push(...(await departmentInbox(t.db, rnd, { page, pageSize: 3 })).rows.map((r) => r.id));
      expect(got).toEqual(expected);
      expect(got).not.toContain(made[6].id);
    });

    it("caps the department inbox's count too", async () => {
      const inbox = await departmentInbox(t.db, rnd, { countCap: 2 });
      expect(inbox).toMatchObject({ total: 2, more: true });
    });

    it("deletes a routing rule that routed insights; they keep their department", async () => {
      const rule = await createRule(t.db, manager.id, {
        name: "Löschtest",
        categories: ["sales_lead"],
        platforms: [],
        channelIds: [],
        keywords: [],
        keywordMode: "any",
        sentiments: [],
        languages: [],
        departmentId: dep.vertrieb,
        slaHours: 24,
        active: true,
      });
      const res = await ingestBody(t.db, api, {
        source: "listentest",
        externalId: "rule-delete-1",
        platform: "linkedin",
        occurredAt: "2025-03-01T10:00:00Z",
        text: "Angebot für 40 Anlagen?",
        category: "sales_lead",
      });
      const id = res.items[0].id!;
      const [routed] = await t.db.select().from(insights).where(eq(insights.id, id));
      expect(routed.ruleId).toBe(rule.id);
      await deleteRule(t.db, manager.id, rule.id);
      const [after] = await t.db.select().from(insights).where(eq(insights.id, id));
      expect(after).toMatchObject({ ruleId: null, departmentId: dep.vertrieb });
      const events = await t.db.select().from(insightEvents).where(inArray(insightEvents.insightId, [id]));
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((e) => e.ruleId === null)).toBe(true);
    });
  });
}
