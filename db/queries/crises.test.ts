import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { channelAssignments, channels, crises, notifications, playbooks, crisisEvents, crisisSteps, departments, insights, users } from "../schema";
import { seedDemo } from "../seed";
import { seedFoundation } from "../seed/foundation";
import {
  addCrisisInsight,
  assignStep,
  closeCrisis,
  commentStep,
  confirmCrisis,
  countDraftCrises,
  createPlaybook,
  crisisChecklist,
  crisisInsightPage,
  crisisScopeOf,
  crisisVisible,
  crisisVolume,
  declareCrisis,
  dismissCrisis,
  earlierLessons,
  getCrisis,
  listCrises,
  postMortemInput,
  setLessonsLearned,
  setStepDone,
} from "./crises";
import { ingestBody } from "./insight-intake";
import { navBadgeCounts } from "./nav-badges";
import { notifyOverdueCrisisSteps } from "./notifications";
import { belongsToCrisis } from "@/lib/crisis/membership";
import { postMortem } from "@/lib/crisis/post-mortem";
import { AppError } from "@/lib/errors";

const actor = { via: "api" as const, userId: null, label: "test" };
// A fixed clock: nothing here depends on the day the suite runs.
const NOW = new Date("2026-05-04T10:00:00Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

function items(prefix: string, n: number, at: Date, over: Record<string, unknown> = {}) {
  return Array.from({ length: n }, (_, i) => ({
    source: "crises-test",
    externalId: `${prefix}-${i}`,
    occurredAt: at.toISOString(),
    text: `Unzumutbar, das Gerät ist gefährlich! (${prefix} ${i})`,
    category: "complaint",
    platform: "facebook",
    sentiment: "negative",
    language: "de",
    ...over,
  }));
}

/** A seeded pseudo-random sequence, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

for (const backend of availableBackends()) {
  describe(`crisis rooms on ${backend}`, () => {
    let t: TestDb;
    let manager: number;
    let comms: number;
    let service: number;
    let rnd: number;
    let blog: number;
    let forum: number;
    let playbookId: number;

    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedFoundation(t.db);
      const us = await t.db.select({ id: users.id, email: users.email }).from(users);
      manager = us.find((u) => u.email === "manager@example.com")!.id;
      const ds = await t.db.select({ id: departments.id, kind: departments.kind }).from(departments);
      comms = ds.find((d) => d.kind === "communications")!.id;
      service = ds.find((d) => d.kind === "service")!.id;
      rnd = ds.find((d) => d.kind === "rnd")!.id;
      const chs = await t.db
        .insert(channels)
        .values([
          { name: "Produktblog", platform: "blog", status: "active" },
          { name: "Kundenforum", platform: "forum", status: "active" },
        ])
        .returning({ id: channels.id });
      [blog, forum] = chs.map((c) => c.id);
      await t.db.insert(channelAssignments).values({ channelId: forum, departmentId: service, responsibility: "owner" });
      playbookId = await createPlaybook(
        t.db,
        manager,
        {
          name: "Produktmangel",
          crisisType: "product_defect",
          description: null,
          steps: [
            { title: "Holding statement auf allen Kanälen", dueOffsetMinutes: 60, responsibleRole: "manager", responsibleDepartmentKind: null },
            { title: "Technische Einschätzung", dueOffsetMinutes: 240, responsibleRole: null, responsibleDepartmentKind: "rnd" },
          ],
        },
        NOW,
      );
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("drafts a crisis when the early warning opens its alert, and only one", async () => {
      await ingestBody(t.db, actor, items("spike", 12, hoursAgo(1)), NOW);
      await ingestBody(t.db, actor, items("spike-more", 20, hoursAgo(1)), NOW);
      const drafts = await t.db.select().from(crises).where(eq(crises.status, "draft"));
      expect(drafts).toHaveLength(1);
      expect(drafts[0]).toMatchObject({ severity: 2, startedAt: hoursAgo(6) });
      expect(drafts[0].alertId).not.toBeNull();
      const events = await t.db.select().from(crisisEvents).where(eq(crisisEvents.crisisId, drafts[0].id));
      expect(events.map((e) => e.kind)).toEqual(["drafted"]);
      // The managers' navigation counts it until someone decides.
      const [m] = await t.db.select().from(users).where(eq(users.id, manager));
      expect((await navBadgeCounts(t.db, { ...m, sessionVersion: 0 } as never)).crisis).toBe(1);
    });

    it("confirms a draft with a playbook: the checklist is due from the crisis's start, department steps go to that department", async () => {
      const [draft] = await t.db.select().from(crises).where(eq(crises.status, "draft"));
      await confirmCrisis(t.db, manager, draft.id, { title: "Überhitzende Akkus", severity: 3, crisisType: "product_defect", leadId: manager, playbookId, channelIds: [], topics: ["Gerät"] }, NOW);
      const c = (await getCrisis(t.db, draft.id))!;
      expect(c).toMatchObject({ status: "active", severity: 3, leadId: manager, topics: ["Gerät"] });
      expect(await countDraftCrises(t.db)).toBe(0);
      const steps = await crisisChecklist(t.db, draft.id);
      expect(steps.map((s) => [s.position, s.dueAt.toISOString(), s.departmentName])).toEqual([
        [1, new Date(hoursAgo(6).getTime() + 3_600_000).toISOString(), null],
        [2, new Date(hoursAgo(6).getTime() + 4 * 3_600_000).toISOString(), "Forschung & Entwicklung"],
      ]);
      await expect(confirmCrisis(t.db, manager, draft.id, { title: "x", severity: 1, crisisType: null, leadId: null, playbookId: null, channelIds: [], topics: [] }, NOW)).rejects.toMatchObject({ code: "conflict" });
      await expect(dismissCrisis(t.db, manager, draft.id, NOW)).rejects.toMatchObject({ code: "conflict" });
      await expect(setLessonsLearned(t.db, manager, draft.id, "zu früh", NOW)).rejects.toMatchObject({ code: "conflict" });
    });

    it("holds a topic for one open crisis at a time, folded, and frees it when the crisis ends", async () => {
      const input = { title: "Zweite", severity: 1 as const, crisisType: null, leadId: null, playbookId: null, channelIds: [], topics: ["GERAET"], startedAt: hoursAgo(1) };
      const err = await declareCrisis(t.db, manager, input, NOW).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: "conflict", fieldErrors: { topics: ["crisis.errors.topicTaken"] } });
      // Nothing of the refused crisis was kept.
      expect(await t.db.select().from(crises).where(eq(crises.title, "Zweite"))).toHaveLength(0);
      const other = await declareCrisis(t.db, manager, { ...input, title: "Andere", topics: ["Lieferung"] }, NOW);
      await closeCrisis(t.db, manager, other, "Lieferprobleme behoben, Kunden informiert.", NOW);
      const again = await declareCrisis(t.db, manager, { ...input, title: "Wieder", topics: ["lieferung"] }, NOW);
      expect((await getCrisis(t.db, again))!.status).toBe("active");
      await closeCrisis(t.db, manager, again, "Erneut behoben und abgeschlossen.", NOW);
    });

    it("ticks, reopens, assigns and comments steps, each on the timeline; a closed crisis refuses", async () => {
      const [active] = await t.db.select().from(crises).where(and(eq(crises.status, "active")));
      const [first] = await t.db.select().from(crisisSteps).where(and(eq(crisisSteps.crisisId, active.id), eq(crisisSteps.position, 1)));
      await setStepDone(t.db, manager, active.id, first.id, true, NOW);
      await setStepDone(t.db, manager, active.id, first.id, true, NOW); // twice changes nothing
      await assignStep(t.db, manager, active.id, first.id, manager, NOW);
      await commentStep(t.db, manager, active.id, first.id, "Auf Facebook und Instagram veröffentlicht", NOW);
      let [s] = (await crisisChecklist(t.db, active.id)).filter((x) => x.id === first.id);
      expect(s).toMatchObject({ doneAt: NOW, doneByName: "Jonas Weber", assigneeName: "Jonas Weber" });
      expect(s.comments.map((c) => c.text)).toEqual(["Auf Facebook und Instagram veröffentlicht"]);
      await setStepDone(t.db, manager, active.id, first.id, false, NOW);
      [s] = (await crisisChecklist(t.db, active.id)).filter((x) => x.id === first.id);
      expect(s.doneAt).toBeNull();
      const kinds = (await t.db.select().from(crisisEvents).where(eq(crisisEvents.crisisId, active.id))).map((e) => e.kind);
      expect(kinds.filter((k) => k.startsWith("step_"))).toEqual(["step_done", "step_assigned", "step_commented", "step_reopened"]);
      await expect(setStepDone(t.db, manager, active.id, 999_999, true, NOW)).rejects.toMatchObject({ code: "not_found" });
      const [closed] = await t.db.select().from(crises).where(eq(crises.status, "closed"));
      await expect(addCrisisInsight(t.db, manager, closed.id, 1, NOW)).rejects.toMatchObject({ code: "conflict" });
    });

    it("finds the same insights in SQL as the membership rule does, plus those added by hand", async () => {
      // The confirmed crisis holds "Gerät"; it ends so the frames below may take the topic.
      for (const c of await t.db.select().from(crises).where(eq(crises.status, "active"))) await closeCrisis(t.db, manager, c.id, "Abgeschlossen für den nächsten Test.", NOW);
      const r = rng(7);
      const texts = ["Das Gerät brennt", "Geraet defekt", "Lieferung zu spät", "Tolles Produkt", "GERÄT wird heiß"];
      const sentiments = ["negative", "neutral", "positive"];
      const batch = Array.from({ length: 120 }, (_, i) => ({
        source: "membership",
        externalId: `m-${i}`,
        occurredAt: hoursAgo(Math.floor(r() * 72)).toISOString(),
        text: `${texts[Math.floor(r() * texts.length)]} #${i}`,
        category: r() < 0.1 ? "crisis_signal" : "question",
        channelId: [blog, forum, null][Math.floor(r() * 3)] ?? undefined,
        platform: "forum",
        sentiment: sentiments[Math.floor(r() * 3)],
        language: "de",
      }));
      await ingestBody(t.db, actor, batch, NOW);
      const all = await t.db.select().from(insights);
      const frames = [
        { channelIds: [], topics: [] },
        { channelIds: [forum], topics: [] },
        { channelIds: [], topics: ["Gerät"] },
        { channelIds: [blog, forum], topics: ["geraet", "Lieferung"] },
      ];
      for (const [n, f] of frames.entries()) {
        const id = await declareCrisis(t.db, manager, { title: `Frame ${n}`, severity: 1, crisisType: null, leadId: null, playbookId: null, channelIds: f.channelIds, topics: f.topics, startedAt: hoursAgo(30) }, NOW);
        const c = (await getCrisis(t.db, id))!;
        const expected = all.filter((i) => belongsToCrisis({ ...i, text: i.text }, { startedAt: c.startedAt, closedAt: null, channelIds: f.channelIds, topics: f.topics }));
        const page = await crisisInsightPage(t.db, c);
        expect(page.total, `frame ${n}`).toBe(expected.length);
        expect(page.negative).toBe(expected.filter((i) => i.sentiment === "negative" || i.category === "crisis_signal").length);
        expect(page.rows.map((x) => x.id)).toEqual(
          expected
            .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || b.id - a.id)
            .slice(0, 50)
            .map((i) => i.id),
        );
        // The chart counts the same insights per hour over its window.
        const volume = await crisisVolume(t.db, c, NOW);
        expect(volume.reduce((s, p) => s + p.total, 0)).toBe(all.filter((i) => i.occurredAt >= new Date(volume[0].hour) && i.occurredAt < NOW && belongsToCrisis(i, { startedAt: new Date(0), closedAt: null, channelIds: f.channelIds, topics: f.topics })).length);
        // Added by hand: an old insight outside the frame joins, once.
        const outsider = all.find((i) => !expected.includes(i))!;
        expect(await addCrisisInsight(t.db, manager, id, outsider.id, NOW)).toBe(true);
        expect(await addCrisisInsight(t.db, manager, id, outsider.id, NOW)).toBe(false);
        const after = await crisisInsightPage(t.db, c);
        expect(after.total).toBe(expected.length + 1);
        await closeCrisis(t.db, manager, id, "Test-Rahmen abgeschlossen.", NOW);
      }
    });

    it("tells of an overdue step once: its department's head and the lead, or its assignee and the lead", async () => {
      const [head] = await t.db.select().from(users).where(eq(users.email, "head.rnd@example.com"));
      const id = await declareCrisis(t.db, manager, { title: "Überfällig", severity: 2, crisisType: null, leadId: manager, playbookId, channelIds: [], topics: [], startedAt: hoursAgo(5) }, NOW);
      const steps = await crisisChecklist(t.db, id);
      // Step 1 (manager role, due 4 h ago) is assigned to the R&D head; step 2 (R&D, due 1 h ago) is not assigned.
      await assignStep(t.db, manager, id, steps[0].id, head.id, NOW);
      const r1 = await notifyOverdueCrisisSteps(t.db, NOW);
      const told = await t.db.select().from(notifications).where(eq(notifications.kind, "crisis_step_overdue"));
      const byStep = (title: string) => told.filter((n) => n.data.subject === title).map((n) => n.userId).sort((a, b) => a - b);
      expect(byStep(steps[0].title)).toEqual([manager, head.id].sort((a, b) => a - b));
      expect(byStep(steps[1].title)).toEqual([manager, head.id].sort((a, b) => a - b));
      expect(told.every((n) => n.data.href === `/crisis/${id}`)).toBe(true);
      expect(r1.told).toBe(4);
      // Once per due time; a done step or a closed crisis tells nobody.
      expect((await notifyOverdueCrisisSteps(t.db, new Date(NOW.getTime() + 60_000))).told).toBe(0);
      await closeCrisis(t.db, manager, id, "Geschlossen, bevor weitere Schritte fällig wurden.", NOW);
      expect((await notifyOverdueCrisisSteps(t.db, new Date(NOW.getTime() + 2 * 86_400_000))).told).toBe(0);
    });

    it("shows department heads only the crises that concern their department", async () => {
      const onForum = await declareCrisis(t.db, manager, { title: "Forum", severity: 1, crisisType: null, leadId: null, playbookId: null, channelIds: [forum], topics: [], startedAt: hoursAgo(2) }, NOW);
      const withRndStep = await declareCrisis(t.db, manager, { title: "F&E-Schritt", severity: 1, crisisType: null, leadId: null, playbookId, channelIds: [blog], topics: [], startedAt: hoursAgo(2) }, NOW);
      const serviceScope = { all: false as const, departmentId: service };
      const rndScope = { all: false as const, departmentId: rnd };
      expect(await crisisVisible(t.db, serviceScope, onForum)).toBe(true);
      expect(await crisisVisible(t.db, serviceScope, withRndStep)).toBe(false);
      expect(await crisisVisible(t.db, rndScope, withRndStep)).toBe(true);
      expect(await crisisVisible(t.db, rndScope, onForum)).toBe(false);
      const listed = await listCrises(t.db, serviceScope);
      // Frames 1 and 3 (closed) listened on the forum too.
      expect([...listed.open, ...listed.past].map((c) => c.title).sort()).toEqual(["Forum", "Frame 1", "Frame 3"]);
      const [head] = await t.db.select().from(users).where(eq(users.email, "head.service@example.com"));
      expect(await crisisScopeOf(t.db, head)).toEqual(serviceScope);
      expect(await crisisScopeOf(t.db, { role: "department_head", departmentId: comms })).toEqual({ all: true });
      const everything = await listCrises(t.db, { all: true });
      expect(everything.open.length + everything.pastTotal).toBe((await t.db.select().from(crises)).length);
    });
  });

  describe(`the demo's crisis room on ${backend}`, () => {
    let t: TestDb;
    afterAll(async () => {
      await t?.dispose();
    });

    it("seeds two playbooks and one past crisis worked through, once", async () => {
      t = await createTestDb(backend);
      await seedDemo(t.db, NOW);
      await seedDemo(t.db, NOW);
      expect((await t.db.select().from(playbooks)).map((p) => p.crisisType).sort()).toEqual(["product_defect", "service_outage"]);
      const list = await listCrises(t.db, { all: true });
      expect(list.open).toEqual([]);
      expect(list.past).toHaveLength(1);
      expect(list.past[0]).toMatchObject({ status: "closed", stepsTotal: 5, stepsDone: 5 });
      const steps = await crisisChecklist(t.db, list.past[0].id);
      expect(steps.filter((s) => s.doneAt! > s.dueAt).map((s) => s.position)).toEqual([4]);
      // Its post-mortem: first response at the declaration, one step late; lessons can be written now.
      const c = (await getCrisis(t.db, list.past[0].id))!;
      const pm = postMortem((await postMortemInput(t.db, c))!);
      expect(pm).toMatchObject({ firstResponseMinutes: 0, stepsTotal: 5, stepsOnTime: 4, durationMinutes: 3 * 1440 });
      expect(pm.lateSteps.map((s) => s.position)).toEqual([4]);
      const [manager] = await t.db.select().from(users).where(eq(users.email, "manager@example.com"));
      // A new crisis of the same kind starts from its lessons; one of another kind does not.
      const next = await declareCrisis(t.db, manager.id, { title: "Nächster Produktmangel", severity: 1, crisisType: "product_defect", leadId: null, playbookId: null, channelIds: [], topics: [], startedAt: NOW }, NOW);
      expect((await earlierLessons(t.db, (await getCrisis(t.db, next))!)).map((l) => l.id)).toEqual([c.id]);
      expect(await earlierLessons(t.db, { id: next, crisisType: "data_breach" })).toEqual([]);
      await setLessonsLearned(t.db, manager.id, c.id, "Früher mit F&E sprechen.", NOW);
      expect((await getCrisis(t.db, c.id))!.lessonsLearned).toBe("Früher mit F&E sprechen.");
      expect(await postMortemInput(t.db, { ...c, status: "active" })).toBeNull();
    });
  });
}
