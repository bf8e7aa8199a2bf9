import crypto from "node:crypto";
import { z } from "zod";
import { parseGroupMap } from "@/lib/auth/group-map";
import { parseEncryptionKey } from "@/lib/crypto/secrets";
import { ROLES } from "@/lib/enums";
import { parseTrustedProxies, type TrustedProxies } from "@/lib/security/client-address";

const boolish = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : v === "true" || v === "1"));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL connection string; when unset the embedded PGlite database is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Directory of the embedded database. */
  PGLITE_DIR: z.string().min(1).default("./data/pglite"),
  /** Seed the demo company into an empty database on start. */
  SEED_DEMO: boolish.transform((v) => v ?? true),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /** Failed logins allowed per e-mail and address within LOGIN_WINDOW_MINUTES. */
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(5),
  /** Failed logins allowed per account from all addresses together within LOGIN_WINDOW_MINUTES. */
  LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).max(10000).default(20),
  /**
   * Comma-separated IPs/CIDRs of the reverse proxies in front of the app. Only their
   * X-Forwarded-For entries are believed; empty when the app is reached directly.
   */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      try {
        parseTrustedProxies(v);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: (err as Error).message });
      }
    }),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /**
   * Whether this instance runs background jobs (true) or only enqueues them (false, e.g. web-only
   * instances beside dedicated workers). Schedules fire once per tick however many instances run.
   */
  JOBS_WORK: boolish.transform((v) => v ?? true),
  /** Key of the per-author aliases departments see instead of commenters' handles; defaults to the session secret. */
  PSEUDONYM_SECRET: z.string().min(16).optional(),
  /**
   * Outbound requests (webhooks) may go to loopback and private networks (receivers inside the
   * company network, tests). Link-local and cloud metadata addresses stay refused.
   */
  ALLOW_PRIVATE_NETWORKS: boolish.transform((v) => v ?? false),
  /** SMTP server for outgoing mail, smtp://user:pass@host:587 or smtps://…:465; unset keeps mails in the outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, "SMTP_URL must look like smtp://user:password@host:587 or smtps://user:password@host:465")
    .refine((v) => URL.canParse(v) && new URL(v).hostname !== "", "SMTP_URL has no valid host (percent-encode special characters in user and password)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Sender of every mail: an address, optionally with a display name ("Name <address>"). */
  MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, 'MAIL_FROM must be an e-mail address or "Name <address>"')
    .default("Social-Media-Koordination <no-reply@localhost>"),
  /**
   * Key for secrets at rest (connectors' API keys and tokens): 32 random bytes as base64 or 64 hex
   * digits. `npm start` creates one beside the data when unset. ENCRYPTION_KEY_PREVIOUS (comma
   * separated) keeps secrets sealed under replaced keys readable until they are saved again.
   */
  ENCRYPTION_KEY: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (!v) return;
      try {
        parseEncryptionKey(v);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: (err as Error).message });
      }
    }),
  ENCRYPTION_KEY_PREVIOUS: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      for (const k of (v ?? "").split(",").filter((x) => x.trim())) {
        try {
          parseEncryptionKey(k);
        } catch (err) {
          ctx.addIssue({ code: "custom", message: (err as Error).message.replace("ENCRYPTION_KEY", "each key in ENCRYPTION_KEY_PREVIOUS") });
        }
      }
    }),
  /** The YouTube Data API's address, for a proxy or a test server; default Google's. */
  YOUTUBE_API_URL: z
    .string()
    .url()
    .regex(/^https?:\/\/.*\/$/, "YOUTUBE_API_URL must be an http(s) address ending in /")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /**
   * Single sign-on with OpenID Connect: the issuer (its /.well-known/openid-configuration is read
   * at the first sign-in). With OIDC_CLIENT_ID and OIDC_CLIENT_SECRET it adds the button
   * OIDC_LABEL to the login page; the redirect URI to register is <NEXTAUTH_URL>/api/auth/callback/oidc.
   */
  OIDC_ISSUER: z
    .string()
    .url()
    .regex(/^https?:\/\//, "OIDC_ISSUER must start with https:// (or http:// for a local test issuer)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  OIDC_CLIENT_ID: z.string().max(500).optional().or(z.literal("").transform(() => undefined)),
  OIDC_CLIENT_SECRET: z.string().max(2000).optional().or(z.literal("").transform(() => undefined)),
  /** The SSO button's text, e.g. "Mit Microsoft anmelden". */
  OIDC_LABEL: z.string().trim().min(1).max(80).default("Mit Firmenkonto anmelden"),
  /** The ID token claim that lists a person's groups. */
  OIDC_GROUPS_CLAIM: z.string().trim().min(1).max(200).default("groups"),
  /**
   * Presets the group mapping of Admin → Single sign-on (JSON: group → { "role": …, "department":
   * "<slug>" }); applied at start whenever its content changed, so edits in the admin area stay.
   */
  OIDC_GROUP_MAP: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (!v?.trim()) return;
      try {
        parseGroupMap(v);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: (err as Error).message });
      }
    }),
  /** Presets the role of people none of whose groups is mapped; unset (the default) refuses them. */
  OIDC_DEFAULT_ROLE: z.enum(ROLES).optional().or(z.literal("").transform(() => undefined)),
  /**
   * The password login: true (default), false (SSO only: the form is hidden and the endpoint
   * refuses), or admins (only administrators, as break-glass access).
   */
  LOCAL_LOGIN: z.enum(["true", "false", "admins"]).default("true"),
  /** Base URL of the app for links in mails; defaults to NEXTAUTH_URL. */
  APP_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, "APP_URL must start with http:// or https://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export type Env = z.infer<typeof schema>;

/** The settings that belong together: an issuer without its client is a half-done configuration. */
function checkTogether(e: Env): string[] {
  const problems: string[] = [];
  if (e.OIDC_ISSUER && (!e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET)) {
    problems.push("  OIDC_ISSUER: single sign-on also needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET");
  }
  if (e.LOCAL_LOGIN === "false" && !e.OIDC_ISSUER) {
    problems.push("  LOCAL_LOGIN: false turns off the only way to sign in; configure OIDC_ISSUER or use LOCAL_LOGIN=admins");
  }
  return problems;
}

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  const together = checkTogether(parsed.data);
  if (together.length) throw new Error(`Invalid environment configuration:\n${together.join("\n")}`);
  return parsed.data;
}

export const env: Env = load();

export const trustedProxies: TrustedProxies = parseTrustedProxies(env.TRUSTED_PROXIES);

/** Cookies get the Secure flag and responses HSTS only when the app is served over https. */
export const servedOverHttps: boolean = env.NEXTAUTH_URL?.startsWith("https://") ?? false;

/**
 * The session secret. In production it must be configured; the start script generates and stores
 * one for the embedded setup so `npm start` works on a fresh machine.
 */
export function authSecret(): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  // `next build` loads route modules to collect page data; no request is served then.
  if (env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
    throw new Error("NEXTAUTH_SECRET is not set. Set it to a random string of at least 16 characters.");
  }
  return "development-only-secret-not-for-production";
}

/** The key for author aliases. Changing it changes every alias, so set it once and keep it. */
export function pseudonymSecret(): string {
  return env.PSEUDONYM_SECRET ?? authSecret();
}

/**
 * The keys for secrets at rest, the current one first. In production ENCRYPTION_KEY must be set
 * (`npm start` generates one); elsewhere a key is derived from the session secret, so development
 * and tests need no setup.
 */
export function encryptionKeys(): Buffer[] {
  const previous = (env.ENCRYPTION_KEY_PREVIOUS ?? "")
    .split(",")
    .filter((k) => k.trim())
    .map(parseEncryptionKey);
  if (env.ENCRYPTION_KEY) return [parseEncryptionKey(env.ENCRYPTION_KEY), ...previous];
  if (env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
    throw new Error("ENCRYPTION_KEY is not set. Set it to 32 random bytes in base64, e.g. the output of `openssl rand -base64 32`.");
  }
  return [Buffer.from(crypto.hkdfSync("sha256", authSecret(), "", "connector-secrets", 32)), ...previous];
}

/** Where links in mails point: APP_URL, else NEXTAUTH_URL, else the local default; no trailing slash. */
export function appUrl(): string {
  return (env.APP_URL ?? env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

/** Single sign-on is offered when an issuer and its client are configured. */
export const ssoEnabled: boolean = Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
