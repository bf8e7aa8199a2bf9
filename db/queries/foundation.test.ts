import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { auditLog, departments, loginAttempts, users } from "../schema";
import { DEMO_LOGINS, seedDemo, seedIfEmpty } from "../seed";
import { listAudit } from "./audit";
import { recentFailures, verifyLogin, loadSessionUser } from "./auth";
import { createDepartment, listDepartments, updateDepartment } from "./departments";
import { createUser, getUser, listUsers, resetPassword, updateUser } from "./users";
import { AppError } from "@/lib/errors";

const policy = { maxAttempts: 5, maxAttemptsPerAccount: 20, windowMinutes: 15 };

for (const backend of availableBackends()) {
  describe(`foundation queries on ${backend}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await createTestDb(backend);
      expect(await seedIfEmpty(t.db)).toBe(true);
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("seeds the demo company once and is idempotent", async () => {
      const before = (await t.db.select().from(users)).length;
      expect(await seedIfEmpty(t.db)).toBe(false);
      await seedDemo(t.db);
      expect((await t.db.select().from(users)).length).toBe(before);
      const deps = await listDepartments(t.db);
      expect(deps.map((d) => d.kind).sort()).toEqual(
        ["communications", "finance", "hr", "marketing", "other", "production", "rnd", "sales", "service"]
          .filter((k) => k !== "other")
          .sort(),
      );
      for (const login of DEMO_LOGINS) {
        const r = await verifyLogin(t.db, login.email, "demo-password", `seed-${login.email}`, policy);
        expect(r.ok, login.email).toBe(true);
      }
    });

    it("gives the department heads their departments", async () => {
      const deps = await listDepartments(t.db);
      const rnd = deps.find((d) => d.kind === "rnd")!;
      expect(rnd.headName).toBe("Dr. Katrin Hoffmann");
      expect(rnd.memberCount).toBeGreaterThan(0);
    });

    it("creates a user who can log in, never exposing the hash, and audits it", async () => {
      const [admin] = await t.db.select().from(users).where(eq(users.email, "admin@example.com"));
      const created = await createUser(t.db, admin.id, {
        email: "new.person@example.com",
        name: "New Person",
        password: "a-good-password",
        role: "employee",
        departmentId: null,
        locale: "en",
      });
      expect(created).not.toHaveProperty("passwordHash");
      const fetched = await getUser(t.db, created.id);
      expect(fetched).toMatchObject({ email: "new.person@example.com", role: "employee", active: true, locale: "en" });
      expect(fetched).not.toHaveProperty("passwordHash");
      const login = await verifyLogin(t.db, "NEW.person@example.com ", "a-good-password", "1.1.1.1", policy);
      expect(login.ok).toBe(true);
      const audit = await listAudit(t.db, { entityType: "user" });
      const entry = audit.rows.find((r) => r.action === "user.create" && r.entityId === String(created.id))!;
      expect(entry.actorName).toBe("Petra Albrecht");
      expect(JSON.stringify(entry.after)).not.toContain("passwordHash");
    });

    it("refuses a duplicate e-mail with a field error and writes nothing", async () => {
      const count = (await t.db.select().from(users)).length;
      const auditCount = (await t.db.select().from(auditLog)).length;
      await expect(
        createUser(t.db, null, { email: "manager@example.com", name: "Dup", password: "a-good-password", role: "employee", departmentId: null, locale: "de" }),
      ).rejects.toMatchObject({ code: "conflict", fieldErrors: { email: ["validation.emailTaken"] } });
      expect((await t.db.select().from(users)).length).toBe(count);
      expect((await t.db.select().from(auditLog)).length).toBe(auditCount);
    });

    it("blocks a deactivated user and drops their session", async () => {
      const u = await createUser(t.db, null, { email: "leaver@example.com", name: "Leaver", password: "a-good-password", role: "manager", departmentId: null, locale: "de" });
      const claims = { id: u.id, sessionVersion: 0, sid: "leaver-session" };
      expect(await loadSessionUser(t.db, claims)).not.toBeNull();
      await updateUser(t.db, null, u.id, { name: "Leaver", role: "manager", departmentId: null, active: false });
      expect(await verifyLogin(t.db, "leaver@example.com", "a-good-password", "2.2.2.2", policy)).toEqual({ ok: false, reason: "deactivated" });
      expect(await loadSessionUser(t.db, claims)).toBeNull();
    });

    it("does not let an admin deactivate or demote themselves", async () => {
      const [admin] = await t.db.select().from(users).where(eq(users.email, "admin@example.com"));
      await expect(updateUser(t.db, admin.id, admin.id, { name: admin.name, role: "admin", departmentId: null, active: false })).rejects.toBeInstanceOf(AppError);
      expect((await getUser(t.db, admin.id))!.active).toBe(true);
    });

    it("resets a password: the old one stops working, the new one works", async () => {
      const u = await createUser(t.db, null, { email: "reset@example.com", name: "R", password: "old-password-1", role: "employee", departmentId: null, locale: "de" });
      await resetPassword(t.db, null, u.id, "new-password-2");
      expect((await verifyLogin(t.db, "reset@example.com", "old-password-1", "3.3.3.3", policy)).ok).toBe(false);
      expect((await verifyLogin(t.db, "reset@example.com", "new-password-2", "3.3.3.4", policy)).ok).toBe(true);
      const audit = await listAudit(t.db, { action: "user.reset_password" });
      expect(audit.rows.some((r) => r.entityId === String(u.id))).toBe(true);
    });

    it("throttles after five failures per e-mail and address, even with the right password", async () => {
      const ip = "9.9.9.9";
      for (let i = 0; i < 5; i++) {
        expect(await verifyLogin(t.db, "manager@example.com", "wrong", ip, policy)).toEqual({ ok: false, reason: "invalid" });
      }
      expect(await verifyLogin(t.db, "manager@example.com", "demo-password", ip, policy)).toEqual({ ok: false, reason: "throttled" });
      // Another address is not affected.
      expect((await verifyLogin(t.db, "manager@example.com", "demo-password", "9.9.9.10", policy)).ok).toBe(true);
      // Failures older than the window no longer count.
      await t.db.update(loginAttempts).set({ createdAt: new Date(Date.now() - 16 * 60_000) }).where(eq(loginAttempts.ip, ip));
      expect(await recentFailures(t.db, "manager@example.com", ip, policy)).toBe(0);
      expect((await verifyLogin(t.db, "manager@example.com", "demo-password", ip, policy)).ok).toBe(true);
    });

    it("throttles unknown e-mails the same way, so guessing reveals nothing", async () => {
      for (let i = 0; i < 5; i++) await verifyLogin(t.db, "nobody@example.com", "x", "8.8.8.8", policy);
      expect(await verifyLogin(t.db, "nobody@example.com", "x", "8.8.8.8", policy)).toEqual({ ok: false, reason: "throttled" });
    });

    it("creates and updates departments with unique slugs and an active head", async () => {
      const [head] = await t.db.select().from(users).where(eq(users.email, "head.sales@example.com"));
      const d = await createDepartment(t.db, null, { slug: "einkauf", name: "Einkauf", kind: "other", headUserId: head.id });
      await expect(createDepartment(t.db, null, { slug: "einkauf", name: "Einkauf 2", kind: "other", headUserId: null })).rejects.toMatchObject({
        code: "conflict",
        fieldErrors: { slug: ["validation.slugTaken"] },
      });
      const [inactive] = await t.db.select().from(users).where(eq(users.email, "leaver@example.com"));
      await expect(updateDepartment(t.db, null, d.id, { slug: "einkauf", name: "Einkauf", kind: "other", headUserId: inactive.id })).rejects.toMatchObject({
        fieldErrors: { headUserId: ["validation.activeUser"] },
      });
      const [row] = await t.db.select().from(departments).where(eq(departments.id, d.id));
      expect(row.headUserId).toBe(head.id);
      const updated = await updateDepartment(t.db, null, d.id, { slug: "einkauf-logistik", name: "Einkauf & Logistik", kind: "other", headUserId: null });
      expect(updated).toMatchObject({ slug: "einkauf-logistik", headUserId: null });
      const audit = await listAudit(t.db, { entityType: "department" });
      expect(audit.rows.filter((r) => r.entityId === String(d.id)).map((r) => r.action).sort()).toEqual(["department.create", "department.update"]);
    });

    it("filters and paginates users", async () => {
      const all = await listUsers(t.db, { pageSize: 5, page: 1 });
      expect(all.rows).toHaveLength(5);
      expect(all.total).toBeGreaterThan(5);
      const p2 = await listUsers(t.db, { pageSize: 5, page: 2 });
      expect(p2.rows.map((r) => r.id)).not.toContain(all.rows[0].id);
      const heads = await listUsers(t.db, { role: "department_head" });
      expect(heads.rows.every((r) => r.role === "department_head")).toBe(true);
      const search = await listUsers(t.db, { q: "krüger" });
      expect(search.rows.map((r) => r.email)).toEqual(["head.hr@example.com"]);
      const inactive = await listUsers(t.db, { active: false });
      expect(inactive.rows.map((r) => r.email)).toContain("leaver@example.com");
      // A LIKE wildcard typed by a user is taken literally.
      expect((await listUsers(t.db, { q: "%" })).total).toBe(0);
    });
  });
}
