import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ERASED, handlePattern, hashHandle, maskHandle, normalizeHandle, pgHandleRegex, scrubJson } from "./subject";

describe("subject handles", () => {
  it("normalises what is typed and refuses what cannot be a handle", () => {
    expect(normalizeHandle("  @jana_k ")).toBe("jana_k");
    expect(normalizeHandle("@jana@social.example")).toBe("jana@social.example");
    expect(normalizeHandle("Jana Kraus")).toBe("Jana Kraus");
    expect(normalizeHandle("@")).toBeNull();
    expect(normalizeHandle('ja"na')).toBeNull();
    expect(normalizeHandle("ja\\na")).toBeNull();
    expect(normalizeHandle("x".repeat(201))).toBeNull();
  });

  it("masks and hashes without the handle", () => {
    expect(maskHandle("jana_k")).toBe("j***k");
    expect(maskHandle("ab")).toBe("***");
    expect(hashHandle("x", "Jana_K", "key")).toBe(hashHandle("x", "jana_k", "key"));
    expect(hashHandle("x", "jana_k", "key")).not.toBe(hashHandle("instagram", "jana_k", "key"));
    expect(hashHandle("x", "jana_k", "key")).not.toContain("jana");
  });

  it("matches the handle as a whole word, escaping regex specials", () => {
    expect("x A.B* y".replace(handlePattern("a.b*"), ERASED)).toBe(`x ${ERASED} y`);
    expect("aXb".replace(handlePattern("a.b"), ERASED)).toBe("aXb");
    expect("@jana_k danke, instagram.com/jana_k/ – jana_kraus".replace(handlePattern("jana_k"), ERASED)).toBe(
      `@${ERASED} danke, instagram.com/${ERASED}/ – jana_kraus`,
    );
    expect(pgHandleRegex("a.b")).toBe("(^|[^[:alnum:]_])a\\.b($|[^[:alnum:]_])");
  });

  it("scrubs strings in JSON, never keys or structure (fuzz)", () => {
    expect(scrubJson({ text: "hi @jana_k", jana_k: ["JANA_K"], n: 1 }, handlePattern("jana_k"))).toEqual({
      text: `hi @${ERASED}`,
      jana_k: [ERASED],
      n: 1,
    });
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ minLength: 2, maxLength: 8 }), (value, h) => {
        const out = scrubJson(value, handlePattern(h));
        expect(JSON.stringify(Object.keys(out ?? {}))).toBe(JSON.stringify(Object.keys(value ?? {})));
      }),
    );
  });
});
