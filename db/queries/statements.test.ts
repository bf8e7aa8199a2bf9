import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { crisisStatements, guidelines, users } from "../schema";
import { seedDemo } from "../seed";
import { closeCrisis, declareCrisis, getCrisis, postMortemInput } from "./crises";
import { changeVersionStatus, getGuideline, listAwaitingSignoff, listGuidelines, recordSignoff } from "./guidelines";
import { approvedStatements, createStatement, crisisStatementsOf, listStatements, recordStatementUse } from "./statements";
import { postMortem } from "@/lib/crisis/post-mortem";

const NOW = new Date("2026-05-04T10:00:00Z");
const later = (min: number) => new Date(NOW.getTime() + min * 60_000);

for (const backend of availableBackends()) {
  describe(`holding statements on ${backend}`, () => {
    let t: TestDb;
    const user = async (email: string) => (await t.db.select().from(users).where(eq(users.email, email)))[0];

    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedDemo(t.db, NOW);
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("seeds approved statements in German and English and a draft, none of them among the guidelines", async () => {
      const rows = await listStatements(t.db);
      expect(rows.map((r) => [r.crisisType, r.language, r.latestStatus]).sort()).toEqual([
        ["product_defect", "de", "approved"],
        ["product_defect", "en", "approved"],
        ["service_outage", "de", "draft"],
      ]);
      const list = await listGuidelines(t.db, { pageSize: 100 });
      const plain = await t.db.select().from(guidelines).where(eq(guidelines.kind, "guideline"));
      expect(list.total).toBe(plain.length);
    });

    it("goes through the guidelines' sign-off — legal and communications — and ends at approved, never published", async () => {
      const manager = await user("manager@example.com");
      const legal = await user("recht@example.com");
      const comms = await user("sophie.wolf@example.com");
      const { id, versionId } = await createStatement(t.db, manager.id, { title: "Datenpanne (DE)", crisisType: "data_breach", language: "de", body: "Wir prüfen einen möglichen Datenvorfall." });
      const g = (await getGuideline(t.db, id))!;
      expect(g).toMatchObject({ kind: "holding_statement", crisisType: "data_breach", language: "de", requiredSignoffs: ["legal", "communications"] });
      await changeVersionStatus(t.db, manager.id, versionId, "submit");
      // Communications sees it among the versions awaiting its sign-off.
      expect((await listAwaitingSignoff(t.db, { functions: ["communications"] })).rows.map((r) => r.versionId)).toContain(versionId);
      await recordSignoff(t.db, legal.id, { versionId, function: "legal", decision: "approved", comment: null });
      await recordSignoff(t.db, comms.id, { versionId, function: "communications", decision: "approved", comment: null });
      const approved = (await getGuideline(t.db, id))!;
      expect(approved.open?.status).toBe("approved");
      await expect(changeVersionStatus(t.db, manager.id, versionId, "publish")).rejects.toMatchObject({ code: "conflict", fieldErrors: { _form: ["guidelines.errors.statementNotPublished"] } });
      const offered = await approvedStatements(t.db, "data_breach");
      expect(offered[0]).toMatchObject({ versionId, title: "Datenpanne (DE)" });
    });

    it("is used in an active crisis as adapted, only when approved, and the post-mortem times the first one", async () => {
      const manager = await user("manager@example.com");
      const crisisId = await declareCrisis(t.db, manager.id, { title: "Akku-Video", severity: 2, crisisType: "product_defect", leadId: manager.id, playbookId: null, channelIds: [], topics: [], startedAt: later(-90) }, NOW);
      const [de] = (await approvedStatements(t.db, "product_defect")).filter((s) => s.language === "de");
      const draft = (await listStatements(t.db)).find((s) => s.latestStatus === "draft")!;
      const draftVersion = (await getGuideline(t.db, draft.id))!.versions[0].id;
      await expect(recordStatementUse(t.db, manager.id, crisisId, { versionId: draftVersion, text: "x", channelIds: [], postedNote: null }, NOW)).rejects.toMatchObject({ fieldErrors: { versionId: ["crisis.statements.errors.notApproved"] } });
      const adapted = de.body.replace("[Produkt]", "den Akku AK-300");
      await recordStatementUse(t.db, manager.id, crisisId, { versionId: de.versionId, text: adapted, channelIds: [], postedNote: "Pressemitteilung" }, later(15));
      const used = await crisisStatementsOf(t.db, crisisId);
      expect(used).toHaveLength(1);
      expect(used[0]).toMatchObject({ approvedText: de.body, text: adapted, postedNote: "Pressemitteilung", usedByName: manager.name });
      await closeCrisis(t.db, manager.id, crisisId, "Kein Serienfehler, Einzelfall geklärt.", later(120));
      const pm = postMortem((await postMortemInput(t.db, (await getCrisis(t.db, crisisId))!))!);
      expect(pm.firstStatementMinutes).toBe(105);
      await expect(recordStatementUse(t.db, manager.id, crisisId, { versionId: de.versionId, text: "zu spät", channelIds: [], postedNote: null }, later(130))).rejects.toMatchObject({ code: "conflict" });
      expect(await t.db.select().from(crisisStatements)).toHaveLength(1);
    });
  });
}
