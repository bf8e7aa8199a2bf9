import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { users } from "../schema";
import { seedIfEmpty } from "../seed";
import { listAudit } from "./audit";
import { changeVersionStatus, createGuideline, getGuideline, type GuidelineInput, listAwaitingSignoff, recordSignoff } from "./guidelines";
import { getUser, signoffFunctionsOf, updateUser } from "./users";

for (const backend of availableBackends()) {
  describe(`sign-offs by the signatories themselves on ${backend}`, () => {
    let t: TestDb;
    const ids: Record<string, number> = {};

    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedIfEmpty(t.db, new Date("2030-06-15T10:00:00Z"));
      for (const u of await t.db.select().from(users)) ids[u.email] = u.id;
    });
    afterAll(async () => {
      await t?.dispose();
    });

    const manager = () => ids["manager@example.com"];
    const worksCouncil = () => ids["betriebsrat@example.com"];
    const input = (over: Partial<GuidelineInput> = {}): GuidelineInput => ({
      title: "Freigabetest",
      scope: "company",
      departmentIds: [],
      channelIds: [],
      requiredSignoffs: ["legal", "works_council"],
      bodyMd: "## Regeln\n\nText.",
      changeNote: null,
      ...over,
    });
    async function inReview(over: Partial<GuidelineInput> = {}) {
      const g = await createGuideline(t.db, manager(), input(over));
      await changeVersionStatus(t.db, manager(), g.versionId, "submit");
      return g;
    }

    it("seeds the works council and legal as users holding their function", async () => {
      expect(await signoffFunctionsOf(t.db, worksCouncil())).toEqual(["works_council"]);
      expect(await signoffFunctionsOf(t.db, ids["recht@example.com"])).toEqual(["legal"]);
      expect(await signoffFunctionsOf(t.db, ids["employee@example.com"])).toEqual([]);
    });

    it("lists for a function only the versions in review that need it", async () => {
      const wc = await inReview({ title: "Braucht Betriebsrat" });
      const legal = await inReview({ title: "Braucht nur Recht", requiredSignoffs: ["legal"] });
      const draft = await createGuideline(t.db, manager(), input({ title: "Nur Entwurf" }));
      const { rows, awaiting } = await listAwaitingSignoff(t.db, { functions: ["works_council"] });
      const titles = rows.map((r) => r.title);
      expect(titles).toContain("Braucht Betriebsrat");
      expect(titles).toContain("Krisenkommunikation in sozialen Medien");
      expect(titles).not.toContain("Braucht nur Recht");
      expect(titles).not.toContain("Nur Entwurf");
      expect(rows.every((r) => r.requiredSignoffs.includes("works_council"))).toBe(true);
      expect(awaiting).toBe(rows.filter((r) => r.awaiting.length).length);
      expect((await listAwaitingSignoff(t.db, { functions: [] })).total).toBe(0);
      expect([wc.versionId, legal.versionId, draft.versionId].every(Number.isInteger)).toBe(true);
    });

    it("a holder signs under their own name; the version then shows them as signatory and leaves their queue's 'awaiting'", async () => {
      const { id, versionId } = await inReview({ title: "Selbst unterzeichnet" });
      const r = await recordSignoff(t.db, worksCouncil(), { versionId, function: "works_council", decision: "approved", comment: "Einverstanden." });
      expect(r.status).toBe("in_review");
      const g = (await getGuideline(t.db, id))!;
      expect(g.open!.signoffs).toEqual([
        expect.objectContaining({ function: "works_council", decision: "approved", signatoryName: "Monika Hahn", signatoryId: worksCouncil(), onBehalfReference: null, recordedByName: "Monika Hahn", comment: "Einverstanden." }),
      ]);
      const row = (await listAwaitingSignoff(t.db, { functions: ["works_council"] })).rows.find((x) => x.versionId === versionId)!;
      expect(row).toMatchObject({ awaiting: [], decisions: { works_council: "approved" } });
      const audit = await listAudit(t.db, { entityType: "guideline_version", pageSize: 200 });
      expect(audit.rows.find((a) => a.entityId === String(versionId) && a.action === "guideline_signoff.approved")).toBeDefined();
    });

    it("refuses a sign-off for a function the person does not hold, and on-behalf recording by anyone but the central unit", async () => {
      const { id, versionId } = await inReview({ title: "Fremde Funktion" });
      await expect(recordSignoff(t.db, worksCouncil(), { versionId, function: "legal", decision: "approved", comment: null })).rejects.toMatchObject({ code: "forbidden" });
      await expect(recordSignoff(t.db, ids["employee@example.com"], { versionId, function: "works_council", decision: "approved", comment: null })).rejects.toMatchObject({ code: "forbidden" });
      await expect(
        recordSignoff(t.db, worksCouncil(), { versionId, function: "legal", decision: "approved", comment: null, onBehalf: { signatoryName: "Dr. Berger", reference: "Mail" } }),
      ).rejects.toMatchObject({ code: "forbidden" });
      // A manager holding no function cannot sign in person either.
      await expect(recordSignoff(t.db, manager(), { versionId, function: "legal", decision: "approved", comment: null })).rejects.toMatchObject({ code: "forbidden" });
      expect((await getGuideline(t.db, id))!.open!.signoffs).toEqual([]);
    });

    it("on behalf needs a reference, and records who recorded it and where the decision is documented", async () => {
      const { id, versionId } = await inReview({ title: "Im Auftrag" });
      await expect(
        recordSignoff(t.db, manager(), { versionId, function: "works_council", decision: "approved", comment: null, onBehalf: { signatoryName: "Monika Hahn", reference: "  " } }),
      ).rejects.toMatchObject({ code: "validation_failed", fieldErrors: { reference: ["guidelines.errors.referenceRequired"] } });
      expect((await getGuideline(t.db, id))!.open!.signoffs).toEqual([]);
      await recordSignoff(t.db, manager(), { versionId, function: "works_council", decision: "approved", comment: null, onBehalf: { signatoryName: "Monika Hahn", reference: "Protokoll BR-Sitzung 3/2030" } });
      expect((await getGuideline(t.db, id))!.open!.signoffs[0]).toMatchObject({ signatoryName: "Monika Hahn", signatoryId: null, onBehalfReference: "Protokoll BR-Sitzung 3/2030", recordedByName: "Jonas Weber" });
    });

    it("shows a signatory the version awaiting them (and what they rejected), never other work in progress", async () => {
      const signer = { id: worksCouncil(), signoffFunctions: ["works_council"] as const };
      const mine = await inReview({ title: "Sichtbar für BR" });
      const other = await inReview({ title: "Nur Recht sichtbar", requiredSignoffs: ["legal"] });
      const draft = await createGuideline(t.db, manager(), input({ title: "Entwurf für BR" }));
      expect((await getGuideline(t.db, mine.id, { publishedOnly: true, signer }))!.open!.status).toBe("in_review");
      expect(await getGuideline(t.db, other.id, { publishedOnly: true, signer })).toBeNull();
      expect(await getGuideline(t.db, draft.id, { publishedOnly: true, signer })).toBeNull();
      expect(await getGuideline(t.db, mine.id, { publishedOnly: true })).toBeNull();

      await recordSignoff(t.db, worksCouncil(), { versionId: mine.versionId, function: "works_council", decision: "rejected", comment: "Zu unbestimmt." });
      const back = (await getGuideline(t.db, mine.id, { publishedOnly: true, signer }))!;
      expect(back.open!.status).toBe("draft");
      // Someone else holding the function did not sign it: the draft is not theirs to read.
      expect(await getGuideline(t.db, mine.id, { publishedOnly: true, signer: { id: ids["recht@example.com"], signoffFunctions: ["works_council"] } })).toBeNull();
    });

    it("an admin assigns and removes sign-off functions; the change is audited and takes effect at once", async () => {
      const lena = ids["employee@example.com"];
      const before = (await getUser(t.db, lena))!;
      await updateUser(t.db, ids["admin@example.com"], lena, { name: before.name, role: before.role, departmentId: before.departmentId, active: true, signoffFunctions: ["works_council", "data_protection", "works_council"] });
      expect((await getUser(t.db, lena))!.signoffFunctions).toEqual(["data_protection", "works_council"]);
      expect(await signoffFunctionsOf(t.db, lena)).toEqual(["data_protection", "works_council"]);
      const [row] = await t.db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, lena));
      await updateUser(t.db, ids["admin@example.com"], lena, { name: before.name, role: before.role, departmentId: before.departmentId, active: true, signoffFunctions: [] });
      expect(await signoffFunctionsOf(t.db, lena)).toEqual([]);
      // Functions are read per request, so no session had to end.
      const [after] = await t.db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, lena));
      expect(after.v).toBe(row.v);
      const audit = await listAudit(t.db, { entityType: "user", pageSize: 200 });
      const changes = audit.rows.filter((a) => a.entityId === String(lena) && a.action === "user.update");
      expect(changes.length).toBe(2);
      expect(JSON.stringify(changes.map((c) => c.after))).toContain("works_council");
      // Leaving the field out leaves the functions alone.
      await updateUser(t.db, ids["admin@example.com"], ids["betriebsrat@example.com"], { name: "Monika Hahn", role: "employee", departmentId: null, active: true });
      expect(await signoffFunctionsOf(t.db, ids["betriebsrat@example.com"])).toEqual(["works_council"]);
    });
  });
}
