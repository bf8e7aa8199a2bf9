import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capCount, cursorParams, decodeCursor, encodeCursor, pageRequest, toKeysetPage, type CursorKey } from "./cursor";

describe("cursors", () => {
  it("round-trip timestamps with microseconds and offsets, and dates", () => {
    for (const key of [
      ["2025-03-01 10:00:00.123456+00", 7],
      ["2025-03-01 10:00:00+01", 1],
      ["2025-03-01T10:00:00Z", 9],
      ["2025-03-01", 42],
    ] as CursorKey[]) {
      expect(decodeCursor(encodeCursor(key))).toEqual(key);
    }
  });

  it("refuses anything else with bad_request, never another error", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json().map((j) => Buffer.from(j).toString("base64url"))), (s) => {
        try {
          const key = decodeCursor(s);
          // Whatever decodes is a well-formed key.
          expect(typeof key[0]).toBe("string");
          expect(Number.isSafeInteger(key[1]) && key[1] > 0).toBe(true);
        } catch (err) {
          expect(err).toMatchObject({ code: "bad_request" });
        }
      }),
      { numRuns: 1000 },
    );
    const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    for (const bad of [enc(["2025-02-29", 1]), enc(["2025-01-01 24:00:00+00", 1]), enc(["2025-01-01", 0]), enc({ a: 1 }), "", "%%%"]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ code: "bad_request" }));
    }
    expect(cursorParams({ before: "%%%" })).toEqual({ invalid: true });
    expect(cursorParams({})).toEqual({ before: undefined, invalid: false });
  });

  it("after wins over before; none means the first page", () => {
    const a = encodeCursor(["2025-01-01", 1]);
    const b = encodeCursor(["2025-01-02", 2]);
    expect(pageRequest({ after: a, before: b })).toEqual({ direction: "after", key: ["2025-01-01", 1] });
    expect(pageRequest({ before: b })).toEqual({ direction: "before", key: ["2025-01-02", 2] });
    expect(pageRequest({})).toBeNull();
  });
});

describe("pages", () => {
  const key = (n: number): CursorKey => ["2025-01-01", n];
  const count = { total: 5, more: false };

  it("first page: no newer, older only when a row beyond the page was fetched", () => {
    const p = toKeysetPage([5, 4, 3], null, 2, key, count);
    expect(p.rows).toEqual([5, 4]);
    expect(p.newer).toBeNull();
    expect(decodeCursor(p.older!)).toEqual(key(4));
    expect(toKeysetPage([5, 4], null, 2, key, count).older).toBeNull();
  });

  it("a before page is read upwards and shown newest first", () => {
    const p = toKeysetPage([3, 4, 5], { direction: "before", key: key(2) }, 2, key, count);
    expect(p.rows).toEqual([4, 3]);
    expect(decodeCursor(p.newer!)).toEqual(key(4));
    expect(decodeCursor(p.older!)).toEqual(key(3));
  });

  it("caps counts", () => {
    expect(capCount(10_001, 10_000)).toEqual({ total: 10_000, more: true });
    expect(capCount(10_000, 10_000)).toEqual({ total: 10_000, more: false });
  });
});
