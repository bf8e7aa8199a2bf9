import crypto from "node:crypto";

/**
 * Secrets at rest (a connector's API key, access token, app secret, verify token): AES-256-GCM
 * under the installation's key (ENCRYPTION_KEY). A sealed secret is one string,
 * `v1.<key id>.<iv>.<ciphertext>.<tag>` (base64url parts): the key id (the first 6 bytes of the
 * key's SHA-256) says which key sealed it, so a key can be replaced while older secrets are still
 * opened with the previous one. Each secret is bound to where it belongs (`context`, e.g.
 * "connector:12:apiKey" — GCM's associated data): a sealed value copied to another row or field
 * does not open there.
 */

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretError extends Error {}

/**
 * The key from its text form: 32 bytes as base64 or base64url (43 or 44 characters) or as 64 hex
 * digits. Anything else is refused with a message that says what is expected.
 */
export function parseEncryptionKey(text: string): Buffer {
  const t = text.trim();
  let key: Buffer | null = null;
  if (/^[0-9a-fA-F]{64}$/.test(t)) key = Buffer.from(t, "hex");
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) key = Buffer.from(t.replace(/=$/, ""), "base64url");
  if (!key || key.length !== 32) {
    throw new SecretError("ENCRYPTION_KEY must be 32 random bytes, written as 64 hex digits or in base64 (e.g. `openssl rand -base64 32`)");
  }
  return key;
}

/** A new key in the form ENCRYPTION_KEY takes. */
export function generateEncryptionKey(): string {
  return crypto.randomBytes(32).toString("base64url");
}

const keyId = (key: Buffer) => crypto.createHash("sha256").update(key).digest().subarray(0, 6).toString("base64url");

/** Seals `plain` for `context` under `key`. */
export function sealSecret(plain: string, context: string, key: Buffer): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, keyId(key), iv.toString("base64url"), ct.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

/**
 * Opens a sealed secret for `context` with whichever of `keys` sealed it (the current key first,
 * then previous ones). Throws SecretError when the text is not a sealed secret, no key matches, or
 * it was changed or belongs elsewhere; never returns a wrong value.
 */
export function openSecret(sealed: string, context: string, keys: readonly Buffer[]): string {
  const parts = sealed.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) throw new SecretError("not a sealed secret");
  const [, kid, ivText, ctText, tagText] = parts;
  if (![kid, ivText, ctText, tagText].every((p) => /^[A-Za-z0-9_-]*$/.test(p))) throw new SecretError("not a sealed secret");
  const key = keys.find((k) => keyId(k) === kid);
  if (!key) throw new SecretError("sealed with a key this installation does not have (ENCRYPTION_KEY was changed?)");
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretError("not a sealed secret");
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(ctText, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretError("the sealed secret was changed or belongs elsewhere");
  }
}
