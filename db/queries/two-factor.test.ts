import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { auditLog, users } from "../schema";
import { seedIfEmpty } from "../seed";
import { loadSessionState, verifyLogin } from "./auth";
import {
  confirmTotpEnrolment,
  disableTwoFactor,
  regenerateRecoveryCodes,
  setTotpRequiredRoles,
  startTotpEnrolment,
  totpRequiredRoles,
  twoFactorStatus,
} from "./two-factor";
import { createUser, updateUser } from "./users";
import { totpCode } from "@/lib/auth/totp";

const policy = { maxAttempts: 5, maxAttemptsPerAccount: 20, windowMinutes: 15 };
const PASSWORD = "demo-password";
// A fixed clock for the codes; each test moves on by whole 30-second steps.
const T0 = new Date("2026-04-14T09:00:05Z");
const at = (steps: number) => new Date(T0.getTime() + steps * 30_000);

for (const backend of availableBackends()) {
  describe(`two-factor authentication on ${backend}`, () => {
    let t: TestDb;
    let admin: number;

    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedIfEmpty(t.db);
      [{ id: admin }] = await t.db.select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1);
    });
    afterAll(async () => {
      await t?.dispose();
    });

    async function enrolled(email: string) {
      const u = await createUser(t.db, null, { email, name: email, password: PASSWORD, role: "employee", departmentId: null, locale: "de" });
      const { secret, uri } = await startTotpEnrolment(t.db, u.id);
      expect(uri).toContain(encodeURIComponent(email));
      const codes = await confirmTotpEnrolment(t.db, u.id, totpCode(secret, at(0)), at(0));
      return { id: u.id, secret, codes };
    }

    it("switches on only with a correct code from the new secret, and gives ten recovery codes", async () => {
      const u = await createUser(t.db, null, { email: "tf.enrol@example.com", name: "E", password: PASSWORD, role: "employee", departmentId: null, locale: "de" });
      const { secret } = await startTotpEnrolment(t.db, u.id);
      await expect(confirmTotpEnrolment(t.db, u.id, "000000", at(0))).rejects.toMatchObject({ fieldErrors: { code: ["auth.twoFactor.wrongCode"] } });
      expect((await twoFactorStatus(t.db, u.id)).enabled).toBe(false);
      const codes = await confirmTotpEnrolment(t.db, u.id, totpCode(secret, at(0)), at(0));
      expect(codes).toHaveLength(10);
      expect(await twoFactorStatus(t.db, u.id)).toEqual({ enabled: true, enabledAt: at(0), recoveryCodesLeft: 10 });
      await expect(startTotpEnrolment(t.db, u.id)).rejects.toMatchObject({ code: "conflict" });
      // Stored sealed, never as the secret itself, and never in the audit log.
      const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
      expect(row.totpSecret).toMatch(/^v1\./);
      expect(row.totpSecret).not.toContain(secret);
      await updateUser(t.db, admin, u.id, { name: "E2", role: "employee", departmentId: null, active: true });
      const entries = await t.db.select().from(auditLog).where(eq(auditLog.entityId, String(u.id)));
      expect(JSON.stringify(entries)).not.toMatch(/totp_?secret|totpLastStep|v1\./i);
    });

    it("asks for the code after the password, and takes each code once", async () => {
      const u = await enrolled("tf.login@example.com");
      expect(await verifyLogin(t.db, "tf.login@example.com", PASSWORD, "192.0.2.1", policy, at(2))).toEqual({ ok: false, reason: "totp_required" });
      expect(await verifyLogin(t.db, "tf.login@example.com", "wrong-password", "192.0.2.1", policy, at(2), totpCode(u.secret, at(2)))).toEqual({
        ok: false,
        reason: "invalid",
      });
      expect(await verifyLogin(t.db, "tf.login@example.com", PASSWORD, "192.0.2.1", policy, at(2), "123 45")).toEqual({ ok: false, reason: "invalid_code" });
      const code = totpCode(u.secret, at(2));
      expect((await verifyLogin(t.db, "tf.login@example.com", PASSWORD, "192.0.2.1", policy, at(2), code)).ok).toBe(true);
      // The same code again, within its validity: refused.
      expect(await verifyLogin(t.db, "tf.login@example.com", PASSWORD, "192.0.2.1", policy, at(2), code)).toEqual({ ok: false, reason: "invalid_code" });
    });

    it("takes a recovery code once, in any case and without the hyphen", async () => {
      const u = await enrolled("tf.recovery@example.com");
      const typed = u.codes[3].toUpperCase().replace("-", "");
      expect((await verifyLogin(t.db, "tf.recovery@example.com", PASSWORD, "192.0.2.2", policy, at(1), typed)).ok).toBe(true);
      expect((await twoFactorStatus(t.db, u.id)).recoveryCodesLeft).toBe(9);
      expect(await verifyLogin(t.db, "tf.recovery@example.com", PASSWORD, "192.0.2.2", policy, at(1), u.codes[3])).toEqual({
        ok: false,
        reason: "invalid_code",
      });
      const used = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "user.recovery_code_used"), eq(auditLog.entityId, String(u.id))));
      expect(used).toHaveLength(1);
      // New codes replace the old ones.
      const fresh = await regenerateRecoveryCodes(t.db, u.id, totpCode(u.secret, at(3)), at(3));
      expect((await verifyLogin(t.db, "tf.recovery@example.com", PASSWORD, "192.0.2.2", policy, at(4), u.codes[0])).ok).toBe(false);
      expect((await verifyLogin(t.db, "tf.recovery@example.com", PASSWORD, "192.0.2.2", policy, at(4), fresh[0])).ok).toBe(true);
    });

    it("throttles code guesses like password guesses", async () => {
      const u = await enrolled("tf.guess@example.com");
      for (let i = 0; i < 5; i++) {
        const r = await verifyLogin(t.db, "tf.guess@example.com", PASSWORD, "192.0.2.3", policy, at(1), String(100000 + i));
        expect(r).toEqual({ ok: false, reason: "invalid_code" });
      }
      expect(await verifyLogin(t.db, "tf.guess@example.com", PASSWORD, "192.0.2.3", policy, at(1), totpCode(u.secret, at(1)))).toEqual({
        ok: false,
        reason: "throttled",
      });
    });

    it("a role that requires it holds password sessions at the set-up, not directory sessions", async () => {
      const u = await createUser(t.db, null, { email: "tf.required@example.com", name: "R", password: PASSWORD, role: "executive", departmentId: null, locale: "de" });
      const claims = { id: u.id, sessionVersion: 0, sid: "s-required" };
      expect((await loadSessionState(t.db, claims))?.mustEnrolTwoFactor).toBe(false);
      await setTotpRequiredRoles(t.db, admin, ["executive", "admin"]);
      expect(await totpRequiredRoles(t.db)).toEqual(["admin", "executive"]);
      expect((await loadSessionState(t.db, { ...claims, via: "password" }))?.mustEnrolTwoFactor).toBe(true);
      expect((await loadSessionState(t.db, { ...claims, via: "sso" }))?.mustEnrolTwoFactor).toBe(false);
      const { secret } = await startTotpEnrolment(t.db, u.id);
      await confirmTotpEnrolment(t.db, u.id, totpCode(secret, at(0)), at(0));
      expect((await loadSessionState(t.db, claims))?.mustEnrolTwoFactor).toBe(false);
      // Its owner cannot switch it off while the role requires it; an admin can reset it.
      await expect(disableTwoFactor(t.db, u.id, u.id, totpCode(secret, at(1)), at(1))).rejects.toMatchObject({
        fieldErrors: { _form: ["auth.twoFactor.requiredForRole"] },
      });
      await disableTwoFactor(t.db, admin, u.id, null, at(1));
      expect(await twoFactorStatus(t.db, u.id)).toEqual({ enabled: false, enabledAt: null, recoveryCodesLeft: 0 });
      const reset = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "user.two_factor_reset"), eq(auditLog.entityId, String(u.id))));
      expect(reset[0].actorId).toBe(admin);
      await setTotpRequiredRoles(t.db, admin, []);
    });

    it("its owner switches it off with a current code, not without", async () => {
      const u = await enrolled("tf.off@example.com");
      await expect(disableTwoFactor(t.db, u.id, u.id, "999999", at(1))).rejects.toMatchObject({ code: "validation_failed" });
      await disableTwoFactor(t.db, u.id, u.id, totpCode(u.secret, at(1)), at(1));
      expect((await twoFactorStatus(t.db, u.id)).enabled).toBe(false);
      expect((await verifyLogin(t.db, "tf.off@example.com", PASSWORD, "192.0.2.4", policy, at(2))).ok).toBe(true);
    });
  });
}
