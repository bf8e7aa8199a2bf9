import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { auditLog, businessProcesses, channelAssignments, channels, departments, users } from "../schema";
import { seedDemo, seedIfEmpty } from "../seed";
import { DEMO_CHANNELS } from "../seed/channels";
import { listAudit } from "./audit";
import { changeAssignment, createChannel, getChannel, listChannels, loadMatrix, updateChannel, updateChannelStrategy } from "./channels";
import { createProcess, listProcesses, renameProcess, setProcessArchived } from "./processes";
import { detectGaps, isoDay } from "@/lib/channels/gaps";
import type { ChannelInput } from "@/lib/schemas/channels";

const blank: Omit<ChannelInput, "name" | "platform" | "status"> = {
  handle: null,
  url: null,
  ownerId: null,
  deputyId: null,
  nextReviewOn: null,
  targetGroupsPresent: null,
  ourGain: null,
  theirGain: null,
  intendedAudience: null,
  inboundAudience: null,
};

for (const backend of availableBackends()) {
  describe(`channel register queries on ${backend}`, () => {
    let t: TestDb;
    const user = new Map<string, { id: number; role: string; departmentId: number | null }>();
    const dept = new Map<string, number>();

    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedIfEmpty(t.db);
      for (const u of await t.db.select().from(users)) user.set(u.email, u);
      for (const d of await t.db.select().from(departments)) dept.set(d.slug, d.id);
    });
    afterAll(async () => {
      await t?.dispose();
    });

    const id = (email: string) => user.get(email)!.id;
    const actor = (email: string) => user.get(email) as { id: number; role: "manager" | "department_head"; departmentId: number | null };

    it("seeds the agreed channels and processes once, with the gaps on purpose", async () => {
      await seedDemo(t.db);
      expect((await t.db.select().from(channels)).length).toBe(DEMO_CHANNELS.length);
      expect((await t.db.select().from(businessProcesses)).length).toBe(15);
      const m = await loadMatrix(t.db);
      const report = detectGaps({ ...m, today: isoDay() });
      expect(report.departmentsWithoutChannel).toEqual([dept.get("finanzen")]);
      const gapsOf = (name: string) => report.channelGaps.get(m.channels.find((c) => c.name === name)!.id);
      expect(gapsOf("Brenner Karriere (Instagram)")).toEqual(["no_deputy"]);
      expect(gapsOf("Brenner Service")).toEqual(["review_overdue"]);
      expect(report.channelsWithGaps).toBe(2);
      // Retired channels are left out of the matrix unless asked for.
      expect(m.channels.some((c) => c.status === "retired")).toBe(false);
      expect((await loadMatrix(t.db, { includeRetired: true })).channels.some((c) => c.name === "Brenner Schulungsvideos")).toBe(true);
    });

    it("filters, sorts and paginates the register", async () => {
      const p1 = await listChannels(t.db, { pageSize: 5, sort: "name" });
      const p2 = await listChannels(t.db, { pageSize: 5, sort: "name", page: 2 });
      expect(p1.total).toBe(DEMO_CHANNELS.length);
      expect(p1.rows).toHaveLength(5);
      expect(p2.rows[0].name.localeCompare(p1.rows[4].name)).toBeGreaterThanOrEqual(0);
      expect(p2.rows.map((r) => r.id)).not.toContain(p1.rows[0].id);

      const linkedin = await listChannels(t.db, { platform: "linkedin" });
      expect(linkedin.rows.map((r) => r.name).sort()).toEqual(["Brenner Antriebstechnik GmbH", "Brenner Karriere"]);
      expect((await listChannels(t.db, { status: "paused" })).rows.map((r) => r.name)).toEqual(["Brenner (Mastodon)"]);
      expect((await listChannels(t.db, { q: "karriere" })).total).toBe(2);
      expect((await listChannels(t.db, { q: "%" })).total).toBe(0);

      const hr = await listChannels(t.db, { departmentId: dept.get("personal"), pageSize: 50 });
      expect(hr.rows.find((r) => r.name === "Brenner Antriebstechnik GmbH")).toMatchObject({ responsibility: "contributor", owningDepartmentName: "Unternehmenskommunikation" });
      expect(hr.rows.find((r) => r.name === "Brenner Karriere")).toMatchObject({ responsibility: "owner", ownerName: "Sabine Krüger", deputyName: "Lukas Meyer" });

      const byReview = await listChannels(t.db, { sort: "nextReviewOn", dir: "asc", pageSize: 50 });
      expect(byReview.rows[0].name).toBe("Brenner Service");
      // The retired channel has no review date and sorts last either way.
      expect(byReview.rows.at(-1)!.nextReviewOn).toBeNull();
      expect((await listChannels(t.db, { sort: "nextReviewOn", dir: "desc", pageSize: 50 })).rows.at(-1)!.nextReviewOn).toBeNull();
    });

    it("creates a channel with its owning department, audited, and refuses a taken handle", async () => {
      const manager = id("manager@example.com");
      const created = await createChannel(t.db, manager, {
        ...blank,
        name: "Brenner Ausbildung",
        platform: "youtube",
        handle: "brenner-ausbildung",
        status: "active",
        ownerId: id("head.hr@example.com"),
        deputyId: id("lukas.meyer@example.com"),
        owningDepartmentId: dept.get("personal")!,
      });
      const detail = await getChannel(t.db, created.id);
      expect(detail).toMatchObject({ owner: { name: "Sabine Krüger" }, deputy: { name: "Lukas Meyer" }, owningDepartmentId: dept.get("personal") });
      const audit = await listAudit(t.db, { entityType: "channel", entityId: String(created.id) });
      expect(audit.rows.map((r) => r.action)).toEqual(["channel.create"]);

      await expect(
        createChannel(t.db, manager, { ...blank, name: "Dublette", platform: "youtube", handle: "BRENNER-Ausbildung", status: "planned", owningDepartmentId: null }),
      ).rejects.toMatchObject({ code: "conflict", fieldErrors: { handle: ["channels.errors.handleTaken"] } });
      // The same handle on another platform is a different channel.
      await createChannel(t.db, manager, { ...blank, name: "Ausbildung auf TikTok", platform: "tiktok", handle: "brenner-ausbildung", status: "planned", owningDepartmentId: null });
    });

    it("enforces owner, deputy and owning department rules and writes nothing on failure", async () => {
      const before = (await t.db.select().from(channels)).length;
      const audits = (await t.db.select().from(auditLog)).length;
      await expect(
        createChannel(t.db, null, { ...blank, name: "Ohne Abteilung", platform: "other", status: "active", owningDepartmentId: null }),
      ).rejects.toMatchObject({ fieldErrors: { status: ["channels.errors.activeNeedsOwningDepartment"] } });
      await expect(
        createChannel(t.db, null, {
          ...blank,
          name: "Doppelt besetzt",
          platform: "other",
          status: "planned",
          ownerId: id("manager@example.com"),
          deputyId: id("manager@example.com"),
          owningDepartmentId: null,
        }),
      ).rejects.toMatchObject({ fieldErrors: { deputyId: ["channels.errors.deputySameAsOwner"] } });
      const [leaver] = await t.db.insert(users).values({ email: "ex.mitarbeiter@example.com", name: "Ex", passwordHash: "x", active: false }).returning();
      await expect(
        createChannel(t.db, null, { ...blank, name: "Inaktiv", platform: "other", status: "planned", ownerId: leaver.id, owningDepartmentId: null }),
      ).rejects.toMatchObject({ fieldErrors: { ownerId: ["validation.activeUser"] } });
      expect((await t.db.select().from(channels)).length).toBe(before);
      expect((await t.db.select().from(auditLog)).length).toBe(audits);
    });

    it("hands ownership over, keeps an active channel owned, and records each change", async () => {
      const [ch] = await t.db.select().from(channels).where(eq(channels.name, "Brenner Ausbildung"));
      const manager = id("manager@example.com");
      await changeAssignment(t.db, manager, ch.id, { kind: "set", departmentId: dept.get("vertrieb")!, responsibility: "contributor" });
      await changeAssignment(t.db, manager, ch.id, { kind: "set", departmentId: dept.get("marketing")!, responsibility: "owner" });
      let detail = (await getChannel(t.db, ch.id))!;
      expect(detail.assignments.map((a) => [a.departmentSlug, a.responsibility])).toEqual([
        ["marketing", "owner"],
        ["personal", "contributor"],
        ["vertrieb", "contributor"],
      ]);
      await expect(changeAssignment(t.db, manager, ch.id, { kind: "remove", departmentId: dept.get("marketing")! })).rejects.toMatchObject({
        fieldErrors: { _form: ["channels.errors.ownerRequired"] },
      });
      await changeAssignment(t.db, manager, ch.id, { kind: "remove", departmentId: dept.get("vertrieb")! });
      detail = (await getChannel(t.db, ch.id))!;
      expect(detail.assignments).toHaveLength(2);
      const history = await listAudit(t.db, { entityType: "channel", entityId: String(ch.id) });
      expect(history.rows.map((r) => r.action)).toEqual(["channel.unassign", "channel.assign", "channel.assign", "channel.create"]);

      // Retiring keeps the channel and its assignments; it only leaves the matrix.
      await updateChannel(t.db, manager, ch.id, { ...blank, name: ch.name, platform: ch.platform, handle: ch.handle, status: "retired" });
      expect((await t.db.select().from(channelAssignments).where(eq(channelAssignments.channelId, ch.id))).length).toBe(2);
      await changeAssignment(t.db, manager, ch.id, { kind: "remove", departmentId: dept.get("marketing")! });
      await expect(
        updateChannel(t.db, manager, ch.id, { ...blank, name: ch.name, platform: ch.platform, handle: ch.handle, status: "active" }),
      ).rejects.toMatchObject({ fieldErrors: { status: ["channels.errors.activeNeedsOwningDepartment"] } });
    });

    it("lets a department head edit strategy answers only of channels their department owns", async () => {
      const [karriere] = await t.db.select().from(channels).where(eq(channels.handle, "brenner-karriere"));
      const [antriebe] = await t.db.select().from(channels).where(eq(channels.handle, "brenner_antriebe"));
      const answers = { targetGroupsPresent: "Ja", ourGain: "Bewerbungen", theirGain: "Einblicke", intendedAudience: "Fachkräfte", inboundAudience: "Bewerber" };
      await updateChannelStrategy(t.db, actor("head.hr@example.com"), karriere.id, answers);
      expect(await getChannel(t.db, karriere.id)).toMatchObject(answers);
      await expect(updateChannelStrategy(t.db, actor("head.hr@example.com"), antriebe.id, answers)).rejects.toMatchObject({ code: "forbidden" });
      expect((await getChannel(t.db, antriebe.id))!.ourGain).not.toBe("Bewerbungen");
      await updateChannelStrategy(t.db, actor("manager@example.com"), antriebe.id, { ...answers, ourGain: "Reichweite" });
      const audit = await listAudit(t.db, { action: "channel.strategy" });
      expect(audit.rows.map((r) => r.actorName)).toEqual(["Jonas Weber", "Sabine Krüger"]);
    });

    it("creates, renames, archives and restores business processes with unique names per department", async () => {
      const hr = dept.get("personal")!;
      const manager = id("manager@example.com");
      const p = await createProcess(t.db, manager, { departmentId: hr, name: "Onboarding", description: null });
      await expect(createProcess(t.db, manager, { departmentId: hr, name: "Recruiting", description: null })).rejects.toMatchObject({
        code: "conflict",
        fieldErrors: { name: ["channels.errors.processNameTaken"] },
      });
      // The same name in another department is fine.
      await createProcess(t.db, manager, { departmentId: dept.get("vertrieb")!, name: "Onboarding", description: null });
      await renameProcess(t.db, manager, p.id, { name: "Onboarding neuer Mitarbeitender", description: "Die ersten 100 Tage" });
      await expect(renameProcess(t.db, manager, p.id, { name: "Employer Branding", description: null })).rejects.toMatchObject({ code: "conflict" });
      await setProcessArchived(t.db, manager, p.id, true);
      const live = await listProcesses(t.db, { departmentId: hr });
      expect(live.rows.map((r) => r.name)).toEqual(["Employer Branding", "Recruiting"]);
      const all = await listProcesses(t.db, { departmentId: hr, includeArchived: true });
      expect(all.rows.at(-1)).toMatchObject({ name: "Onboarding neuer Mitarbeitender", description: "Die ersten 100 Tage" });
      expect(all.rows.at(-1)!.archivedAt).toBeInstanceOf(Date);
      await setProcessArchived(t.db, manager, p.id, false);
      expect((await listProcesses(t.db, { departmentId: hr })).total).toBe(3);
      const audit = await listAudit(t.db, { entityType: "business_process", entityId: String(p.id) });
      expect(audit.rows.map((r) => r.action)).toEqual(["business_process.restore", "business_process.archive", "business_process.rename", "business_process.create"]);
      const paged = await listProcesses(t.db, { pageSize: 4, page: 2 });
      expect(paged.rows).toHaveLength(4);
      expect(paged.total).toBe(17);
    });
  });
}
