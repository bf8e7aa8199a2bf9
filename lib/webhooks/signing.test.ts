import fc from "fast-check";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret, isValidWebhookSecret, signedHeaders } from "./signing";

describe("webhook signing", () => {
  it("generates secrets receivers accept, and signatures they verify", () => {
    const secret = generateWebhookSecret();
    expect(isValidWebhookSecret(secret)).toBe(true);
    const body = JSON.stringify({ type: "insight.created", data: { id: 1 } });
    const headers = signedHeaders(secret, "evt_1", new Date(), body);
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
  });
  it("accepts only whsec_ secrets of 24–64 bytes", () => {
    expect(isValidWebhookSecret(`whsec_${Buffer.alloc(24, 1).toString("base64")}`)).toBe(true);
    expect(isValidWebhookSecret(`whsec_${Buffer.alloc(16, 1).toString("base64")}`)).toBe(false);
    expect(isValidWebhookSecret("geheim")).toBe(false);
    expect(isValidWebhookSecret("whsec_!!!!")).toBe(false);
    fc.assert(fc.property(fc.string(), (s) => typeof isValidWebhookSecret(s) === "boolean"));
  });
});
