/**
 * The webhook management API (POST/GET/DELETE /api/v1/webhooks) through its real route handlers
 * on every backend: the `webhooks:manage` scope, the 201 answer with the secret shown once, the
 * list without secrets, field errors for bad input, and deletion.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookEndpoints } from "@/db/schema";
import { createApiToken } from "@/db/queries/api-tokens";
import { availableBackends, createTestDb, type TestDb } from "@/db/testing";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const BASE = "http://127.0.0.1/api/v1/webhooks";

for (const backend of availableBackends()) {
  describe(`webhooks API on ${backend}`, () => {
    let t: TestDb;
    let manage: string;
    let other: string;
    let post: Handler;
    let list: Handler;
    let del: Handler;

    beforeAll(async () => {
      t = await createTestDb(backend);
      (globalThis as unknown as { __dbReady?: Promise<unknown> }).__dbReady = Promise.resolve({ conn: t, seeded: false });
      manage = (await createApiToken(t.db, null, { name: "crm", scopes: ["webhooks:manage"] })).token;
      other = (await createApiToken(t.db, null, { name: "bi", scopes: ["insights:read"] })).token;
      const route = await import("@/app/api/v1/webhooks/route");
      post = route.POST as unknown as Handler;
      list = route.GET as unknown as Handler;
      del = (await import("@/app/api/v1/webhooks/[id]/route")).DELETE as unknown as Handler;
    });
    afterAll(async () => {
      (globalThis as unknown as { __dbReady?: unknown }).__dbReady = undefined;
      await t?.dispose();
    });

    const call = (handler: Handler, method: string, token: string | null, body?: unknown, params: Record<string, string> = {}, path = "") =>
      handler(
        new Request(`${BASE}${path}`, {
          method,
          headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/json" },
          body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
        }),
        { params: Promise.resolve(params) },
      );

    it("needs a token with the scope webhooks:manage", async () => {
      const body = { url: "https://203.0.113.10/hooks", events: ["alert.opened"] };
      expect((await call(post, "POST", null, body)).status).toBe(401);
      expect((await call(post, "POST", other, body)).status).toBe(403);
      expect((await call(list, "GET", other)).status).toBe(403);
      expect((await call(del, "DELETE", other, undefined, { id: "1" })).status).toBe(403);
    });

    it("creates an endpoint: 201 with the secret once, listed without it, deleted by id", async () => {
      const res = await call(post, "POST", manage, { url: "https://203.0.113.10/hooks", events: ["alert.opened", "insight.routed"] });
      expect(res.status).toBe(201);
      const { data } = await res.json();
      expect(data).toMatchObject({ id: expect.any(Number), url: "https://203.0.113.10/hooks", events: ["alert.opened", "insight.routed"], status: "active", internalCrm: false, lastDelivery: null });
      expect(data.secret).toMatch(/^whsec_/);

      const own = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
      const second = await (await call(post, "POST", manage, { url: "https://203.0.113.11/x", events: ["guideline.published"], secret: own })).json();
      expect(second.data.secret).toBe(own);

      const listed = await call(list, "GET", manage, undefined, {}, "?pageSize=10");
      expect(listed.status).toBe(200);
      const page = await listed.json();
      expect(page.total).toBe(2);
      expect(page.data.map((d: { id: number }) => d.id)).toEqual([second.data.id, data.id]);
      expect(JSON.stringify(page)).not.toContain("whsec_");

      expect((await call(del, "DELETE", manage, undefined, { id: String(data.id) })).status).toBe(204);
      expect((await call(del, "DELETE", manage, undefined, { id: String(data.id) })).status).toBe(404);
      expect((await call(del, "DELETE", manage, undefined, { id: "abc" })).status).toBe(404);
      expect((await (await call(list, "GET", manage)).json()).total).toBe(1);
    });

    it("answers bad input with field errors in English", async () => {
      const cases: [unknown, string[]][] = [
        [{ events: ["alert.opened"] }, ["url"]],
        [{ url: "https://203.0.113.10/", events: [] }, ["events"]],
        [{ url: "https://203.0.113.10/", events: ["alert.exploded"] }, ["events.0"]],
        [{ url: "https://203.0.113.10/", events: ["alert.opened"], secret: "geheim" }, ["secret"]],
        [{ url: "gopher://203.0.113.10/", events: ["alert.opened"] }, ["url"]],
        [{ url: "http://169.254.169.254/latest/meta-data/", events: ["alert.opened"] }, ["url"]],
        [{ url: "http://127.0.0.1:8080/", events: ["alert.opened"] }, ["url"]],
        [{ url: "https://203.0.113.10/", events: ["alert.opened"], internalCrm: true }, [""]],
      ];
      for (const [body, fields] of cases) {
        const res = await call(post, "POST", manage, body);
        expect(res.status, JSON.stringify(body)).toBe(422);
        const err = (await res.json()).error;
        expect(err.code).toBe("validation_failed");
        if (fields[0]) expect(Object.keys(err.fields)).toEqual(fields);
        for (const messages of Object.values(err.fields as Record<string, string[]>)) for (const m of messages) expect(m).not.toMatch(/^admin\./);
      }
      const forbidden = await (await call(post, "POST", manage, { url: "http://[::ffff:127.0.0.1]/", events: ["alert.opened"] })).json();
      expect(forbidden.error.fields.url[0]).toMatch(/private, loopback or link-local/);
      expect((await call(post, "POST", manage, "{not json")).status).toBe(400);
      expect((await call(list, "GET", manage, undefined, {}, "?secret=1")).status).toBe(422);
    });

    it("never answers 5xx and stores exactly what it answers 201 for, whatever the body", async () => {
      // Literal addresses only, so no case waits for DNS.
      const url = fc.oneof(
        fc.constantFrom("https://203.0.113.20/h", "http://[2001:db8::1]/h", "http://0x7f.1/", "http://[::ffff:a9fe:a9fe]/", "https://0251.0376.0251.0376/", "javascript:1", ""),
        fc.string(),
      );
      const body = fc.oneof(
        fc.record({ url, events: fc.array(fc.oneof(fc.constantFrom("alert.opened", "insight.created"), fc.string()), { maxLength: 3 }), secret: fc.option(fc.string(), { nil: undefined }) }),
        fc.jsonValue(),
      );
      await fc.assert(
        fc.asyncProperty(body, async (b) => {
          const before = await t.db.$count(webhookEndpoints);
          const res = await call(post, "POST", manage, b);
          expect(res.status).toBeLessThan(500);
          expect(await t.db.$count(webhookEndpoints)).toBe(before + (res.status === 201 ? 1 : 0));
        }),
      );
    });
  });
}
