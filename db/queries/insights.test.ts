import { count, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { auditLog, channels, departments, insightEvents, insights, users } from "../schema";
import { seedFoundation } from "../seed/foundation";
import { listAudit } from "./audit";
import {
  acceptInsight,
  closeLoop,
  commentInsight,
  declineInsight,
  dismissInsight,
  dismissInsights,
  reassignInsight,
  reopenInsight,
  reopenInsights,
  resolveInsight,
  routeInsights,
} from "./insight-actions";
import { ingestBody, type IntakeActor } from "./insight-intake";
import { departmentInbox, flowFigures, getInsight, insightBadgeCount, listInsights, type Viewer } from "./insights";
import { createRule, deleteRule, listRules, moveRule, setRuleActive } from "./routing-rules";
import { AppError } from "@/lib/errors";

const api: IntakeActor = { via: "api", userId: null, label: "Test-Feed" };

function item(over: Record<string, unknown> = {}) {
  return {
    source: "monitoring",
    externalId: `ext-${Math.random().toString(36).slice(2)}`,
    platform: "facebook",
    occurredAt: "2025-03-01T10:00:00Z",
    text: "Das neue Getriebe BX-400 ist super leise.",
    category: "product_feedback",
    authorHandle: "@max.mustermann",
    ...over,
  };
}

for (const backend of availableBackends()) {
  describe(`insights on ${backend}`, () => {
    let t: TestDb;
    let dep: Record<string, number>;
    let manager: Viewer;
    let rnd: Viewer;
    let hr: Viewer;
    let channelId: number;
    const counts = async () => ({
      insights: (await t.db.select({ n: count() }).from(insights))[0].n,
      events: (await t.db.select({ n: count() }).from(insightEvents))[0].n,
    });

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
      hr = await byEmail("head.hr@example.com");
      [{ id: channelId }] = await t.db
        .insert(channels)
        .values({ name: "Brenner Anwenderforum", platform: "forum", handle: "anwenderforum", status: "active" })
        .returning({ id: channels.id });
      await createRule(t.db, manager.id, {
        name: "Produktfeedback an F&E",
        categories: ["product_feedback", "idea"],
        platforms: [],
        channelIds: [],
        keywords: [],
        keywordMode: "any",
        sentiments: [],
        languages: [],
        departmentId: dep["forschung-entwicklung"],
        slaHours: 72,
        active: true,
      });
      await createRule(t.db, manager.id, {
        name: "Bewerbungen",
        categories: [],
        platforms: ["xing"],
        channelIds: [],
        keywords: ["Bewerbung", "Ausbildung"],
        keywordMode: "any",
        sentiments: [],
        languages: [],
        departmentId: dep.personal,
        slaHours: 24,
        active: true,
      });
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("stores, classifies and routes a batch, and re-sending it never duplicates", async () => {
      const now = new Date("2025-03-02T08:00:00Z");
      const body = {
        items: [
          item({ externalId: "a-1" }),
          item({ externalId: "a-2", platform: "xing", category: "applicant_question", text: "Wie läuft die BEWERBUNG für die Ausbildung?" }),
          item({ externalId: "a-3", category: "question", text: "Is the BX-400 not available in the US?", sentiment: "neutral" }),
        ],
      };
      const first = await ingestBody(t.db, api, body, now);
      expect(first).toMatchObject({ created: 3, duplicates: 0, invalid: 0, routed: 2 });
      expect(first.items.map((i) => i.departmentId)).toEqual([dep["forschung-entwicklung"], dep.personal, null]);
      const [stored] = await t.db.select().from(insights).where(eq(insights.externalId, "a-1"));
      expect(stored).toMatchObject({ status: "routed", sentiment: "positive", sentimentDerived: true, language: "de", languageDerived: true });
      expect(stored.slaDueAt?.toISOString()).toBe("2025-03-05T08:00:00.000Z");
      const [english] = await t.db.select().from(insights).where(eq(insights.externalId, "a-3"));
      expect(english).toMatchObject({ status: "triage", sentiment: "neutral", sentimentDerived: false, language: "en" });

      const before = await counts();
      const again = await ingestBody(t.db, api, body, now);
      expect(again).toMatchObject({ created: 0, duplicates: 3 });
      expect(await counts()).toEqual(before);
    });

    it("reports invalid items per item with field errors and stores the valid ones", async () => {
      const before = await counts();
      const res = await ingestBody(t.db, api, [
        item({ externalId: "b-1" }),
        item({ externalId: "b-2", text: "", category: "gossip", occurredAt: "gestern" }),
        item({ externalId: "b-3", platform: undefined }),
        item({ externalId: "b-4", platform: undefined, channelId: 999_999 }),
        item({ externalId: "b-1" }),
      ]);
      expect(res.items.map((i) => i.status)).toEqual(["created", "invalid", "invalid", "invalid", "duplicate"]);
      expect(Object.keys(res.items[1].errors!).sort()).toEqual(["category", "occurredAt", "text"]);
      expect(res.items[2].errors).toEqual({ platform: ["insights.errors.channelOrPlatform"] });
      expect(res.items[3].errors).toEqual({ channelId: ["insights.errors.unknownChannel"] });
      const after = await counts();
      expect(after.insights - before.insights).toBe(1);
    });

    it("takes the platform from a known channel", async () => {
      const res = await ingestBody(t.db, api, item({ externalId: "c-1", platform: undefined, channelId }));
      const [row] = await t.db.select().from(insights).where(eq(insights.id, res.items[0].id!));
      expect(row).toMatchObject({ channelId, platform: "forum" });
    });

    it("refuses bodies that are not a batch, and batches over 1,000, writing nothing", async () => {
      const before = await counts();
      await expect(ingestBody(t.db, api, "hallo")).rejects.toMatchObject({ code: "validation_failed" });
      await expect(ingestBody(t.db, api, { items: [] })).rejects.toMatchObject({ code: "validation_failed" });
      await expect(ingestBody(t.db, api, { items: Array.from({ length: 1001 }, () => item()) })).rejects.toMatchObject({
        code: "payload_too_large",
      });
      expect(await counts()).toEqual(before);
    });

    it("never answers any JSON body with an internal error or a partial write", async () => {
      const fields = fc.record(
        {
          source: fc.oneof(fc.string(), fc.constant("prop")),
          externalId: fc.oneof(fc.string(), fc.uuid()),
          platform: fc.oneof(fc.constantFrom("facebook", "xing", "myspace"), fc.anything()),
          channelId: fc.oneof(fc.integer(), fc.constant(channelId), fc.double()),
          occurredAt: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()),
          text: fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.constant("a\u0000b"), fc.constant("x\ud800y")),
          url: fc.oneof(fc.webUrl(), fc.string()),
          language: fc.constantFrom("de", "en", "fr", null),
          authorHandle: fc.oneof(fc.string(), fc.constant(null)),
          category: fc.oneof(fc.constantFrom("complaint", "idea"), fc.string()),
          sentiment: fc.oneof(fc.constantFrom("negative", "positive"), fc.anything()),
        },
        { requiredKeys: [] },
      );
      const body = fc.oneof(fc.jsonValue(), fields, fc.array(fields, { maxLength: 5 }), fc.record({ items: fc.array(fc.oneof(fields, fc.jsonValue()), { maxLength: 5 }) }));
      await fc.assert(
        fc.asyncProperty(body, async (b) => {
          const before = await counts();
          try {
            const res = await ingestBody(t.db, api, JSON.parse(JSON.stringify(b)));
            const after = await counts();
            expect(after.insights - before.insights).toBe(res.created);
            for (const r of res.items.filter((i) => i.status === "created")) {
              const evs = await t.db.select().from(insightEvents).where(eq(insightEvents.insightId, r.id!));
              expect(evs.map((e) => e.type)).toContain("received");
            }
          } catch (err) {
            expect(err).toBeInstanceOf(AppError);
            expect((err as AppError).code).not.toBe("internal");
            expect(await counts()).toEqual(before);
          }
        }),
        { numRuns: backend === "pglite" ? 150 : 60 },
      );
    });

    it("lets the R&D head work their insight, pseudonymised, and keeps other heads out", async () => {
      const res = await ingestBody(t.db, api, item({ externalId: "d-1", authorHandle: "@erika.kunde" }));
      const id = res.items[0].id!;
      const seenByRnd = await getInsight(t.db, rnd, id);
      expect(seenByRnd.author).toMatchObject({ kind: "alias" });
      expect(JSON.stringify(seenByRnd)).not.toContain("erika");
      expect((await getInsight(t.db, manager, id)).author).toEqual({ kind: "handle", value: "@erika.kunde" });
      await expect(getInsight(t.db, hr, id)).rejects.toMatchObject({ code: "forbidden" });
      await expect(acceptInsight(t.db, hr, id)).rejects.toMatchObject({ code: "forbidden" });
      const inbox = await departmentInbox(t.db, rnd);
      expect(inbox.rows.some((r) => r.id === id)).toBe(true);
      expect(JSON.stringify(inbox.rows)).not.toContain("erika");
      expect((await departmentInbox(t.db, hr)).rows.some((r) => r.id === id)).toBe(false);
      expect((await listInsights(t.db, hr, {})).rows.some((r) => r.id === id)).toBe(false);

      await acceptInsight(t.db, rnd, id);
      await expect(acceptInsight(t.db, rnd, id)).rejects.toMatchObject({ code: "conflict" });
      await commentInsight(t.db, rnd, id, "Prüfen wir im Entwicklungsteam.");
      await resolveInsight(t.db, rnd, id, { note: "Geräuschdämmung in Serie übernommen.", externalReference: "JIRA-4711" });
      await closeLoop(t.db, manager, id);
      await expect(closeLoop(t.db, manager, id)).rejects.toMatchObject({ code: "conflict" });
      const done = await getInsight(t.db, manager, id);
      expect(done).toMatchObject({ status: "resolved", externalReference: "JIRA-4711", loopClosed: true });
      expect(done.events.map((e) => e.type)).toEqual(["received", "accepted", "commented", "resolved", "loop_closed"]);
      expect(done.events[0]).toMatchObject({ ruleName: "Produktfeedback an F&E", toDepartmentName: "Forschung & Entwicklung", note: "api:Test-Feed" });
      expect(done.events[1].actorName).toBe("Dr. Katrin Hoffmann");
      const audit = await listAudit(t.db, { entityType: "insight", action: "insight.resolve" });
      expect(audit.rows[0]).toMatchObject({ entityId: String(id), actorName: "Dr. Katrin Hoffmann" });
    });

    it("closes the loop once when two people do it at the same time", async () => {
      const central2 = { ...manager };
      // Several rounds: on PostgreSQL both calls really run on their own connections at once.
      for (let round = 0; round < 5; round++) {
        const res = await ingestBody(t.db, api, item({ externalId: `loop-race-${round}` }));
        const id = res.items[0].id!;
        await acceptInsight(t.db, rnd, id);
        await resolveInsight(t.db, rnd, id, { note: "Erledigt.", externalReference: null });
        const results = await Promise.allSettled([closeLoop(t.db, manager, id), closeLoop(t.db, central2, id)]);
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
        expect(failed).toHaveLength(1);
        expect(failed[0].reason).toBeInstanceOf(AppError);
        expect(failed[0].reason).toMatchObject({ code: "conflict", fieldErrors: { _form: ["insights.errors.loopClosed"] } });
        const events = await t.db.select({ type: insightEvents.type }).from(insightEvents).where(eq(insightEvents.insightId, id));
        expect(events.filter((e) => e.type === "loop_closed")).toHaveLength(1);
        const audit = await listAudit(t.db, { entityType: "insight", action: "insight.close_loop", pageSize: 100 });
        expect(audit.rows.filter((r) => r.entityId === String(id))).toHaveLength(1);
      }
    });

    it("reassigns with a reason and declines; a bad step writes nothing", async () => {
      const res = await ingestBody(t.db, api, item({ externalId: "e-1" }));
      const id = res.items[0].id!;
      const auditBefore = (await t.db.select({ n: count() }).from(auditLog))[0].n;
      await expect(reassignInsight(t.db, rnd, id, { departmentId: rnd.departmentId!, note: "x" })).rejects.toMatchObject({ code: "validation_failed" });
      await expect(resolveInsight(t.db, hr, id, { note: "x", externalReference: null })).rejects.toMatchObject({ code: "forbidden" });
      expect((await t.db.select({ n: count() }).from(auditLog))[0].n).toBe(auditBefore);
      await reassignInsight(t.db, rnd, id, { departmentId: dep.personal, note: "Betrifft eine Bewerbung." });
      await expect(getInsight(t.db, rnd, id)).rejects.toMatchObject({ code: "forbidden" });
      await declineInsight(t.db, hr, id, "Kein Bezug zu uns.");
      const d = await getInsight(t.db, manager, id);
      expect(d).toMatchObject({ status: "declined", declineReason: "Kein Bezug zu uns.", departmentId: dep.personal });
      const reassigned = d.events.find((e) => e.type === "reassigned")!;
      expect(reassigned).toMatchObject({ fromDepartmentName: "Forschung & Entwicklung", toDepartmentName: "Personal", note: "Betrifft eine Bewerbung." });
    });

    it("routes triage insights by hand, in bulk, and skips closed ones", async () => {
      const res = await ingestBody(t.db, api, [
        item({ externalId: "f-1", category: "question" }),
        item({ externalId: "f-2", category: "question" }),
      ]);
      const ids = res.items.map((i) => i.id!);
      expect((await listInsights(t.db, manager, { status: "triage" })).rows.map((r) => r.id)).toEqual(expect.arrayContaining(ids));
      await expect(routeInsights(t.db, rnd, { ids, departmentId: dep.vertrieb, slaHours: 8 })).rejects.toMatchObject({ code: "forbidden" });
      const done = await routeInsights(t.db, manager, { ids: [...ids, 999_999], departmentId: dep.vertrieb, slaHours: 8 });
      expect(done).toEqual({ routed: 2, routedIds: ids, skipped: [{ id: 999_999, reason: "not_found" }] });
      const d = await getInsight(t.db, manager, ids[0]);
      expect(d).toMatchObject({ status: "routed", departmentName: "Vertrieb" });
      expect(d.events.at(-1)).toMatchObject({ type: "routed", actorName: "Jonas Weber", toDepartmentName: "Vertrieb" });
    });

    it("says why each insight of a bulk routing stayed where it was", async () => {
      const res = await ingestBody(t.db, api, [1, 2, 3].map((n) => item({ externalId: `sk-${n}`, category: "question" })));
      const [open, finished, fresh] = res.items.map((i) => i.id!);
      await routeInsights(t.db, manager, { ids: [open, finished], departmentId: dep.vertrieb, slaHours: 8 });
      await resolveInsight(t.db, { ...manager, role: "department_head", departmentId: dep.vertrieb }, finished, { note: "erledigt", externalReference: null });
      const again = await routeInsights(t.db, manager, { ids: [open, finished, fresh], departmentId: dep.vertrieb, slaHours: 8 });
      expect(again).toEqual({
        routed: 1,
        routedIds: [fresh],
        skipped: [
          { id: open, reason: "same_department" },
          { id: finished, reason: "done" },
        ],
      });
      // An open insight of another department moves.
      const moved = await routeInsights(t.db, manager, { ids: [open], departmentId: dep.personal, slaHours: 8 });
      expect(moved.routed).toBe(1);
    });

    it("takes insights out of triage as no action needed or spam, reversibly, in the history and the badge", async () => {
      const res = await ingestBody(t.db, api, [1, 2, 3].map((n) => item({ externalId: `na-${n}`, category: "praise", text: `Danke ${n}!` })));
      const [praise, junk, other] = res.items.map((i) => i.id!);
      const badge = await insightBadgeCount(t.db, manager);
      await expect(dismissInsight(t.db, rnd, praise, { outcome: "no_action", note: null })).rejects.toMatchObject({ code: "forbidden" });
      await dismissInsight(t.db, manager, praise, { outcome: "no_action", note: "Lob, an das Team weitergegeben." });
      await dismissInsight(t.db, manager, junk, { outcome: "spam", note: null });
      expect(await insightBadgeCount(t.db, manager)).toBe(badge - 2);
      await expect(dismissInsight(t.db, manager, praise, { outcome: "spam", note: null })).rejects.toMatchObject({ code: "conflict" });

      const d = await getInsight(t.db, manager, praise);
      expect(d.status).toBe("no_action");
      expect(d.dismissedAt).toBeInstanceOf(Date);
      expect(d.events.at(-1)).toMatchObject({ type: "no_action", note: "Lob, an das Team weitergegeben.", actorName: "Jonas Weber" });
      expect((await listInsights(t.db, manager, { status: "spam" })).rows.map((r) => r.id)).toContain(junk);

      await reopenInsight(t.db, manager, praise);
      const back = await getInsight(t.db, manager, praise);
      expect(back).toMatchObject({ status: "triage", dismissedAt: null });
      expect(back.events.at(-1)).toMatchObject({ type: "reopened" });
      await expect(reopenInsight(t.db, manager, praise)).rejects.toMatchObject({ code: "conflict" });

      // In bulk: items no longer in triage are skipped, and the undo brings them back.
      const bulk = await dismissInsights(t.db, manager, { ids: [praise, other, junk], outcome: "no_action", note: null });
      expect(bulk).toEqual({ ids: [praise, other], skipped: [junk] });
      expect(await reopenInsights(t.db, manager, { ids: [praise, other] })).toEqual({ ids: [praise, other] });
      await expect(dismissInsights(t.db, hr, { ids: [praise], outcome: "spam", note: null })).rejects.toMatchObject({ code: "forbidden" });
      const actions = (await listAudit(t.db, { entityType: "insight" })).rows.map((r) => r.action);
      expect(actions).toEqual(expect.arrayContaining(["insight.no_action", "insight.spam", "insight.reopen"]));
      // A spam item can still be routed when it turns out to matter.
      expect((await routeInsights(t.db, manager, { ids: [junk], departmentId: dep.vertrieb, slaHours: 8 })).routed).toBe(1);
      expect((await getInsight(t.db, manager, junk)).dismissedAt).toBeNull();
    });

    it("counts the triage exits in the company-wide flow figures, not in one department's", async () => {
      const now = new Date();
      const res = await ingestBody(t.db, api, [1, 2, 3].map((n) => item({ externalId: `ff-${n}`, category: "praise", text: `Super ${n}` })));
      const before = (await flowFigures(t.db, { from: new Date(now.getTime() - 86_400_000), to: new Date(now.getTime() + 60_000), now })).triage!;
      const [a, b] = res.items.map((i) => i.id!);
      await dismissInsight(t.db, manager, a, { outcome: "no_action", note: null });
      await dismissInsight(t.db, manager, b, { outcome: "spam", note: null });
      const figures = await flowFigures(t.db, { from: new Date(now.getTime() - 86_400_000), to: new Date(Date.now() + 60_000), now });
      expect(figures.triage).toEqual({ waiting: before.waiting - 2, noAction: before.noAction + 1, spam: before.spam + 1 });
      // Outside the period the exits are not counted; a department's figures carry none.
      const earlier = await flowFigures(t.db, { from: new Date("2020-01-01T00:00:00Z"), to: new Date("2020-02-01T00:00:00Z") });
      expect(earlier.triage).toMatchObject({ noAction: 0, spam: 0 });
      expect((await flowFigures(t.db, { from: now, to: now, departmentId: dep.vertrieb })).triage).toBeNull();
    });

    it("marks identical texts from one author on the page's rows", async () => {
      const text = `Wo bleibt meine Lieferung? ${Math.random()}`;
      await ingestBody(t.db, api, [1, 2, 3].map((n) => item({ externalId: `dup-${n}`, category: "question", text, authorHandle: "@wiederholer" })));
      await ingestBody(t.db, api, item({ externalId: "dup-other", category: "question", text, authorHandle: "@jemand.anders" }));
      const rows = (await listInsights(t.db, manager, { q: "Wo bleibt meine Lieferung" })).rows;
      expect(rows.filter((r) => r.author?.value === "@wiederholer").map((r) => r.identicalCount)).toEqual([3, 3, 3]);
      expect(rows.find((r) => r.author?.value === "@jemand.anders")!.identicalCount).toBe(1);
    });

    it("computes flow figures per department", async () => {
      const now = new Date("2025-03-10T12:00:00Z");
      const ids = (
        await ingestBody(
          t.db,
          api,
          [1, 2, 3].map((n) => item({ externalId: `g-${n}`, category: "idea" })),
          new Date("2025-03-09T00:00:00Z"),
        )
      ).items.map((i) => i.id!);
      // Accept one within the SLA (72 h), resolve one, leave one open.
      await t.db.update(insights).set({ status: "accepted", acceptedAt: new Date("2025-03-09T02:00:00Z") }).where(eq(insights.id, ids[0]));
      await t.db
        .update(insights)
        .set({ status: "resolved", acceptedAt: new Date("2025-03-09T04:00:00Z"), resolvedAt: new Date("2025-03-09T10:00:00Z") })
        .where(eq(insights.id, ids[1]));
      const [fig] = await flowFigures(t.db, {
        from: new Date("2025-03-08T00:00:00Z"),
        to: new Date("2025-03-10T00:00:00Z"),
        departmentId: dep["forschung-entwicklung"],
        now,
      });
      expect(fig).toMatchObject({ received: 3, medianHoursToAccept: 3, medianHoursToResolve: 10, slaCompliance: 1, slaCounted: 1 });
      expect(fig.open).toBeGreaterThanOrEqual(2);
    });

    it("reorders, disables and deletes rules, audit-logged", async () => {
      const before = (await listRules(t.db)).rows.map((r) => r.name);
      const last = (await listRules(t.db)).rows.at(-1)!;
      await moveRule(t.db, manager.id, last.id, "up");
      const after = (await listRules(t.db)).rows.map((r) => r.name);
      expect(after).toEqual([...before.slice(0, -2), before.at(-1), before.at(-2)]);
      expect(await moveRule(t.db, manager.id, (await listRules(t.db)).rows[0].id, "up")).toEqual({ moved: false });
      await setRuleActive(t.db, manager.id, last.id, false);
      const res = await ingestBody(t.db, api, item({ externalId: "h-1", platform: "xing", category: "question", text: "Bewerbung?" }));
      expect(res.items[0].departmentId).toBeNull();
      await deleteRule(t.db, manager.id, last.id);
      const actions = (await listAudit(t.db, { entityType: "routing_rule" })).rows.map((r) => r.action);
      expect(actions).toEqual(expect.arrayContaining(["routing_rule.create", "routing_rule.move", "routing_rule.disable", "routing_rule.delete"]));
    });
  });
}
