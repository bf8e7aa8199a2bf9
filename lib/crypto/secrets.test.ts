import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateEncryptionKey, openSecret, parseEncryptionKey, SecretError, sealSecret } from "./secrets";

const key = parseEncryptionKey(generateEncryptionKey());
const other = parseEncryptionKey(generateEncryptionKey());

describe("secrets at rest", () => {
  it("opens what it sealed, for the same context, with umlauts and empty text", () => {
    for (const plain of ["EAAB-geheim", "Schlüssel mit Ümlauten ß", "", "x".repeat(5000)]) {
      expect(openSecret(sealSecret(plain, "connector:1:apiKey", key), "connector:1:apiKey", [key])).toBe(plain);
    }
  });

  it("seals the same text differently every time and shows nothing of it", () => {
    const a = sealSecret("token-123", "c", key);
    const b = sealSecret("token-123", "c", key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("token");
    expect(a).toMatch(/^v1(\.[A-Za-z0-9_-]*){4}$/);
  });

  it("does not open in another context (another connector or field)", () => {
    const sealed = sealSecret("s", "connector:1:apiKey", key);
    expect(() => openSecret(sealed, "connector:2:apiKey", [key])).toThrow(SecretError);
    expect(() => openSecret(sealed, "connector:1:appSecret", [key])).toThrow(SecretError);
  });

  it("opens with a previous key after the key was replaced, and says so when no key matches", () => {
    const sealed = sealSecret("s", "c", other);
    expect(openSecret(sealed, "c", [key, other])).toBe("s");
    expect(() => openSecret(sealed, "c", [key])).toThrow(/does not have/);
  });

  it("refuses any change to a sealed secret", () => {
    const sealed = sealSecret("secret value", "c", key);
    for (let i = 0; i < sealed.length; i++) {
      if (sealed[i] === ".") continue;
      const changed = sealed.slice(0, i) + (sealed[i] === "A" ? "B" : "A") + sealed.slice(i + 1);
      // Either refused, or (a change in base64url padding bits) still the same text: never another value.
      try {
        expect(openSecret(changed, "c", [key])).toBe("secret value");
      } catch (err) {
        expect(err).toBeInstanceOf(SecretError);
      }
    }
  });

  it("answers any text that is not a sealed secret with a SecretError", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(fc.string(), { minLength: 5, maxLength: 5 }).map((p) => ["v1", ...p.slice(1)].join("."))), (text) => {
        expect(() => openSecret(text, "c", [key])).toThrow(SecretError);
      }),
    );
  });

  it("takes keys as 64 hex digits or base64(url) of 32 bytes and refuses others clearly", () => {
    expect(parseEncryptionKey("ab".repeat(32))).toHaveLength(32);
    expect(parseEncryptionKey(Buffer.alloc(32, 7).toString("base64"))).toHaveLength(32);
    expect(parseEncryptionKey(Buffer.alloc(32, 250).toString("base64url"))).toHaveLength(32);
    for (const bad of ["", "short", "ab".repeat(31), Buffer.alloc(16).toString("base64"), Buffer.alloc(33).toString("base64"), "zz".repeat(32)]) {
      expect(() => parseEncryptionKey(bad)).toThrow(/ENCRYPTION_KEY must be 32 random bytes/);
    }
  });
});
