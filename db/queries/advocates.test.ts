import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { advocates, auditLog, users } from "../schema";
import { seedDemo } from "../seed";
import { type AdvocateInput, briefableAdvocates, createAdvocate, getAdvocate, listAdvocates, revokeConsent, updateAdvocate } from "./advocates";

// A fixed clock: consent dates and expiries are relative to it, never to the day the suite runs.
const NOW = new Date("2026-05-04T10:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

const external = (over: Partial<AdvocateInput> = {}): AdvocateInput => ({
  kind: "fan",
  userId: null,
  name: "Eva Maier",
  email: "eva.maier@mail.example",
  platforms: [{ platform: "instagram", handle: "eva_m" }],
  languages: ["de"],
  topics: ["Getriebe"],
  consentAt: daysAgo(30),
  consentScope: "Krisen-Briefings per E-Mail",
  consentMethod: "online_form",
  consentExpiresAt: null,
  note: null,
  ...over,
});

for (const backend of availableBackends()) {
  describe(`advocates on ${backend}`, () => {
    let t: TestDb;
    let manager: number;

    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedDemo(t.db, NOW);
      [{ id: manager }] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "manager@example.com"));
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("seeds twelve advocates, one of whom withdrew consent", async () => {
      const all = await listAdvocates(t.db, { page: 1 }, NOW);
      expect(all.total).toBe(12);
      expect(all.rows.filter((a) => a.kind === "employee")).toHaveLength(6);
      const revoked = await listAdvocates(t.db, { consent: "revoked" }, NOW);
      expect(revoked.rows.map((a) => a.email)).toEqual(["anna.schmidt@example.com"]);
    });

    it("takes an employee's name and address from their user, and refuses a second entry for one person or address", async () => {
      const [u] = await t.db.select().from(users).where(eq(users.email, "head.hr@example.com"));
      const id = await createAdvocate(t.db, manager, external({ kind: "employee", userId: u.id, name: "ignored", email: "ignored@x.example" }), NOW);
      expect(await getAdvocate(t.db, id)).toMatchObject({ name: u.name, email: u.email, userId: u.id });
      await expect(createAdvocate(t.db, manager, external({ kind: "employee", userId: u.id }), NOW)).rejects.toMatchObject({ code: "conflict", fieldErrors: { userId: ["crisis.advocates.errors.userTaken"] } });
      await createAdvocate(t.db, manager, external(), NOW);
      await expect(createAdvocate(t.db, manager, external({ email: "EVA.MAIER@mail.example" }), NOW)).rejects.toMatchObject({ code: "conflict", fieldErrors: { email: ["crisis.advocates.errors.emailTaken"] } });
      // The audit says what changed about consent, not how to reach the person.
      const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, String(id)));
      expect(JSON.stringify(entry.after)).not.toContain(u.email);
    });

    it("filters by consent, platform, language and folded topic", async () => {
      await createAdvocate(t.db, manager, external({ name: "Abgelaufen", email: "alt@mail.example", consentAt: daysAgo(400), consentExpiresAt: daysAgo(35), topics: ["Rückruf"], languages: ["en"], platforms: [{ platform: "tiktok", handle: "@alt" }] }), NOW);
      await createAdvocate(t.db, manager, external({ name: "Ohne", email: "ohne@mail.example", consentAt: null, consentScope: null, consentMethod: null }), NOW);
      const names = async (f: Parameters<typeof listAdvocates>[1]) => (await listAdvocates(t.db, f, NOW)).rows.map((a) => a.name);
      expect(await names({ consent: "expired" })).toEqual(["Abgelaufen"]);
      expect(await names({ consent: "missing" })).toEqual(["Ohne"]);
      expect(await names({ platform: "tiktok" })).toEqual(["Abgelaufen"]);
      expect(await names({ topic: "rueckruf" })).toEqual(["Abgelaufen"]);
      expect((await names({ language: "en", consent: "valid" })).length).toBeGreaterThan(0);
      expect(await names({ language: "en", consent: "valid" })).not.toContain("Abgelaufen");
    });

    it("never lets a revoked, expired or missing consent be briefed; a new consent counts again", async () => {
      const all = await t.db.select().from(advocates);
      const ids = all.map((a) => a.id);
      const briefable = async () => (await briefableAdvocates(t.db, ids, NOW)).map((a) => a.name).sort();
      const before = await briefable();
      expect(before).not.toContain("Abgelaufen");
      expect(before).not.toContain("Ohne");
      const eva = all.find((a) => a.name === "Eva Maier")!;
      expect(before).toContain("Eva Maier");
      await revokeConsent(t.db, manager, eva.id, NOW);
      expect(await briefable()).not.toContain("Eva Maier");
      // Consent given again (a new date): the revocation no longer applies.
      await updateAdvocate(t.db, manager, eva.id, external({ consentAt: daysAgo(1) }), NOW);
      expect(await briefable()).toContain("Eva Maier");
      expect(await briefableAdvocates(t.db, [], NOW)).toEqual([]);
    });
  });
}
