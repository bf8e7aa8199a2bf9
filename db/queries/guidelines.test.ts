import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { channelAssignments, channels, departments, guidelineVersions, guidelines, users } from "../schema";
import { seedDemo, seedIfEmpty } from "../seed";
import { listAudit } from "./audit";
import {
  acknowledgeVersion,
  changeVersionStatus,
  countPendingGuidelines,
  createGuideline,
  getCoverage,
  getGuideline,
  type GuidelineInput,
  listGuidelines,
  listMyGuidelines,
  myAcknowledgment,
  recordSignoff,
  startNewVersion,
  updateDraft,
} from "./guidelines";
import { createUser } from "./users";

for (const backend of availableBackends()) {
  describe(`guideline queries on ${backend}`, () => {
    let t: TestDb;
    const ids: Record<string, number> = {};
    const dep: Record<string, number> = {};
    let reader: (email: string) => { id: number; departmentId: number | null };

    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedIfEmpty(t.db);
      for (const u of await t.db.select().from(users)) ids[u.email] = u.id;
      for (const d of await t.db.select().from(departments)) dep[d.slug] = d.id;
      const byEmail = new Map((await t.db.select().from(users)).map((u) => [u.email, u]));
      reader = (email) => ({ id: byEmail.get(email)!.id, departmentId: byEmail.get(email)!.departmentId });
    });
    afterAll(async () => {
      await t?.dispose();
    });

    const manager = () => ids["manager@example.com"];
    const input = (over: Partial<GuidelineInput> = {}): GuidelineInput => ({
      title: "Testleitfaden",
      scope: "company",
      departmentIds: [],
      channelIds: [],
      requiredSignoffs: ["legal", "works_council"],
      bodyMd: "# Regeln\n\nErste Fassung.",
      changeNote: "Erste Fassung",
      ...over,
    });

    it("seeds three guidelines with history, once, and leaves the demo employee something pending", async () => {
      // Three guidelines, besides the crisis room's holding statements (db/seed/crisis.ts).
      const before = (await t.db.select().from(guidelines)).length;
      expect((await t.db.select().from(guidelines).where(eq(guidelines.kind, "guideline"))).length).toBe(3);
      await seedDemo(t.db);
      expect((await t.db.select().from(guidelines)).length).toBe(before);
      const mine = await listMyGuidelines(t.db, reader("employee@example.com"));
      expect(mine.pending).toBeGreaterThanOrEqual(1);
      expect(await countPendingGuidelines(t.db, reader("employee@example.com"))).toBe(mine.pending);
      expect(mine.rows.map((r) => r.title)).toContain("Social-Media-Leitlinie der Brenner Antriebstechnik GmbH");
      // The HR guideline is for Personal only; the employee works in marketing.
      expect(mine.rows.map((r) => r.title)).not.toContain("Recruiting und Employer Branding in sozialen Netzwerken");
      const hr = await listMyGuidelines(t.db, reader("lukas.meyer@example.com"));
      expect(hr.rows.map((r) => r.title)).toContain("Recruiting und Employer Branding in sozialen Netzwerken");

      const list = await listGuidelines(t.db, {});
      const social = list.rows.find((r) => r.title.startsWith("Social-Media-Leitlinie"))!;
      expect(social).toMatchObject({ scope: "company", publishedVersion: 2, latest: { version: 2, status: "published" } });
      expect(social.coverage!.acknowledged).toBeGreaterThan(0);
      expect(social.coverage!.acknowledged).toBeLessThan(social.coverage!.total);
      const crisis = list.rows.find((r) => r.title.startsWith("Krisenkommunikation"))!;
      expect(crisis).toMatchObject({ publishedVersion: 1, latest: { version: 2, status: "in_review" } });
      expect(crisis.scopeNames).toEqual(["Kundenservice", "Marketing", "Unternehmenskommunikation"]);
    });

    it("runs a version through review: rejection back to draft, approvals, publication", async () => {
      const { id, versionId } = await createGuideline(t.db, manager(), input({ title: "Lebenszyklus" }));
      await changeVersionStatus(t.db, manager(), versionId, "submit");

      await expect(recordSignoff(t.db, manager(), { versionId, function: "data_protection", decision: "approved", onBehalf: { signatoryName: "X", reference: "Protokoll der Sitzung" }, comment: null })).rejects.toMatchObject({
        code: "conflict",
        fieldErrors: { function: ["guidelines.errors.signoffNotRequired"] },
      });
      await expect(recordSignoff(t.db, manager(), { versionId, function: "works_council", decision: "rejected", onBehalf: { signatoryName: "Monika Hahn", reference: "Protokoll der Sitzung" }, comment: null })).rejects.toMatchObject({
        fieldErrors: { comment: ["guidelines.errors.reasonRequired"] },
      });
      await recordSignoff(t.db, manager(), { versionId, function: "legal", decision: "approved", onBehalf: { signatoryName: "Dr. Berger", reference: "Protokoll der Sitzung" }, comment: null });
      const rejected = await recordSignoff(t.db, manager(), { versionId, function: "works_council", decision: "rejected", onBehalf: { signatoryName: "Monika Hahn", reference: "Protokoll der Sitzung" }, comment: "Zu unbestimmt." });
      expect(rejected.status).toBe("draft");
      await expect(changeVersionStatus(t.db, manager(), versionId, "publish")).rejects.toMatchObject({ fieldErrors: { _form: ["guidelines.errors.invalidTransition"] } });

      await updateDraft(t.db, manager(), versionId, input({ title: "Lebenszyklus", bodyMd: "# Regeln\n\nKonkretere Fassung." }));
      await changeVersionStatus(t.db, manager(), versionId, "submit");
      // The legal approval belonged to the rejected round and no longer counts.
      let g = (await getGuideline(t.db, id))!;
      expect(g.open!.reviewRound).toBe(2);
      expect(g.open!.signoffState.missing).toEqual(["legal", "works_council"]);
      await expect(changeVersionStatus(t.db, manager(), versionId, "approve")).rejects.toMatchObject({ fieldErrors: { _form: ["guidelines.errors.signoffsMissing"] } });
      await recordSignoff(t.db, manager(), { versionId, function: "legal", decision: "approved", onBehalf: { signatoryName: "Dr. Berger", reference: "Protokoll der Sitzung" }, comment: null });
      const last = await recordSignoff(t.db, ids["admin@example.com"], { versionId, function: "works_council", decision: "approved", onBehalf: { signatoryName: "Monika Hahn", reference: "Protokoll der Sitzung" }, comment: "Einverstanden." });
      expect(last.status).toBe("approved");
      await changeVersionStatus(t.db, manager(), versionId, "publish");

      g = (await getGuideline(t.db, id))!;
      expect(g.published!.version).toBe(1);
      expect(g.published!.signoffs.map((s) => [s.function, s.decision])).toEqual([
        ["legal", "approved"],
        ["works_council", "rejected"],
        ["legal", "approved"],
        ["works_council", "approved"],
      ]);
      expect(g.published!.signoffs.at(-1)!.recordedByName).toBe("Petra Albrecht");
      // Withdrawn after approval and submitted again: a new round, the approvals must be given again.
      const { id: id2, versionId: w } = await createGuideline(t.db, manager(), input({ title: "Zurückgezogen", requiredSignoffs: ["legal"] }));
      await changeVersionStatus(t.db, manager(), w, "submit");
      expect((await recordSignoff(t.db, manager(), { versionId: w, function: "legal", decision: "approved", onBehalf: { signatoryName: "Dr. Berger", reference: "Protokoll der Sitzung" }, comment: null })).status).toBe("approved");
      await changeVersionStatus(t.db, manager(), w, "withdraw");
      await changeVersionStatus(t.db, manager(), w, "submit");
      const again = (await getGuideline(t.db, id2))!.open!;
      expect(again).toMatchObject({ status: "in_review", reviewRound: 2 });
      expect(again.signoffState.missing).toEqual(["legal"]);
      await expect(changeVersionStatus(t.db, manager(), w, "approve")).rejects.toMatchObject({ fieldErrors: { _form: ["guidelines.errors.signoffsMissing"] } });
      const audit = await listAudit(t.db, { entityType: "guideline_version", pageSize: 200 });
      const actions = audit.rows.filter((r) => r.entityId === String(versionId)).map((r) => r.action);
      expect(actions).toEqual(expect.arrayContaining(["guideline_version.submit", "guideline_signoff.rejected", "guideline_version.reject", "guideline_version.approve", "guideline_version.publish"]));
    });

    it("publishes a new version by archiving the old one, and makes everyone pending again", async () => {
      const { id, versionId: v1 } = await createGuideline(t.db, manager(), input({ title: "Neue Fassung", requiredSignoffs: [] }));
      for (const e of ["submit", "approve", "publish"] as const) await changeVersionStatus(t.db, manager(), v1, e);
      const lena = reader("employee@example.com");
      const pendingBefore = (await listMyGuidelines(t.db, lena)).rows.find((r) => r.id === id)!;
      expect(pendingBefore.pending).toBe(true);
      await acknowledgeVersion(t.db, lena, v1);
      await acknowledgeVersion(t.db, lena, v1); // twice is harmless
      expect((await listMyGuidelines(t.db, lena)).rows.find((r) => r.id === id)!.pending).toBe(false);
      expect((await myAcknowledgment(t.db, lena, id)).acknowledgedAt).toBeInstanceOf(Date);

      await expect(startNewVersion(t.db, manager(), id)).resolves.toBeTruthy();
      await expect(startNewVersion(t.db, manager(), id)).rejects.toMatchObject({ fieldErrors: { _form: ["guidelines.errors.versionInProgress"] } });
      const g = (await getGuideline(t.db, id))!;
      const v2 = g.open!;
      expect(v2).toMatchObject({ version: 2, status: "draft", bodyMd: "# Regeln\n\nErste Fassung." });
      await updateDraft(t.db, manager(), v2.id, input({ title: "Neue Fassung", requiredSignoffs: [], bodyMd: "# Regeln\n\nZweite Fassung." }));
      for (const e of ["submit", "approve", "publish"] as const) await changeVersionStatus(t.db, manager(), v2.id, e);

      const after = (await getGuideline(t.db, id))!;
      expect(after.versions.map((v) => [v.version, v.status])).toEqual([[2, "published"], [1, "archived"]]);
      expect((await listMyGuidelines(t.db, lena)).rows.find((r) => r.id === id)).toMatchObject({ pending: true, version: 2 });
      await expect(acknowledgeVersion(t.db, lena, v1)).rejects.toMatchObject({ code: "conflict" });
      // The database itself refuses a second published version.
      await expect(t.db.update(guidelineVersions).set({ status: "published" }).where(eq(guidelineVersions.id, v1))).rejects.toThrow();
    });

    it("refuses acknowledgments for guidelines that do not apply and edits of non-drafts", async () => {
      const { id, versionId } = await createGuideline(t.db, manager(), input({ title: "Nur Personal", scope: "departments", departmentIds: [dep.personal], requiredSignoffs: [] }));
      await changeVersionStatus(t.db, manager(), versionId, "submit");
      await expect(updateDraft(t.db, manager(), versionId, input())).rejects.toMatchObject({ fieldErrors: { _form: ["guidelines.errors.notDraft"] } });
      await changeVersionStatus(t.db, manager(), versionId, "approve");
      await changeVersionStatus(t.db, manager(), versionId, "publish");
      await expect(acknowledgeVersion(t.db, reader("employee@example.com"), versionId)).rejects.toMatchObject({ code: "forbidden" });
      await acknowledgeVersion(t.db, reader("lukas.meyer@example.com"), versionId);
      const cov = (await getCoverage(t.db, id, { withNames: true }))!;
      expect(cov.departments.map((d) => [d.departmentName, d.acknowledged, d.total])).toEqual([["Personal", 1, 2]]);
      expect(cov.departments[0].pending.map((p) => p.name)).toEqual(["Sabine Krüger"]);
      const anon = (await getCoverage(t.db, id, { withNames: false }))!;
      expect(anon.departments[0]).toMatchObject({ acknowledged: 1, total: 2, pending: [] });
    });

    it("validates department and channel scopes", async () => {
      await expect(createGuideline(t.db, manager(), input({ scope: "departments", departmentIds: [] }))).rejects.toMatchObject({ fieldErrors: { departmentIds: ["guidelines.errors.departmentsRequired"] } });
      await expect(createGuideline(t.db, manager(), input({ scope: "channels", channelIds: [999_999] }))).rejects.toMatchObject({ fieldErrors: { channelIds: ["guidelines.errors.channelsRequired"] } });
      expect((await t.db.select().from(guidelineVersions).where(eq(guidelineVersions.title, "Testleitfaden"))).length).toBe(0);
    });

    it("reaches the departments assigned to a channel", async () => {
      const [chan] = await t.db.insert(channels).values({ name: "Testkanal Karriere", platform: "linkedin", handle: "test-karriere", status: "active" }).returning();
      await t.db.insert(channelAssignments).values([
        { channelId: chan.id, departmentId: dep.personal, responsibility: "owner" },
        { channelId: chan.id, departmentId: dep.vertrieb, responsibility: "contributor" },
      ]);
      const { id, versionId } = await createGuideline(t.db, manager(), input({ title: "Kanalregeln", scope: "channels", channelIds: [chan.id], requiredSignoffs: [] }));
      for (const e of ["submit", "approve", "publish"] as const) await changeVersionStatus(t.db, manager(), versionId, e);
      const titles = async (email: string) => (await listMyGuidelines(t.db, reader(email))).rows.map((r) => r.title);
      expect(await titles("anna.schmidt@example.com")).toContain("Kanalregeln");
      expect(await titles("head.hr@example.com")).toContain("Kanalregeln");
      expect(await titles("employee@example.com")).not.toContain("Kanalregeln");
      await acknowledgeVersion(t.db, reader("anna.schmidt@example.com"), versionId);
      await expect(acknowledgeVersion(t.db, reader("felix.wagner@example.com"), versionId)).rejects.toMatchObject({ code: "forbidden" });
      const cov = (await getCoverage(t.db, id, { withNames: false }))!;
      expect(cov.departments.map((d) => d.departmentName)).toEqual(["Personal", "Vertrieb"]);
      expect(cov).toMatchObject({ acknowledged: 1 });
      const listed = (await listGuidelines(t.db, { scope: "channels" })).rows;
      expect(listed.map((r) => [r.title, r.scopeNames])).toEqual([["Kanalregeln", ["Testkanal Karriere"]]]);
    });

    it("counts only active people as affected", async () => {
      const u = await createUser(t.db, null, { email: "kurz.da@example.com", name: "Kurz Da", password: "a-good-password", role: "employee", departmentId: dep.personal, locale: "de" });
      const [g] = await t.db.select({ id: guidelineVersions.guidelineId }).from(guidelineVersions).where(eq(guidelineVersions.title, "Nur Personal"));
      expect((await getCoverage(t.db, g.id, { withNames: false }))!.total).toBe(3);
      await t.db.update(users).set({ active: false }).where(eq(users.id, u.id));
      expect((await getCoverage(t.db, g.id, { withNames: false }))!.total).toBe(2);
    });

    // ─── A draft never changes what is published ───────────────────────────────

    /** Publishes v1 of a guideline and starts v2 as a draft with `draft` as its title, scope and sign-offs. */
    async function publishedWithDraft(published: Partial<GuidelineInput>, draft: Partial<GuidelineInput>) {
      const { id, versionId: v1 } = await createGuideline(t.db, manager(), input({ requiredSignoffs: [], ...published }));
      for (const e of ["submit", "approve", "publish"] as const) await changeVersionStatus(t.db, manager(), v1, e);
      const { versionId: v2 } = await startNewVersion(t.db, manager(), id);
      const before = {
        lena: await listMyGuidelines(t.db, reader("employee@example.com")),
        coverage: (await getCoverage(t.db, id, { withNames: true }))!,
        list: (await listGuidelines(t.db, { pageSize: 100 })).rows.find((r) => r.id === id)!,
      };
      await updateDraft(t.db, manager(), v2, input({ requiredSignoffs: [], ...published, ...draft, bodyMd: "# Regeln\n\nEntwurf." }));
      return { id, v1, v2, before };
    }

    const publishAll = async (versionId: number) => {
      for (const e of ["submit", "approve", "publish"] as const) await changeVersionStatus(t.db, manager(), versionId, e);
    };

    it("keeps a draft's narrower scope and new title away from readers, coverage and acknowledgment until it is published", async () => {
      const lena = reader("employee@example.com"); // Marketing
      const anna = reader("anna.schmidt@example.com"); // Vertrieb
      const { id, v1, v2, before } = await publishedWithDraft(
        { title: "Isolation veröffentlicht", scope: "departments", departmentIds: [dep.marketing, dep.vertrieb] },
        { title: "Isolation Entwurf", departmentIds: [dep.vertrieb], requiredSignoffs: ["legal"] },
      );
      const check = async () => {
        const mine = await listMyGuidelines(t.db, lena);
        expect(mine.rows.find((r) => r.id === id)).toMatchObject({ title: "Isolation veröffentlicht", versionId: v1, scope: "departments" });
        expect(mine.pending).toBe(before.lena.pending);
        expect(await countPendingGuidelines(t.db, lena)).toBe(before.lena.pending);
        expect((await myAcknowledgment(t.db, lena, id)).applies).toBe(true);
        expect(await getCoverage(t.db, id, { withNames: true })).toEqual(before.coverage);
        const listed = (await listGuidelines(t.db, { pageSize: 100 })).rows.find((r) => r.id === id)!;
        expect(listed).toMatchObject({ title: "Isolation veröffentlicht", scopeNames: ["Marketing", "Vertrieb"], coverage: before.list.coverage });
        const forReaders = (await listGuidelines(t.db, { publishedOnly: true, pageSize: 100 })).rows.find((r) => r.id === id)!;
        expect(forReaders.title).toBe("Isolation veröffentlicht");
        const readerView = (await getGuideline(t.db, id, { publishedOnly: true }))!;
        expect(readerView).toMatchObject({ title: "Isolation veröffentlicht", requiredSignoffs: [], open: null });
        expect(readerView.scope.departments.map((d) => d.name)).toEqual(["Marketing", "Vertrieb"]);
      };
      await check();
      // The editor and the review see the draft's own values.
      const work = (await getGuideline(t.db, id))!;
      expect(work.title).toBe("Isolation veröffentlicht");
      expect(work.open).toMatchObject({ id: v2, title: "Isolation Entwurf", requiredSignoffs: ["legal"] });
      expect(work.open!.scope.departments.map((d) => d.name)).toEqual(["Vertrieb"]);
      expect(work.published).toMatchObject({ id: v1, title: "Isolation veröffentlicht", requiredSignoffs: [] });
      await acknowledgeVersion(t.db, lena, v1);
      expect((await listMyGuidelines(t.db, lena)).rows.find((r) => r.id === id)!.pending).toBe(false);

      // In review, with the draft's own required sign-off, nothing published changes either.
      await changeVersionStatus(t.db, manager(), v2, "submit");
      await expect(changeVersionStatus(t.db, manager(), v2, "approve")).rejects.toMatchObject({ fieldErrors: { _form: ["guidelines.errors.signoffsMissing"] } });
      expect((await listMyGuidelines(t.db, lena)).rows.find((r) => r.id === id)).toMatchObject({ title: "Isolation veröffentlicht", pending: false });
      await recordSignoff(t.db, manager(), { versionId: v2, function: "legal", decision: "approved", onBehalf: { signatoryName: "Dr. Berger", reference: "Protokoll der Sitzung" }, comment: null });
      await changeVersionStatus(t.db, manager(), v2, "publish");

      // Published: the new title and the narrower scope apply.
      expect((await listMyGuidelines(t.db, lena)).rows.map((r) => r.id)).not.toContain(id);
      expect((await myAcknowledgment(t.db, lena, id)).applies).toBe(false);
      await expect(acknowledgeVersion(t.db, lena, v2)).rejects.toMatchObject({ code: "forbidden" });
      expect((await listMyGuidelines(t.db, anna)).rows.find((r) => r.id === id)).toMatchObject({ title: "Isolation Entwurf", versionId: v2, pending: true });
      const cov = (await getCoverage(t.db, id, { withNames: false }))!;
      expect(cov.departments.map((d) => d.departmentName)).toEqual(["Vertrieb"]);
      expect(cov.acknowledged).toBe(0);
      const listed = (await listGuidelines(t.db, { pageSize: 100 })).rows.find((r) => r.id === id)!;
      expect(listed).toMatchObject({ title: "Isolation Entwurf", scopeNames: ["Vertrieb"], publishedVersion: 2 });
      expect((await getGuideline(t.db, id, { publishedOnly: true }))!.title).toBe("Isolation Entwurf");
    });

    it("does not let a draft's wider scope reach anyone before it is published", async () => {
      const lena = reader("employee@example.com"); // Marketing, outside the published scope
      const { id, v1, v2, before } = await publishedWithDraft(
        { title: "Nur Personal veröffentlicht", scope: "departments", departmentIds: [dep.personal] },
        { title: "Für alle im Entwurf", scope: "company" },
      );
      expect(before.lena.rows.map((r) => r.id)).not.toContain(id);
      expect((await listMyGuidelines(t.db, lena)).rows.map((r) => r.id)).not.toContain(id);
      expect(await countPendingGuidelines(t.db, lena)).toBe(before.lena.pending);
      expect((await myAcknowledgment(t.db, lena, id)).applies).toBe(false);
      await expect(acknowledgeVersion(t.db, lena, v1)).rejects.toMatchObject({ code: "forbidden" });
      expect(await getCoverage(t.db, id, { withNames: true })).toEqual(before.coverage);
      expect(before.coverage.departments.map((d) => d.departmentName)).toEqual(["Personal"]);
      expect((await listGuidelines(t.db, { scope: "company", pageSize: 100 })).rows.map((r) => r.id)).not.toContain(id);
      expect((await listGuidelines(t.db, { scope: "departments", pageSize: 100 })).rows.find((r) => r.id === id)).toMatchObject({ title: "Nur Personal veröffentlicht", scope: "departments" });
      // The audit trail records what the draft changed from and to.
      const audit = await listAudit(t.db, { entityType: "guideline_version", pageSize: 200 });
      const edit = audit.rows.find((r) => r.entityId === String(v2) && r.action === "guideline.update_draft")!;
      expect(edit.before).toMatchObject({ title: "Nur Personal veröffentlicht", scope: "departments", departmentIds: [dep.personal] });
      expect(edit.after).toMatchObject({ title: "Für alle im Entwurf", scope: "company" });

      await publishAll(v2);
      expect((await listMyGuidelines(t.db, lena)).rows.find((r) => r.id === id)).toMatchObject({ title: "Für alle im Entwurf", scope: "company", pending: true });
      await acknowledgeVersion(t.db, lena, v2);
      const cov = (await getCoverage(t.db, id, { withNames: false }))!;
      expect(cov.departments.length).toBeGreaterThan(1);
      expect(cov.acknowledged).toBe(1);
      expect((await listGuidelines(t.db, { scope: "company", pageSize: 100 })).rows.find((r) => r.id === id)!.title).toBe("Für alle im Entwurf");
    });

    it("starts a new version from the newest version's title, scope and sign-offs", async () => {
      const [chan] = await t.db.insert(channels).values({ name: "Testkanal Kopie", platform: "instagram", handle: "test-kopie", status: "active" }).returning();
      const { id, versionId: v1 } = await createGuideline(t.db, manager(), input({ title: "Kopiervorlage", scope: "channels", channelIds: [chan.id], requiredSignoffs: [] }));
      await publishAll(v1);
      const { versionId: v2 } = await startNewVersion(t.db, manager(), id);
      const open = (await getGuideline(t.db, id))!.open!;
      expect(open).toMatchObject({ id: v2, title: "Kopiervorlage", requiredSignoffs: [], reviewRound: 0 });
      expect(open.scope).toMatchObject({ kind: "channels", channelIds: [chan.id] });
    });

    it("filters by status and scope, hides unpublished work from readers, and paginates", async () => {
      const { versionId } = await createGuideline(t.db, manager(), input({ title: "Entwurf nur intern" }));
      const drafts = await listGuidelines(t.db, { status: "draft" });
      expect(drafts.rows.map((r) => r.title)).toContain("Entwurf nur intern");
      expect(drafts.rows.every((r) => r.latest.status === "draft")).toBe(true);
      const readers = await listGuidelines(t.db, { publishedOnly: true, pageSize: 100 });
      expect(readers.rows.map((r) => r.title)).not.toContain("Entwurf nur intern");
      expect(readers.rows.every((r) => r.publishedVersion !== null)).toBe(true);
      const depScoped = await listGuidelines(t.db, { scope: "departments" });
      expect(depScoped.rows.every((r) => r.scope === "departments")).toBe(true);
      const p1 = await listGuidelines(t.db, { pageSize: 2, page: 1 });
      const p2 = await listGuidelines(t.db, { pageSize: 2, page: 2 });
      expect(p1.rows).toHaveLength(2);
      expect(p1.total).toBeGreaterThan(4);
      expect(p2.rows.map((r) => r.id)).not.toContain(p1.rows[0].id);
      // A reader does not even learn the title of a guideline that was never published.
      const gid = (await t.db.select().from(guidelineVersions).where(eq(guidelineVersions.id, versionId)))[0].guidelineId;
      expect(await getGuideline(t.db, gid, { publishedOnly: true })).toBeNull();
      expect((await getGuideline(t.db, gid))!.title).toBe("Entwurf nur intern");
    });
  });
}
