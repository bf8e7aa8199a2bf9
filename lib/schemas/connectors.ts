import { z } from "zod";
import { CONNECTOR_KINDS, type ConnectorKind, INSIGHT_CATEGORIES } from "@/lib/enums";
import { httpUrl, trimmed, v } from "@/lib/validation";

/**
 * What a connector is made of, as `POST /api/v1/connectors` and the channel page's form send it:
 * `{ kind, name, channelId, category?, url?, intervalMinutes?, hashtags?, youtubeChannelId?,
 * apiKey?, accessToken?, appSecret?, verifyToken? }`. Which fields a kind needs is checked here,
 * with a message per field; the secrets are split off (`secretsOf`) to be sealed before they are
 * stored, and never come back.
 */

export const SECRET_FIELDS = ["apiKey", "accessToken", "appSecret", "verifyToken"] as const;
export type SecretField = (typeof SECRET_FIELDS)[number];

/** The secrets each kind needs (required) or may have (optional). */
export const KIND_SECRETS: Record<ConnectorKind, { required: SecretField[]; optional: SecretField[] }> = {
  feed: { required: [], optional: [] },
  mastodon: { required: [], optional: ["accessToken"] },
  youtube: { required: ["apiKey"], optional: [] },
  meta: { required: ["appSecret", "verifyToken"], optional: [] },
  webhook: { required: [], optional: [] },
};

export const MIN_INTERVAL_MINUTES = 5;
export const MAX_INTERVAL_MINUTES = 24 * 60;
export const MAX_HASHTAGS = 10;

const secret = z.string({ error: "connectors.errors.secret" }).trim().min(1, v.required).max(2000, v.tooLong);

/** A hashtag as Mastodon has them: letters, digits and underscores, written with or without "#". */
const hashtag = z
  .string({ error: "connectors.errors.hashtag" })
  .trim()
  .transform((s) => s.replace(/^#/, ""))
  .pipe(z.string().min(1, "connectors.errors.hashtag").max(100, v.tooLong).regex(/^[\p{L}\p{N}_]+$/u, "connectors.errors.hashtag"));

const fields = {
  name: trimmed(120),
  channelId: z.coerce.number({ error: "connectors.errors.channel" }).int("connectors.errors.channel").positive("connectors.errors.channel").max(2_147_483_647, "connectors.errors.channel"),
  category: z
    .enum(INSIGHT_CATEGORIES, { error: v.invalidChoice })
    .nullish()
    .transform((c) => c ?? null),
  url: httpUrl.nullish().transform((s) => s || null),
  intervalMinutes: z.coerce
    .number({ error: "connectors.errors.interval" })
    .int("connectors.errors.interval")
    .min(MIN_INTERVAL_MINUTES, "connectors.errors.interval")
    .max(MAX_INTERVAL_MINUTES, "connectors.errors.interval"),
  hashtags: z
    .array(hashtag, { error: "connectors.errors.hashtag" })
    .max(MAX_HASHTAGS, "connectors.errors.tooManyHashtags")
    .transform((tags) => [...new Set(tags.map((t) => t.toLowerCase()))]),
  youtubeChannelId: z
    .string({ error: "connectors.errors.youtubeChannel" })
    .trim()
    .regex(/^UC[\w-]{22}$/, "connectors.errors.youtubeChannel"),
  apiKey: secret,
  accessToken: secret,
  appSecret: secret,
  verifyToken: z.string({ error: "connectors.errors.secret" }).trim().min(8, "connectors.errors.verifyToken").max(200, v.tooLong),
};

export const createConnectorSchema = z
  .object({
    kind: z.enum(CONNECTOR_KINDS, { error: "connectors.errors.kind" }),
    name: fields.name,
    channelId: fields.channelId,
    category: fields.category,
    url: fields.url,
    intervalMinutes: fields.intervalMinutes.optional(),
    hashtags: fields.hashtags.optional(),
    youtubeChannelId: fields.youtubeChannelId.optional(),
    apiKey: fields.apiKey.optional(),
    accessToken: fields.accessToken.optional(),
    appSecret: fields.appSecret.optional(),
    verifyToken: fields.verifyToken.optional(),
  })
  .superRefine((c, ctx) => {
    for (const issue of kindIssues(c.kind, c)) ctx.addIssue({ code: "custom", path: [issue.field], message: issue.message });
  });
export type CreateConnectorInput = z.infer<typeof createConnectorSchema>;

/** PATCH: any field but the kind; a secret given replaces the stored one, one left out stays. */
export const updateConnectorSchema = z.object({
  name: fields.name.optional(),
  channelId: fields.channelId.optional(),
  category: fields.category.optional(),
  url: fields.url.optional(),
  intervalMinutes: fields.intervalMinutes.optional(),
  hashtags: fields.hashtags.optional(),
  youtubeChannelId: fields.youtubeChannelId.optional(),
  apiKey: fields.apiKey.optional(),
  accessToken: fields.accessToken.optional(),
  appSecret: fields.appSecret.optional(),
  verifyToken: fields.verifyToken.optional(),
  paused: z.boolean({ error: "connectors.errors.paused" }).optional(),
});
export type UpdateConnectorInput = z.infer<typeof updateConnectorSchema>;

type Candidate = Partial<Pick<CreateConnectorInput, "url" | "hashtags" | "youtubeChannelId" | SecretField>>;

/**
 * What a kind is missing or must not have, as field errors: checked for a new connector and again
 * after a PATCH is applied to the stored one (so a PATCH cannot leave a feed without its address).
 */
export function kindIssues(kind: ConnectorKind, c: Candidate, storedSecrets: readonly string[] = []): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  const has = (f: SecretField) => (c[f] != null && c[f] !== "") || storedSecrets.includes(f);
  const needsUrl = kind === "feed" || kind === "mastodon";
  if (needsUrl && !c.url) issues.push({ field: "url", message: kind === "feed" ? "connectors.errors.feedUrl" : "connectors.errors.instanceUrl" });
  if (!needsUrl && c.url) issues.push({ field: "url", message: "connectors.errors.noUrl" });
  if (kind === "mastodon" && !(c.hashtags?.length || has("accessToken"))) issues.push({ field: "hashtags", message: "connectors.errors.mastodonWhat" });
  if (kind !== "mastodon" && c.hashtags?.length) issues.push({ field: "hashtags", message: "connectors.errors.notForKind" });
  if (kind === "youtube" && !c.youtubeChannelId) issues.push({ field: "youtubeChannelId", message: "connectors.errors.youtubeChannel" });
  if (kind !== "youtube" && c.youtubeChannelId) issues.push({ field: "youtubeChannelId", message: "connectors.errors.notForKind" });
  const allowed = KIND_SECRETS[kind];
  for (const f of allowed.required) if (!has(f)) issues.push({ field: f, message: v.required });
  for (const f of SECRET_FIELDS) {
    if (c[f] != null && !allowed.required.includes(f) && !allowed.optional.includes(f)) issues.push({ field: f, message: "connectors.errors.notForKind" });
  }
  return issues;
}

/** The secret fields given in an input, to be sealed. */
export function secretsOf(input: Partial<Record<SecretField, string | undefined>>): Partial<Record<SecretField, string>> {
  const out: Partial<Record<SecretField, string>> = {};
  for (const f of SECRET_FIELDS) if (input[f]) out[f] = input[f];
  return out;
}

/** A form's text fields as the schemas take them: empty means not given, hashtags one text. */
function fromForm(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v === "") continue;
    out[k] = k === "hashtags" && typeof v === "string" ? v.split(/[\s,;]+/).filter(Boolean) : v;
  }
  return out;
}

/** The channel page's "new connector" form. */
export const connectorFormSchema = z.preprocess(fromForm, createConnectorSchema);

/** The channel page's buttons on a connector: its id, and for pause/resume which. */
export const connectorIdSchema = z.object({ id: z.coerce.number({ error: v.required }).int().positive(), channelId: z.coerce.number().int().positive() });
export const connectorPauseSchema = connectorIdSchema.extend({ paused: z.enum(["true", "false"], { error: v.invalidChoice }).transform((x) => x === "true") });
