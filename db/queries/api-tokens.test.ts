import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { apiTokens } from "../schema";
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from "./api-tokens";
import { listAudit } from "./audit";

for (const backend of availableBackends()) {
  describe(`API tokens on ${backend}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await createTestDb(backend);
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("stores only a hash and authenticates the plain token it returned once", async () => {
      const created = await createApiToken(t.db, null, { name: "CRM-Anbindung", scopes: ["insights:write"] });
      const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
      expect(row.tokenHash).not.toContain(created.token);
      expect(JSON.stringify(await listApiTokens(t.db))).not.toContain(created.token);
      expect(JSON.stringify(await listApiTokens(t.db))).not.toContain(row.tokenHash);
      expect(await authenticateApiToken(t.db, created.token)).toEqual({ id: created.id, name: "CRM-Anbindung", scopes: ["insights:write"] });
      const audit = await listAudit(t.db, { entityType: "api_token" });
      expect(JSON.stringify(audit.rows)).not.toContain(created.token);
    });

    it("rejects unknown, malformed and revoked tokens", async () => {
      const created = await createApiToken(t.db, null, { name: "Alt", scopes: ["measurements:write"] });
      const last = created.token.at(-1) === "A" ? "B" : "A";
      expect(await authenticateApiToken(t.db, `${created.token.slice(0, -1)}${last}`)).toBeNull();
      expect(await authenticateApiToken(t.db, "garbage")).toBeNull();
      await revokeApiToken(t.db, null, created.id);
      expect(await authenticateApiToken(t.db, created.token)).toBeNull();
      await expect(revokeApiToken(t.db, null, created.id)).rejects.toMatchObject({ code: "not_found" });
      const listed = (await listApiTokens(t.db)).rows.find((r) => r.id === created.id)!;
      expect(listed.revokedAt).toBeInstanceOf(Date);
    });

    it("records when a token was last used", async () => {
      const created = await createApiToken(t.db, null, { name: "Feed", scopes: ["insights:write"] });
      expect((await listApiTokens(t.db)).rows.find((r) => r.id === created.id)!.lastUsedAt).toBeNull();
      await authenticateApiToken(t.db, created.token);
      expect((await listApiTokens(t.db)).rows.find((r) => r.id === created.id)!.lastUsedAt).toBeInstanceOf(Date);
    });
  });
}
