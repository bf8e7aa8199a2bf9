import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { departments, insights, insightSlaEvents, users } from "../schema";
import { seedFoundation } from "../seed/foundation";
import { sweepSla } from "./sla-sweep";
import { defineSubscriber } from "@/lib/jobs/define";
import { slaSweepJob } from "@/lib/jobs/definitions/sla-sweep";
import type { SlaTransitionEvent } from "@/lib/jobs/events";
import { registerJob } from "@/lib/jobs/registry";
import { JobRunner } from "@/lib/jobs/runner";

const H = 3_600_000;
const T0 = new Date("2025-03-03T08:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * H);

for (const backend of availableBackends()) {
  describe(`SLA sweep on ${backend}`, () => {
    let t: TestDb;
    let dep: number;
    const ids: Record<string, number> = {};
    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedFoundation(t.db);
      [{ id: dep }] = await t.db.select({ id: departments.id }).from(departments).where(eq(departments.slug, "kundenservice"));
      // 8-hour SLAs routed at T0: due soon from T0+6 h, overdue from T0+8 h.
      const base = { source: "sla-test", occurredAt: T0, text: "Frage", category: "question" as const, sentiment: "neutral" as const, departmentId: dep, routedAt: T0, slaDueAt: at(8) };
      const rows = await t.db
        .insert(insights)
        .values([
          { ...base, externalId: "routed", status: "routed" },
          { ...base, externalId: "accepted", status: "accepted", acceptedAt: at(1) },
          { ...base, externalId: "resolved", status: "resolved", acceptedAt: at(1), resolvedAt: at(2) },
          { ...base, externalId: "long", status: "routed", slaDueAt: at(40) },
        ])
        .returning({ id: insights.id, externalId: insights.externalId });
      for (const r of rows) ids[r.externalId] = r.id;
    });
    afterAll(async () => {
      await t?.dispose();
    });

    const events = () => t.db.select().from(insightSlaEvents).orderBy(insightSlaEvents.id);

    it("finds nothing before 75 % of an SLA", async () => {
      expect(await sweepSla(t.db, at(5))).toEqual([]);
    });

    it("records 'due soon' once for the unaccepted insight past 75 %", async () => {
      const found = await sweepSla(t.db, at(6.5));
      expect(found).toEqual([
        expect.objectContaining({ type: "insight.sla_due_soon", insightId: ids.routed, departmentId: dep, dueAt: at(8).toISOString() }),
      ]);
      expect(found[0].id).toMatch(/^sla:\d+$/);
      // The same moment again (a retry) and a later one add nothing.
      expect(await sweepSla(t.db, at(6.5))).toEqual([]);
      expect(await sweepSla(t.db, at(7))).toEqual([]);
    });

    it("records 'overdue' for open insights, accepted or not, once", async () => {
      const found = await sweepSla(t.db, at(8.2));
      expect(found.map((e) => [e.type, e.insightId]).sort()).toEqual(
        [
          ["insight.sla_overdue", ids.accepted],
          ["insight.sla_overdue", ids.routed],
        ].sort(),
      );
      expect(await sweepSla(t.db, at(9))).toEqual([]);
      expect((await events()).filter((e) => e.insightId === ids.resolved)).toHaveLength(0);
    });

    it("catches up after downtime: both moments passed while away give only 'overdue'", async () => {
      const found = await sweepSla(t.db, at(45));
      expect(found).toEqual([expect.objectContaining({ type: "insight.sla_overdue", insightId: ids.long })]);
    });

    it("allows new transitions after a new routing sets a new due time", async () => {
      await t.db.update(insights).set({ routedAt: at(46), slaDueAt: at(50) }).where(eq(insights.id, ids.routed));
      const found = await sweepSla(t.db, at(49.5));
      expect(found).toEqual([expect.objectContaining({ type: "insight.sla_due_soon", insightId: ids.routed, dueAt: at(50).toISOString() })]);
      const all = (await events()).filter((e) => e.insightId === ids.routed).map((e) => e.kind);
      expect(all).toEqual(["due_soon", "overdue", "due_soon"]);
    });

    it("a clock that went back looks at nothing and keeps the cursor", async () => {
      expect(await sweepSla(t.db, at(20))).toEqual([]);
      const cur = await t.db.execute(sql`select position from job_cursors where name = 'sla.sweep'`);
      expect(new Date((cur.rows[0] as { position: string }).position).toISOString()).toBe(at(49.5).toISOString());
    });

    it("hands each transition to the subscribers of its event, in the sweep's transaction", async () => {
      const seen: SlaTransitionEvent[] = [];
      const subscriber = defineSubscriber({
        name: "test.sla-listener",
        on: ["insight.sla_overdue"],
        handler: async (e) => {
          seen.push(e);
        },
      });
      const unregister = registerJob(subscriber);
      const clock = { now: at(50.5) };
      const runner = await new JobRunner({ conn: t, clock: () => clock.now, work: false, schedule: false }).start();
      try {
        await runner.send(slaSweepJob, {});
        // The sweep runs, records the overdue transition and enqueues the listener's job and the
        // app's notification job, which mails the escalation to each manager (a mail.send job
        // each); all run in the same drain. A second sweep finds nothing new and hands on nothing.
        const managers = await t.db.select({ id: users.id }).from(users).where(and(eq(users.role, "manager"), eq(users.active, true)));
        expect(await runner.drain()).toEqual({ completed: 3 + managers.length, failed: 0 });
        clock.now = at(51);
        await runner.send(slaSweepJob, {});
        expect(await runner.drain()).toEqual({ completed: 1, failed: 0 });
      } finally {
        unregister();
        await runner.stop({ graceful: false });
      }
      expect(seen).toEqual([expect.objectContaining({ type: "insight.sla_overdue", insightId: ids.routed, dueAt: at(50).toISOString() })]);
    });
  });
}
