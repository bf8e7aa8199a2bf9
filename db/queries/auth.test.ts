import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { loginAttempts, revokedSessions, users } from "../schema";
import { seedIfEmpty } from "../seed";
import { bumpSessionVersion, loadSessionUser, revokeSession, verifyLogin } from "./auth";
import { createUser, resetPassword, updateUser } from "./users";

const policy = { maxAttempts: 5, maxAttemptsPerAccount: 20, windowMinutes: 15 };
const PASSWORD = "demo-password";

for (const backend of availableBackends()) {
  describe(`login throttling and session revocation on ${backend}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedIfEmpty(t.db);
    });
    afterAll(async () => {
      await t?.dispose();
    });

    async function newUser(email: string, role: "employee" | "manager" = "employee") {
      return createUser(t.db, null, { email, name: email, password: PASSWORD, role, departmentId: null, locale: "de" });
    }

    it("locks the account after 20 failures spread over 60 spoofed addresses; the right password is refused", async () => {
      await newUser("spoof.target@example.com");
      const results = [];
      // The probe from the hardening issue: a new X-Forwarded-For address for every guess.
      for (let i = 1; i <= 60; i++) {
        results.push((await verifyLogin(t.db, "spoof.target@example.com", `guess-${i}`, `198.51.100.${i}`, policy)).ok === false);
      }
      const checked = await t.db.select().from(loginAttempts).where(eq(loginAttempts.email, "spoof.target@example.com"));
      expect(checked).toHaveLength(20);
      expect(await verifyLogin(t.db, "spoof.target@example.com", PASSWORD, "198.51.100.61", policy)).toEqual({ ok: false, reason: "throttled" });
      expect(await verifyLogin(t.db, "spoof.target@example.com", PASSWORD, "203.0.113.5", policy)).toEqual({ ok: false, reason: "throttled" });
      // Once the window has passed the owner gets in again.
      await t.db
        .update(loginAttempts)
        .set({ createdAt: new Date(Date.now() - 16 * 60_000) })
        .where(eq(loginAttempts.email, "spoof.target@example.com"));
      expect((await verifyLogin(t.db, "spoof.target@example.com", PASSWORD, "203.0.113.5", policy)).ok).toBe(true);
    });

    it("checks at most 5 of 20 parallel wrong passwords from one address", async () => {
      await newUser("burst.pair@example.com");
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => verifyLogin(t.db, "burst.pair@example.com", `wrong-${i}`, "192.0.2.10", policy)),
      );
      expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(5);
      expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(15);
    });

    it("checks at most 20 of 30 parallel wrong passwords from 30 addresses", async () => {
      await newUser("burst.account@example.com");
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => verifyLogin(t.db, "burst.account@example.com", `wrong-${i}`, `192.0.2.${100 + i}`, policy)),
      );
      expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(20);
      const recorded = await t.db.select().from(loginAttempts).where(eq(loginAttempts.email, "burst.account@example.com"));
      expect(recorded).toHaveLength(20);
      expect(await verifyLogin(t.db, "burst.account@example.com", PASSWORD, "192.0.2.200", policy)).toEqual({ ok: false, reason: "throttled" });
    });

    it("hands out the session version at sign-in", async () => {
      const u = await newUser("version@example.com");
      const login = await verifyLogin(t.db, "version@example.com", PASSWORD, "192.0.2.1", policy);
      expect(login).toMatchObject({ ok: true, sessionVersion: 0 });
      await bumpSessionVersion(t.db, u.id);
      expect(await verifyLogin(t.db, "version@example.com", PASSWORD, "192.0.2.1", policy)).toMatchObject({ ok: true, sessionVersion: 1 });
    });

    it("a logged-out session no longer loads, other sessions of the user still do", async () => {
      const u = await newUser("logout@example.com");
      const laptop = { id: u.id, sessionVersion: 0, sid: "laptop" };
      const phone = { id: u.id, sessionVersion: 0, sid: "phone" };
      expect(await loadSessionUser(t.db, laptop)).toMatchObject({ email: "logout@example.com" });
      await revokeSession(t.db, { sid: "laptop", userId: u.id, expiresAt: new Date(Date.now() + 3_600_000) });
      // Logging out twice (two tabs) is not an error.
      await revokeSession(t.db, { sid: "laptop", userId: u.id, expiresAt: new Date(Date.now() + 3_600_000) });
      expect(await loadSessionUser(t.db, laptop)).toBeNull();
      expect(await loadSessionUser(t.db, phone)).not.toBeNull();
    });

    it("forgets logout records once their sessions have expired anyway", async () => {
      const u = await newUser("prune@example.com");
      await revokeSession(t.db, { sid: "old", userId: u.id, expiresAt: new Date(Date.now() - 1000) });
      await revokeSession(t.db, { sid: "new", userId: u.id, expiresAt: new Date(Date.now() + 3_600_000) });
      const left = await t.db.select({ sid: revokedSessions.sid }).from(revokedSessions).where(eq(revokedSessions.userId, u.id));
      expect(left.map((r) => r.sid)).toEqual(["new"]);
    });

    it("signing out everywhere, a password reset, a role change and a deactivation each end every session", async () => {
      const u = await newUser("everywhere@example.com", "manager");
      const current = async () => (await t.db.select().from(users).where(eq(users.id, u.id)))[0].sessionVersion;
      const stillValid = async (sessionVersion: number) => (await loadSessionUser(t.db, { id: u.id, sessionVersion, sid: "s" })) !== null;

      let v = await current();
      await bumpSessionVersion(t.db, u.id);
      expect(await stillValid(v)).toBe(false);

      v = await current();
      await resetPassword(t.db, null, u.id, "another-password");
      expect(await stillValid(v)).toBe(false);

      v = await current();
      await updateUser(t.db, null, u.id, { name: "Renamed", role: "manager", departmentId: null, active: true });
      expect(await stillValid(v)).toBe(true); // a new name alone keeps the sessions
      await updateUser(t.db, null, u.id, { name: "Renamed", role: "employee", departmentId: null, active: true });
      expect(await stillValid(v)).toBe(false);

      v = await current();
      await updateUser(t.db, null, u.id, { name: "Renamed", role: "employee", departmentId: null, active: false });
      await updateUser(t.db, null, u.id, { name: "Renamed", role: "employee", departmentId: null, active: true });
      // Reactivated, but the sessions from before the deactivation stay ended.
      expect(await stillValid(v)).toBe(false);
    });
  });
}
