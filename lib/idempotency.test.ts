import { describe, expect, it } from "vitest";
import { parseIdempotencyKey, requestHash } from "./idempotency";

describe("parseIdempotencyKey", () => {
  it("takes 1–200 printable ASCII characters", () => {
    expect(parseIdempotencyKey(null)).toBeNull();
    expect(parseIdempotencyKey("a")).toBe("a");
    expect(parseIdempotencyKey("batch 2026-06-01 #7 ~ok")).toBe("batch 2026-06-01 #7 ~ok");
    expect(parseIdempotencyKey("x".repeat(200))).toBe("x".repeat(200));
  });

  it("refuses empty, too long and non-ASCII keys", () => {
    expect(parseIdempotencyKey("")).toBe(false);
    expect(parseIdempotencyKey("x".repeat(201))).toBe(false);
    expect(parseIdempotencyKey("schlüssel")).toBe(false);
    expect(parseIdempotencyKey("a\tb")).toBe(false);
    expect(parseIdempotencyKey("a\u007fb")).toBe(false);
  });
});

describe("requestHash", () => {
  it("is the same for the same JSON and differs for another", () => {
    const a = JSON.parse('{ "items": [ { "date": "2026-06-01", "value": 5 } ] }');
    const b = JSON.parse('{"items":[{"date":"2026-06-01","value":5}]}');
    expect(requestHash(a)).toBe(requestHash(b));
    expect(requestHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(requestHash({ items: [{ date: "2026-06-01", value: 6 }] })).not.toBe(requestHash(a));
  });
});
