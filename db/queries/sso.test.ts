import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { auditLog, departments, ssoGroupMappings, users } from "../schema";
import { seedDemo } from "../seed";
import {
  applySsoPreset,
  deleteGroupMapping,
  getSsoDefaultRole,
  listGroupMappings,
  saveGroupMapping,
  setSsoDefaultRole,
  type SsoClaims,
  ssoSignIn,
} from "./sso";
import { parseGroupMap } from "@/lib/auth/group-map";

// A fixed clock: nothing here depends on the day the suite runs.
const NOW = new Date("2026-03-09T08:00:00Z");

const PRESET = JSON.stringify({
  "sm-team": { role: "manager" },
  "service-leads": { role: "department_head", department: "kundenservice" },
  staff: { role: "employee" },
  ghosts: { role: "department_head", department: "no-such-department" },
});

const claims = (over: Partial<SsoClaims> = {}): SsoClaims => ({
  subject: "sub-jana",
  email: "Jana.Kraus@Example.com",
  name: "Jana Kraus",
  groups: ["staff"],
  ...over,
});

for (const backend of availableBackends()) {
  describe(`single sign-on on ${backend}`, () => {
    let t: TestDb;
    let service: number;
    let admin: number;

    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedDemo(t.db, NOW);
      [{ id: service }] = await t.db.select({ id: departments.id }).from(departments).where(eq(departments.slug, "kundenservice"));
      [{ id: admin }] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "admin@example.com"));
      const first = await applySsoPreset(t.db, { map: parseGroupMap(PRESET), defaultRole: null, source: PRESET });
      expect(first).toEqual({ applied: true, groups: 3, unknownDepartments: ["ghosts → no-such-department"] });
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("applies the preset once; an unchanged preset leaves admins' edits alone", async () => {
      const [staff] = (await listGroupMappings(t.db)).filter((m) => m.groupName === "staff");
      await saveGroupMapping(t.db, admin, { groupName: "staff", role: "employee", departmentId: service }, staff.id);
      const again = await applySsoPreset(t.db, { map: parseGroupMap(PRESET), defaultRole: null, source: PRESET });
      expect(again.applied).toBe(false);
      const [after] = (await listGroupMappings(t.db)).filter((m) => m.groupName === "staff");
      expect(after.departmentSlug).toBe("kundenservice");
      await saveGroupMapping(t.db, admin, { groupName: "staff", role: "employee", departmentId: null }, staff.id);
    });

    it("refuses a person of no mapped group and creates nothing", async () => {
      const r = await ssoSignIn(t.db, claims({ subject: "sub-x", email: "nobody@example.com", groups: ["visitors"] }), NOW);
      expect(r).toEqual({ ok: false, reason: "sso_unmapped" });
      expect(await t.db.select().from(users).where(eq(users.email, "nobody@example.com"))).toHaveLength(0);
    });

    it("creates the account on first sign-in in the mapped role and department", async () => {
      const r = await ssoSignIn(t.db, claims({ groups: ["staff", "service-leads"] }), NOW);
      expect(r.ok && r.created).toBe(true);
      if (!r.ok) return;
      expect(r.user).toMatchObject({ email: "jana.kraus@example.com", name: "Jana Kraus", role: "department_head", departmentId: service });
      const [row] = await t.db.select().from(users).where(eq(users.id, r.user.id));
      expect(row.ssoSubject).toBe("sub-jana");
      expect(row.lastLoginAt?.toISOString()).toBe(NOW.toISOString());
      const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "user.create"), eq(auditLog.entityId, String(r.user.id))));
      expect(audit[0].after).toMatchObject({ via: "sso", group: "service-leads", role: "department_head" });
    });

    it("re-applies the groups at every sign-in: a change ends the old sessions", async () => {
      const before = await ssoSignIn(t.db, claims({ groups: ["service-leads"] }), NOW);
      const promoted = await ssoSignIn(t.db, claims({ groups: ["service-leads", "sm-team"] }), NOW);
      expect(before.ok && promoted.ok).toBe(true);
      if (!before.ok || !promoted.ok) return;
      expect(promoted.user).toMatchObject({ role: "manager", departmentId: null });
      expect(promoted.sessionVersion).toBe(before.sessionVersion + 1);
      const same = await ssoSignIn(t.db, claims({ groups: ["sm-team", "service-leads"] }), NOW);
      expect(same.ok && same.sessionVersion).toBe(promoted.sessionVersion);
      const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "user.sso_update"), eq(auditLog.entityId, String(promoted.user.id))));
      expect(audit.map((a) => a.after)).toContainEqual(expect.objectContaining({ role: "manager", group: "sm-team" }));
    });

    it("finds the person by subject when the directory changes their e-mail", async () => {
      const r = await ssoSignIn(t.db, claims({ email: "jana.kraus-neu@example.com", groups: ["staff"] }), NOW);
      expect(r.ok && r.user.email).toBe("jana.kraus-neu@example.com");
      expect(await t.db.select().from(users).where(eq(users.email, "jana.kraus@example.com"))).toHaveLength(0);
    });

    it("links an existing local account by e-mail, but never a second directory identity", async () => {
      const linked = await ssoSignIn(t.db, claims({ subject: "sub-manager", email: "manager@example.com", groups: ["sm-team"] }), NOW);
      expect(linked.ok && linked.created).toBe(false);
      const other = await ssoSignIn(t.db, claims({ subject: "sub-impostor", email: "manager@example.com", groups: ["sm-team"] }), NOW);
      expect(other).toEqual({ ok: false, reason: "sso_conflict" });
    });

    it("refuses deactivated accounts, also when their groups are mapped", async () => {
      await t.db.update(users).set({ active: false }).where(eq(users.ssoSubject, "sub-jana"));
      expect(await ssoSignIn(t.db, claims({ groups: ["sm-team"] }), NOW)).toEqual({ ok: false, reason: "deactivated" });
      await t.db.update(users).set({ active: true }).where(eq(users.ssoSubject, "sub-jana"));
    });

    it("refuses tokens without a usable or verified e-mail", async () => {
      expect(await ssoSignIn(t.db, claims({ subject: "s1", email: null }), NOW)).toEqual({ ok: false, reason: "sso_no_email" });
      expect(await ssoSignIn(t.db, claims({ subject: "s2", email: "not-an-address" }), NOW)).toEqual({ ok: false, reason: "sso_no_email" });
      expect(await ssoSignIn(t.db, claims({ subject: "s3", email: "x@example.com", emailVerified: false }), NOW)).toEqual({
        ok: false,
        reason: "sso_no_email",
      });
    });

    it("a default role admits people of no mapped group; unset again refuses them", async () => {
      await setSsoDefaultRole(t.db, admin, "employee");
      expect(await getSsoDefaultRole(t.db)).toBe("employee");
      const r = await ssoSignIn(t.db, claims({ subject: "sub-guest", email: "guest@example.com", groups: [] }), NOW);
      expect(r.ok && r.user.role).toBe("employee");
      await setSsoDefaultRole(t.db, admin, null);
      expect(await ssoSignIn(t.db, claims({ subject: "sub-guest2", email: "guest2@example.com", groups: [] }), NOW)).toEqual({
        ok: false,
        reason: "sso_unmapped",
      });
      await expect(setSsoDefaultRole(t.db, admin, "department_head")).rejects.toMatchObject({ code: "validation_failed" });
    });

    it("checks mappings: a head needs a department, a group maps once, removals are audited", async () => {
      await expect(saveGroupMapping(t.db, admin, { groupName: "heads", role: "department_head", departmentId: null })).rejects.toMatchObject({
        code: "validation_failed",
        fieldErrors: { departmentId: ["validation.required"] },
      });
      await expect(saveGroupMapping(t.db, admin, { groupName: "  ", role: "manager", departmentId: null })).rejects.toMatchObject({
        fieldErrors: { groupName: ["validation.required"] },
      });
      await expect(saveGroupMapping(t.db, admin, { groupName: "sm-team", role: "admin", departmentId: null })).rejects.toMatchObject({
        code: "conflict",
      });
      const row = await saveGroupMapping(t.db, admin, { groupName: "board", role: "executive", departmentId: service });
      expect(row.departmentId).toBeNull();
      await deleteGroupMapping(t.db, admin, row.id);
      expect(await t.db.select().from(ssoGroupMappings).where(eq(ssoGroupMappings.id, row.id))).toHaveLength(0);
      const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "sso_mapping.delete"), eq(auditLog.entityId, String(row.id))));
      expect(audit).toHaveLength(1);
      await expect(deleteGroupMapping(t.db, admin, row.id)).rejects.toMatchObject({ code: "not_found" });
    });
  });
}
